import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';
import type { StorageUnavailableError } from '../../domain/errors.js';
import { storageFailure } from '../storage-failure.js';

export interface StorageAwareOptions {
  /** What the operator must fix: the SQLite file's path, or "the PostgreSQL database". */
  where: string;
  /**
   * SQLite rolls a transaction back by itself after some failures (disk full, I/O error); then
   * Kysely's own rollback fails with "cannot rollback - no transaction is active", which would
   * hide the cause. Told whether a transaction is still open, the rollback is skipped when not.
   */
  inTransaction?: () => boolean;
  /** Told of each storage failure (the operator's log), before it is thrown. */
  report?: (error: StorageUnavailableError) => void;
}

/**
 * Wraps a dialect so that storage failures (disk full, read-only, permissions, I/O) reach callers
 * as StorageUnavailableError naming the database and the fix, and a rollback never hides them.
 */
export function storageAwareDialect(dialect: Dialect, options: StorageAwareOptions): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => new StorageAwareDriver(dialect.createDriver(), options),
  };
}

class StorageAwareDriver implements Driver {
  /** Our connection wrappers, to hand the driver back its own connection objects. */
  private readonly inner = new WeakMap<DatabaseConnection, DatabaseConnection>();
  constructor(
    private readonly driver: Driver,
    private readonly options: StorageAwareOptions,
  ) {}

  private async translate<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const failure = storageFailure(error, this.options.where);
      if (!failure) throw error;
      this.options.report?.(failure);
      throw failure;
    }
  }

  private own(connection: DatabaseConnection): DatabaseConnection {
    return this.inner.get(connection) ?? connection;
  }

  init(): Promise<void> {
    return this.driver.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.driver.acquireConnection();
    const wrapped: DatabaseConnection = {
      executeQuery: <R>(query: CompiledQuery): Promise<QueryResult<R>> => this.translate(() => connection.executeQuery<R>(query)),
      streamQuery: <R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> => connection.streamQuery<R>(query, chunkSize),
    };
    this.inner.set(wrapped, connection);
    return wrapped;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.translate(() => this.driver.beginTransaction(this.own(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.translate(() => this.driver.commitTransaction(this.own(connection)));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.options.inTransaction && !this.options.inTransaction()) return;
    await this.driver.rollbackTransaction(this.own(connection));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.driver.releaseConnection(this.own(connection));
  }

  destroy(): Promise<void> {
    return this.driver.destroy();
  }
}
