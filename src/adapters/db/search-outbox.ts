import { sql, type Kysely } from 'kysely';
import type { SearchOutbox } from '../../ports/search-outbox.js';
import type { Database } from './schema.js';

/** The search outbox as a table (migration 2026120312): one row per change, several may name one release. */
export function makeSearchOutbox(db: Kysely<Database>): SearchOutbox {
  return {
    async add(releaseIds, at) {
      if (releaseIds.length === 0) return;
      await db
        .insertInto('search_outbox')
        .values(releaseIds.map((id) => ({ release_id: id, queued_at: at.getTime() })))
        .execute();
    },

    async addAll(at) {
      const result = await db
        .insertInto('search_outbox')
        .columns(['release_id', 'queued_at'])
        .expression((eb) =>
          eb
            .selectFrom('releases')
            .select(['id', sql<number>`cast(${at.getTime()} as bigint)`.as('queued_at')])
            .where('status', 'in', ['published', 'withdrawn'])
            .orderBy('id'),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    },

    async next(afterId, limit) {
      const rows = await db.selectFrom('search_outbox').select(['id', 'release_id']).where('id', '>', afterId).orderBy('id').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, releaseId: r.release_id }));
    },

    async remove(ids) {
      if (ids.length === 0) return;
      await db.deleteFrom('search_outbox').where('id', 'in', ids).execute();
    },

    async removeUpTo(id) {
      await db.deleteFrom('search_outbox').where('id', '<=', id).execute();
    },

    async lastId() {
      const row = await db.selectFrom('search_outbox').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
      return Number(row?.id ?? 0);
    },

    async count() {
      const row = await db.selectFrom('search_outbox').select((eb) => eb.fn.count('release_id').distinct().as('n')).executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
