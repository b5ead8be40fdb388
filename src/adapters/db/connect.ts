import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { StorageUnavailableError } from '../../domain/errors.js';
import { storageFailure } from '../storage-failure.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';
import { storageAwareDialect } from './storage-aware-driver.js';

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; poolSize?: number };

// bigint columns hold epoch milliseconds and counts, all well inside Number's exact range.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/**
 * Opens the database named by the configuration: SQLite file (WAL, foreign keys on) or PostgreSQL.
 * Storage failures (disk full, read-only, permissions) surface as StorageUnavailableError naming
 * the file or database and the fix, and are told to `onStorageError` (the operator's log).
 */
export function connectDatabase(target: DatabaseTarget, options: { onStorageError?: (error: StorageUnavailableError) => void } = {}): Kysely<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover, admin command) must not crash the
    // process: the pool discards it and the next query opens a new one.
    pool.on('error', (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`));
    return new Kysely<Database>({ dialect: storageAwareDialect(new PostgresDialect({ pool }), { where: 'the PostgreSQL database', report: options.onStorageError }) });
  }
  let sqlite: SQLite.Database;
  try {
    if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
    sqlite = new SQLite(target.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
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

/** Brings the schema up to date; safe to run at every start. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Database migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
