import { sql, type Kysely, type Transaction } from 'kysely';
import type { StreamName, StreamRecord } from '../../app/transfer/export-format.js';
import type { ContentSink, ContentStore } from '../../ports/transfer.js';
import { isPostgres } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { makeSearchOutbox } from '../db/search-outbox.js';
import { bumpContentVersion } from '../db/site-state.repo.js';
import { makeRowInserter } from './row-inserter.js';
import * as rows from './transfer-rows.js';

/** Tables whose id is generated: after explicit ids are inserted, PostgreSQL's sequences move past them. */
const ID_TABLES = ['boards', 'users', 'releases', 'editions', 'attachments', 'revisions', 'jobs', 'preview_links', 'import_sources', 'audit_log'] as const;
/** Releases read per batch on export: each carries its editions, revisions and attachments. */
const RELEASE_BATCH = 100;

class Rollback extends Error {}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * Releases with their editions, attachments and revisions: four queries per batch, never one per
 * release. The children are selected by the batch's range of release ids (through the editions'
 * (release_id, edition_no) index), not by a list of ids, so each query has one SQL text that
 * SQLite prepares once.
 */
async function* readReleases(db: Kysely<Database>, batchSize: number): AsyncIterable<StreamRecord<'releases'>[]> {
  let after = 0;
  for (;;) {
    const releases = await db.selectFrom('releases').selectAll().where('id', '>', after).orderBy('id').limit(batchSize).execute();
    if (releases.length === 0) return;
    const first = after;
    const last = releases[releases.length - 1]!.id;
    after = last;
    const editions = await db
      .selectFrom('editions')
      .selectAll()
      .where('release_id', '>', first)
      .where('release_id', '<=', last)
      .orderBy('release_id')
      .orderBy('edition_no')
      .execute();
    const [attachments, revisions] = await Promise.all([
      db
        .selectFrom('attachments')
        .innerJoin('editions', 'editions.id', 'attachments.edition_id')
        .selectAll('attachments')
        .where('editions.release_id', '>', first)
        .where('editions.release_id', '<=', last)
        .orderBy('attachments.edition_id')
        .orderBy('attachments.position')
        .orderBy('attachments.id')
        .execute(),
      db
        .selectFrom('revisions')
        .innerJoin('editions', 'editions.id', 'revisions.edition_id')
        .selectAll('revisions')
        .where('editions.release_id', '>', first)
        .where('editions.release_id', '<=', last)
        .orderBy('revisions.edition_id')
        .orderBy('revisions.revision_no')
        .execute(),
    ]);
    const attachmentsBy = groupBy(attachments, (a) => a.edition_id);
    const revisionsBy = groupBy(revisions, (v) => v.edition_id);
    const editionsBy = groupBy(editions, (e) => e.release_id);
    yield releases.map((r) =>
      rows.releaseToRecord(
        r,
        (editionsBy.get(r.id) ?? []).map((e) =>
          rows.editionToRecord(e, (attachmentsBy.get(e.id) ?? []).map(rows.attachmentToRecord), (revisionsBy.get(e.id) ?? []).map(rows.revisionToRecord)),
        ),
      ),
    );
  }
}

/** A table with an integer id, read in id order by keyset pagination. */
async function* readById<T extends 'boards' | 'users' | 'jobs' | 'preview_links' | 'import_sources' | 'audit_log', R>(
  db: Kysely<Database>,
  table: T,
  map: (row: any) => R,
  batchSize: number,
): AsyncIterable<R[]> {
  let after = 0;
  for (;;) {
    const batch = await (db.selectFrom(table as 'boards').selectAll() as any).where('id', '>', after).orderBy('id').limit(batchSize).execute();
    if (batch.length === 0) return;
    after = batch[batch.length - 1].id as number;
    yield (batch as unknown[]).map(map);
  }
}

async function* readDerivatives(db: Kysely<Database>, batchSize: number): AsyncIterable<StreamRecord<'image_derivatives'>[]> {
  let after: { sha: string; width: number } | null = null;
  for (;;) {
    let query = db.selectFrom('image_derivatives').selectAll().orderBy('source_sha256').orderBy('width').limit(batchSize);
    if (after) {
      const { sha, width } = after;
      query = query.where((eb) => eb.or([eb('source_sha256', '>', sha), eb.and([eb('source_sha256', '=', sha), eb('width', '>', width)])]));
    }
    const batch = await query.execute();
    if (batch.length === 0) return;
    const last = batch[batch.length - 1]!;
    after = { sha: last.source_sha256, width: last.width };
    yield batch.map(rows.derivativeToRecord);
  }
}

function sinkFor(trx: Transaction<Database>): ContentSink {
  const { insert } = makeRowInserter(trx);
  const writers: { [S in StreamName]: (records: StreamRecord<S>[]) => Promise<void> } = {
    boards: (records) => insert('boards', records.map(rows.boardToRow)),
    board_counters: (records) => insert('board_counters', records),
    users: (records) => insert('users', records.map(rows.userToRow)),
    async releases(records) {
      await insert('releases', records.map(rows.releaseToRow));
      const editions = records.flatMap((r) => r.editions.map((e) => ({ releaseId: r.id, e })));
      await insert('editions', editions.map(({ releaseId, e }) => rows.editionToRow(e, releaseId)));
      await insert('attachments', editions.flatMap(({ e }) => e.attachments.map((a) => rows.attachmentToRow(a, e.id))));
      await insert('revisions', editions.flatMap(({ e }) => e.revisions.map((v) => rows.revisionToRow(v, e.id))));
    },
    image_derivatives: (records) => insert('image_derivatives', records.map(rows.derivativeToRow)),
    jobs: (records) => insert('jobs', records.map(rows.jobToRow)),
    preview_links: (records) => insert('preview_links', records.map(rows.previewLinkToRow)),
    import_sources: (records) => insert('import_sources', records.map(rows.importSourceToRow)),
    audit_log: (records) => insert('audit_log', records.map(rows.auditToRow)),
  };
  return { insert: (stream, records) => (writers[stream] as (r: typeof records) => Promise<void>)(records) };
}

/** The content store on the application's database (SQLite or PostgreSQL). */
export function makeDbContentStore(db: Kysely<Database>): ContentStore {
  const count = async (table: 'boards' | 'users' | 'releases' | 'audit_log') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  function read<S extends StreamName>(stream: S, batchSize = 500): AsyncIterable<StreamRecord<S>[]> {
    const readers: { [K in StreamName]: () => AsyncIterable<StreamRecord<K>[]> } = {
      boards: () => readById(db, 'boards', rows.boardToRecord, batchSize),
      board_counters: async function* () {
        yield (await db.selectFrom('board_counters').selectAll().orderBy('board_id').orderBy('language').execute()).map(rows.counterToRecord);
      },
      users: () => readById(db, 'users', rows.userToRecord, batchSize),
      releases: () => readReleases(db, Math.min(batchSize, RELEASE_BATCH)),
      image_derivatives: () => readDerivatives(db, batchSize),
      jobs: () => readById(db, 'jobs', rows.jobToRecord, batchSize),
      preview_links: () => readById(db, 'preview_links', rows.previewLinkToRecord, batchSize),
      import_sources: () => readById(db, 'import_sources', rows.importSourceToRecord, batchSize),
      audit_log: () => readById(db, 'audit_log', rows.auditToRecord, batchSize),
    };
    return readers[stream]() as AsyncIterable<StreamRecord<S>[]>;
  }

  return {
    async counts() {
      const { rows: files } = await sql<{ n: number | string }>`
        select count(*) as n from (select sha256 from attachments union select sha256 from image_derivatives) as addresses`.execute(db);
      return {
        boards: await count('boards'),
        users: await count('users'),
        releases: await count('releases'),
        audit_log: await count('audit_log'),
        files: Number(files[0]?.n ?? 0),
      };
    },

    read,

    async *fileAddresses(batchSize = 1000) {
      let after = '';
      for (;;) {
        const { rows: batch } = await sql<{ sha256: string }>`
          select sha256 from (select sha256 from attachments union select sha256 from image_derivatives) as addresses
          where sha256 > ${after} order by sha256 limit ${batchSize}`.execute(db);
        if (batch.length === 0) return;
        after = batch[batch.length - 1]!.sha256;
        yield batch.map((r) => r.sha256);
      }
    },

    async load(work, { commit }) {
      try {
        await db.transaction().execute(async (trx) => {
          await work(sinkFor(trx));
          if (!commit) throw new Rollback();
          // Every imported release waits in the search outbox, committed with the content: an import
          // killed while indexing is finished by the next run, or by the server when it starts.
          await makeSearchOutbox(trx).addAll(new Date());
          if (isPostgres(trx)) {
            for (const table of ID_TABLES) {
              await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
            }
          }
        });
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
    },

    async touch() {
      await bumpContentVersion(db);
    },
  };
}
