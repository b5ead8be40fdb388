import { sql, type Kysely, type Selectable } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { EmbargoSend, EmbargoSendRepo, Journalist, JournalistRepo, JournalistUnitOfWork } from '../../ports/journalists.js';
import { makeAuditLog } from './audit-log.js';
import { makeOutboxRepo } from './outbox.repo.js';
import type { Database } from './schema.js';
import type { EmbargoSendsTable, JournalistsTable } from './schema-journalists.js';

const toJournalist = (r: Selectable<JournalistsTable>): Journalist => ({ id: r.id, listId: r.list_id, name: r.name, outlet: r.outlet, email: r.email, language: r.language as Language, accredited: Boolean(r.accredited) });
const toSend = (r: Selectable<EmbargoSendsTable>): EmbargoSend => ({
  id: r.id,
  releaseId: r.release_id,
  editionId: r.edition_id,
  email: r.email,
  language: r.language as Language,
  journalistName: r.journalist_name,
  previewLinkId: r.preview_link_id,
  announcedPublicAt: r.announced_public_at === null ? null : new Date(Number(r.announced_public_at)),
});

/** Journalist lists and their members (unique address per list). */
export function makeJournalistRepo(db: Kysely<Database>): JournalistRepo {
  const listQuery = () =>
    db
      .selectFrom('journalist_lists as l')
      .leftJoin('journalists as j', 'j.list_id', 'l.id')
      .select(['l.id', 'l.name', sql<number>`count(j.id)`.as('members'), sql<number>`coalesce(sum(j.accredited), 0)`.as('accredited')])
      .groupBy(['l.id', 'l.name']);
  const toList = (r: { id: number; name: string; members: number | string; accredited: number | string }) => ({ id: r.id, name: r.name, members: Number(r.members), accredited: Number(r.accredited) });
  const taken = async (listId: number, email: string, exceptId: number | null) => {
    let q = db.selectFrom('journalists').select('id').where('list_id', '=', listId).where('email', '=', email);
    if (exceptId !== null) q = q.where('id', '<>', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  };
  return {
    async lists() {
      return (await listQuery().orderBy('l.name').execute()).map(toList);
    },
    async list(id) {
      const r = await listQuery().where('l.id', '=', id).executeTakeFirst();
      return r ? toList(r) : null;
    },
    async createList(name, at) {
      const r = await db.insertInto('journalist_lists').values({ name, created_at: at.getTime(), updated_at: at.getTime() }).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },
    async renameList(id, name, at) {
      const r = await db.updateTable('journalist_lists').set({ name, updated_at: at.getTime() }).where('id', '=', id).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async removeList(id) {
      await db.deleteFrom('journalists').where('list_id', '=', id).execute();
      const r = await db.deleteFrom('journalist_lists').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async members(listId) {
      return (await db.selectFrom('journalists').selectAll().where('list_id', '=', listId).orderBy('name').orderBy('id').execute()).map(toJournalist);
    },
    async get(id) {
      const r = await db.selectFrom('journalists').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toJournalist(r) : null;
    },
    async add(listId, j, at) {
      if (await taken(listId, j.email, null)) return null;
      const r = await db
        .insertInto('journalists')
        .values({ list_id: listId, name: j.name, outlet: j.outlet, email: j.email, language: j.language, accredited: j.accredited ? 1 : 0, created_at: at.getTime(), updated_at: at.getTime() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async update(id, j, at) {
      const current = await db.selectFrom('journalists').select('list_id').where('id', '=', id).executeTakeFirst();
      if (!current || (await taken(current.list_id, j.email, id))) return false;
      await db.updateTable('journalists').set({ name: j.name, outlet: j.outlet, email: j.email, language: j.language, accredited: j.accredited ? 1 : 0, updated_at: at.getTime() }).where('id', '=', id).execute();
      return true;
    },
    async remove(id) {
      const r = await db.deleteFrom('journalists').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}

/** Embargo send records: the unique (email, release, edition) index keeps every address to one email. */
export function makeEmbargoSendRepo(db: Kysely<Database>): EmbargoSendRepo {
  return {
    async exists(email, releaseId, editionId) {
      return (await db.selectFrom('embargo_sends').select('id').where('email', '=', email).where('release_id', '=', releaseId).where('edition_id', '=', editionId).executeTakeFirst()) !== undefined;
    },
    async add(s) {
      const r = await db
        .insertInto('embargo_sends')
        .values({
          release_id: s.releaseId,
          edition_id: s.editionId,
          email: s.email,
          language: s.language,
          journalist_name: s.journalistName,
          preview_link_id: s.previewLinkId,
          outbox_id: s.outboxId,
          announced_public_at: s.announcedPublicAt?.getTime() ?? null,
          created_by: s.createdBy,
          created_at: s.createdAt.getTime(),
        })
        .onConflict((oc) => oc.columns(['email', 'release_id', 'edition_id']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async listFor(releaseId) {
      return (await db.selectFrom('embargo_sends').selectAll().where('release_id', '=', releaseId).orderBy('id').execute()).map(toSend);
    },
    async unsettled(afterId, limit) {
      return (await db.selectFrom('embargo_sends').selectAll().where('settled', '=', 0).where('id', '>', afterId).orderBy('id').limit(limit).execute()).map(toSend);
    },
    async announce(id, from, to) {
      const r = await db
        .updateTable('embargo_sends')
        .set({ announced_public_at: to?.getTime() ?? null })
        .where('id', '=', id)
        .where('settled', '=', 0)
        .where((eb) => (from === null ? eb('announced_public_at', 'is', null) : eb('announced_public_at', '=', from.getTime())))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async settle(id) {
      await db.updateTable('embargo_sends').set({ settled: 1 }).where('id', '=', id).execute();
    },
  };
}

/** Journalist writes in one transaction: lists, send records, outbox rows, audit. */
export function makeJournalistUnitOfWork(db: Kysely<Database>): JournalistUnitOfWork {
  return {
    run: (work) => db.transaction().execute((trx) => work({ journalists: makeJournalistRepo(trx), sends: makeEmbargoSendRepo(trx), outbox: makeOutboxRepo(trx), audit: makeAuditLog(trx) })),
  };
}
