import type { AccountsUnitOfWork } from './user-repo.js';
import type { TxRepos } from './unit-of-work.js';

/** Where an imported release came from: one source item (page, feed entry, WordPress post). */
export interface ImportedSource {
  sourceKey: string;
  sourceKind: string;
  contentHash: string;
  releaseId: number | null;
  importedAt: Date;
  details: Record<string, unknown>;
}

/** The record of imported items that makes a second run of an importer add nothing twice. */
export interface ImportSourceRepo {
  find(sourceKey: string): Promise<ImportedSource | null>;
  /** Records an item; fails when the same source key was recorded meanwhile (the transaction rolls back). */
  record(source: ImportedSource): Promise<void>;
}

/** The repositories an import transaction sees: the usual ones plus the record of imported items. */
export interface ImportTx extends TxRepos {
  importSources: ImportSourceRepo;
}

/** One transaction per imported item: the release, its files, its audit entries and its source record. */
export interface ImportUnitOfWork {
  run<T>(work: (tx: ImportTx) => Promise<T>): Promise<T>;
  /** Reads outside any write transaction (dry runs, skip checks). */
  read: { importSources: ImportSourceRepo; boardExists(slug: string): Promise<boolean> };
  /** Staff accounts for imported authors, created in their own transactions. */
  accounts: AccountsUnitOfWork;
}
