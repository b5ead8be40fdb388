import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect, type MigrationResultSet } from 'kysely';
import { isPostgres } from './dialect.js';
import type PG from 'pg';
import type { StorageUnavailableError } from '../../domain/errors.js';
import { storageFailure } from '../storage-failure.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';
import { storageAwareDialect } from './storage-aware-driver.js';

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize?: number };

let pgModule: typeof PG | null = null;
/**
 * The pg driver, loaded on first use: a server on SQLite never pays for loading it (~30 ms of start, #17).
 * bigint columns hold epoch milliseconds and counts, all well inside Number's exact range.
 */
function postgresDriver(): typeof PG {
  if (!pgModule) {
    pgModule = createRequire(import.meta.url)('pg') as typeof PG;
    pgModule.types.setTypeParser(pgModule.types.builtins.INT8, (value: string) => Number(value));
  }
  return pgModule;
}

/**
 * Opens the database named by the configuration: SQLite file (WAL, foreign keys on) or PostgreSQL.
 * Storage failures (disk full, read-only, permissions) surface as StorageUnavailableError naming
 * the file or database and the fix, and are told to `onStorageError` (the operator's log).
 */
export function connectDatabase(target: DatabaseTarget, options: { onStorageError?: (error: StorageUnavailableError) => void } = {}): Kysely<Database> {
  if (target.kind === 'postgres') {
    const pool = new (postgresDriver().Pool)({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover, admin command) must not crash the
    // process: the pool discards it and the next query opens a new one.
    pool.on('error', (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`));
    return new Kysely<Database>({ dialect: storageAwareDialect(new PostgresDialect({ pool }), { where: 'the PostgreSQL database', report: options.onStorageError }) });
  }
  let sqlite: SQLite.Database;
  try {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    sqlite = new SQLite(target.file);
    // The busy timeout first: processes opening a fresh file together wait on each other's switch to WAL.
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    // 4 MB of page cache per connection instead of better-sqlite3's 16 MB: the operating system caches
    // the file too, and the server's memory budget is 150 MB under load (#17).
    sqlite.pragma('cache_size = -4000');
  } catch (error) {
    throw storageFailure(error, target.file) ?? error;
  }
  const dialect = new SqliteDialect({ database: withStatementCache(sqlite) });
  return new Kysely<Database>({ dialect: storageAwareDialect(dialect, { where: target.file, inTransaction: () => sqlite.inTransaction, report: options.onStorageError }) });
}

/**
 * Kysely prepares every SQLite statement again for each query; preparing was 12-19% of CPU in the
 * benchmark. Statements are reusable in better-sqlite3, so keep the most recent ones by SQL text.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') {
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (source: string) => {
        let statement = cache.get(source);
        if (!statement) {
          statement = target.prepare(source);
          if (cache.size >= max) cache.delete(cache.keys().next().value as string);
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
}

/** How long a starting process waits for another one's SQLite migration before giving up. */
const SQLITE_MIGRATION_WAIT_MS = 10 * 60_000;

/**
 * Brings the schema up to date; safe to run at every start, and when several processes start
 * together: on PostgreSQL Kysely's migrator holds `pg_advisory_lock` around the run (proved by
 * test/contract/concurrent-migrations.test.ts); on SQLite, whose Kysely adapter takes no lock and
 * runs no transaction, the whole run is one `BEGIN IMMEDIATE` transaction, so a second process
 * waits for the write lock (busy timeout, retried) and then finds nothing left to do.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  if (isPostgres(db)) return report(await migrator(db).migrateToLatest());
  const deadline = Date.now() + SQLITE_MIGRATION_WAIT_MS;
  await db.connection().execute(async (connection) => {
    for (;;) {
      try {
        await sql`begin immediate`.execute(connection);
        break;
      } catch (error) {
        // SQLITE_BUSY after the busy timeout: another process is migrating (or writing); wait on.
        if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      }
    }
    let outcome: MigrationResultSet;
    try {
      outcome = await migrator(connection).migrateToLatest();
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
    await sql.raw(outcome.error ? 'rollback' : 'commit').execute(connection);
    report(outcome);
  });
}

/** The schema's migrations not applied yet (names, oldest first): /readyz answers 503 while there are any. */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const known = await migrator(db).getMigrations();
  return known.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function report({ error, results }: MigrationResultSet): void {
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
