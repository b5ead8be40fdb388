// Migrations from scratch (issue #20, item 6), on SQLite and PostgreSQL: every migration's `down`
// undoes exactly its `up` (step by step, all the way down, then up again to the same schema); a
// migration run that fails half-way leaves the schema as it was, with nothing recorded; and the two
// databases end with the same tables, columns, keys and indexes, except for the differences listed
// (and justified) below. These tests always start from an empty database, never from the harness's
// migrated template (test/support/databases.ts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Migrator, sql, type Kysely } from 'kysely';
import { connectDatabase, migrateToLatest } from '../../src/adapters/db/connect.js';
import { migrations } from '../../src/adapters/db/migrations/index.js';
import { createTestDatabase, databaseKinds, type DatabaseKind, type TestDatabase } from '../support/databases.js';
import { coarseSchema, exactSchema, type CoarseSchema } from '../support/schema.js';

const NAMES = Object.keys(migrations);
const migratorOf = (db: Kysely<any>) => new Migrator({ db, provider: { getMigrations: async () => migrations } });
const recorded = async (db: Kysely<any>) => (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);

const latest: Partial<Record<DatabaseKind, CoarseSchema>> = {};

for (const { kind, skip } of databaseKinds()) {
  describe(`migrations from scratch on ${kind}`, { skip }, () => {
    let database: TestDatabase;
    let db: Kysely<any>;
    before(async () => {
      database = await createTestDatabase(kind);
      db = connectDatabase(database.target);
    });
    after(async () => {
      await db?.destroy();
      await database?.drop();
    });

    test('up one at a time, every down back to the schema before its up, then up again to the same schema', { timeout: 300_000 }, async () => {
      const migrator = migratorOf(db);
      const before: Record<string, string>[] = [await exactSchema(db, kind, { bookkeeping: false })];
      for (const name of NAMES) {
        const step = await migrator.migrateUp();
        assert.equal(step.error, undefined, `${name} up failed: ${String(step.error)}`);
        before.push(await exactSchema(db, kind, { bookkeeping: false }));
      }
      const first = await exactSchema(db, kind);
      assert.deepEqual(await recorded(db), NAMES);

      for (let i = NAMES.length - 1; i >= 0; i--) {
        const step = await migrator.migrateDown();
        assert.equal(step.error, undefined, `${NAMES[i]} down failed: ${String(step.error)}`);
        assert.deepEqual(await exactSchema(db, kind, { bookkeeping: false }), before[i], `${NAMES[i]} down did not restore the schema before its up`);
      }
      assert.deepEqual(await recorded(db), []);

      await migrateToLatest(db);
      assert.deepEqual(await exactSchema(db, kind), first, 'up, down, up: the schema differs from the first up');
      assert.deepEqual(await recorded(db), NAMES);
      latest[kind] = await coarseSchema(db, kind);
    });

    test('a run that fails half-way leaves the schema as it was and records nothing', { timeout: 120_000 }, async () => {
      const other = await createTestDatabase(kind);
      const odb = connectDatabase(other.target);
      try {
        assert.equal((await migratorOf(odb).migrateTo('2026120340-journalists')).error, undefined);
        // In the way of the next run's second migration: 2026120350 runs whole, then 2026120402
        // creates its table and fails on this index name.
        await sql`create index rate_windows_started_idx on boards (position)`.execute(odb);
        const schema = await exactSchema(odb, kind);
        const names = await recorded(odb);

        await assert.rejects(migrateToLatest(odb), /Database migration failed \(2026120402-rate-windows\)/);
        assert.deepEqual(await exactSchema(odb, kind), schema, 'the failed run left tables or columns behind');
        assert.deepEqual(await recorded(odb), names, 'the failed run recorded migrations');

        // Out of the way, the next start finishes the job.
        await sql`drop index rate_windows_started_idx`.execute(odb);
        await migrateToLatest(odb);
        assert.deepEqual(await recorded(odb), NAMES);
      } finally {
        await odb.destroy();
        await other.drop();
      }
    });
  });
}

/**
 * Where SQLite and PostgreSQL differ on purpose: search (docs/architecture.md, "Search"). SQLite
 * keeps an FTS5 virtual table (with FTS5's own shadow tables) and the filter columns in
 * `search_fts_entries`; PostgreSQL keeps one `search_documents` table with a tsvector column, a GIN
 * index and b-trees for walking matches newest first (migration 2026112901). Everything else is the
 * same on both.
 */
const SQLITE_ONLY_TABLES = ['search_fts', 'search_fts_config', 'search_fts_data', 'search_fts_docsize', 'search_fts_entries', 'search_fts_idx'];
const POSTGRES_ONLY_TABLES = ['search_documents'];
const SQLITE_ONLY_INDEXES = ['search_fts_entries_public_at_idx'];
const POSTGRES_ONLY_INDEXES = ['search_documents_board_newest_idx', 'search_documents_document_idx', 'search_documents_language_board_newest_idx', 'search_documents_language_newest_idx', 'search_documents_newest_idx'];

describe('SQLite and PostgreSQL end with the same schema', () => {
  test('same tables, columns (coarse types), keys and indexes by name, apart from the search tables', (t) => {
    const { sqlite, postgres } = latest;
    if (!sqlite || !postgres) {
      // Both runs above must have finished; without PostgreSQL there is nothing to compare.
      if (!process.env.PRESSROOM_TEST_PG_URL) return t.skip('PostgreSQL not available (run through `npm test` with PostgreSQL 15 installed)');
      assert.fail('a migration run above failed, so there is no schema to compare');
    }
    const without = (record: Record<string, unknown>, names: string[]) => Object.keys(record).filter((n) => !names.includes(n));
    assert.ok(without(sqlite.tables, SQLITE_ONLY_TABLES).length >= 30, 'fewer tables than the migrations create: is the snapshot reading the right schema?');
    assert.ok(without(sqlite.indexes, SQLITE_ONLY_INDEXES).length >= 25, 'fewer indexes than the migrations create');
    assert.deepEqual(without(sqlite.tables, SQLITE_ONLY_TABLES), without(postgres.tables, POSTGRES_ONLY_TABLES));
    for (const name of without(sqlite.tables, SQLITE_ONLY_TABLES)) assert.deepEqual(sqlite.tables[name], postgres.tables[name], `table ${name} differs`);
    for (const name of [...SQLITE_ONLY_TABLES]) assert.ok(sqlite.tables[name], `${name} is listed as a known difference but SQLite has no such table`);
    for (const name of POSTGRES_ONLY_TABLES) assert.ok(postgres.tables[name], `${name} is listed as a known difference but PostgreSQL has no such table`);

    // The search entries hold the same filter columns; only the key (the FTS5 rowid, SQLite) and
    // the tsvector (PostgreSQL) differ.
    const entries = { ...sqlite.tables.search_fts_entries!.columns };
    delete entries.sort_key;
    const documents = { ...postgres.tables.search_documents!.columns };
    assert.equal(documents.document, 'tsvector not null');
    delete documents.document;
    assert.deepEqual(entries, documents);

    assert.deepEqual(without(sqlite.indexes, SQLITE_ONLY_INDEXES), without(postgres.indexes, POSTGRES_ONLY_INDEXES));
    for (const name of without(sqlite.indexes, SQLITE_ONLY_INDEXES)) assert.equal(sqlite.indexes[name], postgres.indexes[name], `index ${name} differs`);
    for (const name of SQLITE_ONLY_INDEXES) assert.ok(sqlite.indexes[name], `${name} is listed as a known difference but SQLite has no such index`);
    for (const name of POSTGRES_ONLY_INDEXES) assert.ok(postgres.indexes[name], `${name} is listed as a known difference but PostgreSQL has no such index`);
  });
});
