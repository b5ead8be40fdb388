import type { Kysely } from 'kysely';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { makeAuditLog } from './audit-log.js';
import { makeBoardRepo } from './board.repo.js';
import { makeJobQueue } from './job-queue.js';
import { makePreviewLinkRepo } from './preview-link.repo.js';
import { makeReleaseRepo } from './release.repo.js';
import type { Database } from './schema.js';
import { makeSearchOutbox } from './search-outbox.js';
import { makeTranslationRepo } from './translation.repo.js';

/** Runs work in one database transaction with repositories bound to it. */
export function makeUnitOfWork(db: Kysely<Database>): UnitOfWork {
  return {
    run: (work) => db.transaction().execute((trx) => work({ boards: makeBoardRepo(trx), releases: makeReleaseRepo(trx), audit: makeAuditLog(trx), jobs: makeJobQueue(trx), previewLinks: makePreviewLinkRepo(trx), translations: makeTranslationRepo(trx), searchOutbox: makeSearchOutbox(trx) })),
  };
}
