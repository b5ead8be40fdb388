import type { Kysely } from 'kysely';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { makeAttachmentTexts } from './attachment-texts.js';
import { makeAuditLog } from './audit-log.js';
import { makeBoardRepo } from './board.repo.js';
import { makeJobQueue } from './job-queue.js';
import { makePreviewLinkRepo } from './preview-link.repo.js';
import { makeReleaseRepo } from './release.repo.js';
import type { Database } from './schema.js';
import { makeSearchOutbox } from './search-outbox.js';
import { makeTranslationRepo } from './translation.repo.js';

/**
 * Runs work in one database transaction with repositories bound to it. Given a transaction (the
 * demo seed runs many commands as one), the work joins it instead of starting its own.
 */
export function makeUnitOfWork(db: Kysely<Database>): UnitOfWork {
  const repos = (trx: Kysely<Database>) => ({
    boards: makeBoardRepo(trx),
    releases: makeReleaseRepo(trx),
    audit: makeAuditLog(trx),
    jobs: makeJobQueue(trx),
    previewLinks: makePreviewLinkRepo(trx),
    translations: makeTranslationRepo(trx),
    searchOutbox: makeSearchOutbox(trx),
    attachmentTexts: makeAttachmentTexts(trx),
  });
  return {
    run: (work) => (db.isTransaction ? work(repos(db)) : db.transaction().execute((trx) => work(repos(trx)))),
  };
}
