import type { BoardRepo } from './board-repo.js';
import type { ReleaseRepo } from './release-repo.js';

/** The repositories one transaction sees. */
export interface TxRepos {
  boards: BoardRepo;
  releases: ReleaseRepo;
}

/** Runs a use case's writes in one transaction, passed explicitly, never ambient. */
export interface UnitOfWork {
  run<T>(work: (tx: TxRepos) => Promise<T>): Promise<T>;
}
