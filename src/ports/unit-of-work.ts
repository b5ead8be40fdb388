import type { AttachmentTexts } from './attachment-texts.js';
import type { AuditLog } from './audit-log.js';
import type { BoardRepo } from './board-repo.js';
import type { JobQueue } from './job-queue.js';
import type { PreviewLinkRepo } from './preview-link-repo.js';
import type { ReleaseRepo } from './release-repo.js';
import type { SearchOutbox } from './search-outbox.js';
import type { TranslationRepo } from './translation-repo.js';

/** The repositories one transaction sees. */
export interface TxRepos {
  boards: BoardRepo;
  releases: ReleaseRepo;
  /** Audit entries written in the same transaction as the change they describe. */
  audit: AuditLog;
  jobs: JobQueue;
  previewLinks: PreviewLinkRepo;
  /** Language versions: translation groups, the authoritative marker, "translation needed". */
  translations: TranslationRepo;
  /** Releases whose search entry must follow this transaction's change, recorded with it. */
  searchOutbox: SearchOutbox;
  /** Text views of attached files: an attachment's extraction is queued with it (#19). */
  attachmentTexts: AttachmentTexts;
}

/** Runs a use case's writes in one transaction, passed explicitly, never ambient. */
export interface UnitOfWork {
  run<T>(work: (tx: TxRepos) => Promise<T>): Promise<T>;
}
