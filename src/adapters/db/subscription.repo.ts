import type { Kysely, Selectable } from 'kysely';
import type { Language } from '../../domain/language.js';
import { criteriaKey, type Frequency, type Subscription } from '../../domain/subscription.js';
import type { SubscriptionRepo } from '../../ports/distribution.js';
import type { Database } from './schema.js';
import type { SubscriptionsTable } from './schema-distribution.js';

const ms = (v: number | null) => (v === null ? null : new Date(Number(v)));

function toSubscription(r: Selectable<SubscriptionsTable>): Subscription {
  return {
    id: r.id,
    email: r.email,
    language: r.language as Language,
    boardId: r.board_id,
    tag: r.tag,
    query: r.query,
    frequency: r.frequency as Frequency,
    status: r.status as Subscription['status'],
    createdAt: new Date(Number(r.created_at)),
    confirmedAt: ms(r.confirmed_at),
    lastDigestAt: ms(r.last_digest_at),
  };
}

/** Public subscriptions in the database (migration 2026120320-distribution). */
export function makeSubscriptionRepo(db: Kysely<Database>): SubscriptionRepo {
  return {
    async get(id) {
      const row = await db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSubscription(row) : null;
    },
    async findSame(email, c) {
      const row = await db.selectFrom('subscriptions').selectAll().where('email', '=', email).where('language', '=', c.language).where('criteria_key', '=', criteriaKey(c)).executeTakeFirst();
      return row ? toSubscription(row) : null;
    },
    async create(s) {
      const at = s.createdAt.getTime();
      const row = await db
        .insertInto('subscriptions')
        .values({ email: s.email, language: s.language, board_id: s.boardId, tag: s.tag, query: s.query, criteria_key: criteriaKey(s), frequency: s.frequency, status: 'pending', created_at: at, updated_at: at })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSubscription(row);
    },
    async confirm(id, at) {
      const r = await db.updateTable('subscriptions').set({ status: 'confirmed', confirmed_at: at.getTime(), updated_at: at.getTime() }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async setFrequency(id, frequency, at) {
      await db.updateTable('subscriptions').set({ frequency, updated_at: at.getTime() }).where('id', '=', id).execute();
    },
    async touch(id, at) {
      await db.updateTable('subscriptions').set({ created_at: at.getTime(), updated_at: at.getTime() }).where('id', '=', id).where('status', '=', 'pending').execute();
    },
    async remove(id) {
      const r = await db.deleteFrom('subscriptions').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) === 1;
    },
    async matching(release, page) {
      const rows = await db
        .selectFrom('subscriptions')
        .selectAll()
        .where('id', '>', page.afterId)
        .where('status', '=', 'confirmed')
        .where('language', '=', release.language)
        .where((eb) => eb.or([eb('board_id', 'is', null), eb('board_id', '=', release.boardId)]))
        .where((eb) => (release.tags.length > 0 ? eb.or([eb('tag', 'is', null), eb('tag', 'in', release.tags)]) : eb('tag', 'is', null)))
        .orderBy('id')
        .limit(page.limit)
        .execute();
      return rows.map(toSubscription);
    },
    async dueDigests(frequency, boundary, limit) {
      const rows = await db
        .selectFrom('subscriptions')
        .selectAll()
        .where('status', '=', 'confirmed')
        .where('frequency', '=', frequency)
        .where((eb) => eb(eb.fn.coalesce('last_digest_at', 'confirmed_at'), '<', boundary.getTime()))
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toSubscription);
    },
    async claimDigest(id, boundary, at) {
      const r = await db
        .updateTable('subscriptions')
        .set({ last_digest_at: at.getTime() })
        .where('id', '=', id)
        .where('status', '=', 'confirmed')
        .where((eb) => eb(eb.fn.coalesce('last_digest_at', 'confirmed_at'), '<', boundary.getTime()))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async purgeUnconfirmed(before) {
      const r = await db.deleteFrom('subscriptions').where('status', '=', 'pending').where('created_at', '<', before.getTime()).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
    async listByEmail(email) {
      const rows = await db.selectFrom('subscriptions').selectAll().where('email', '=', email).orderBy('id').execute();
      return rows.map(toSubscription);
    },
    async removeByEmail(email) {
      const r = await db.deleteFrom('subscriptions').where('email', '=', email).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
