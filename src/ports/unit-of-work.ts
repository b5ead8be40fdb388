import type { AttachmentTexts } from './attachment-texts.js';
import type { AuditLog } from './audit-log.js';
import type { BoardRepo } from './board-repo.js';
import type { DomainEvent } from './events.js';
import type { JobQueue } from './job-queue.js';
import type { PreviewLinkRepo } from './preview-link-repo.js';
import type { AttachmentRepo } from './attachment-repo.js';
import type { EditionRepo } from './edition-repo.js';
import type { DailyViewsWriter } from './readership.js';
import type { ReleaseRepo } from './release-repo.js';
import type { SiteStateRepo } from './site-state.js';
import type { SearchOutbox } from './search-outbox.js';
import type { TranslationRepo } from './translation-repo.js';

/**
 * What a transaction changed, for the side effects that follow it. The unit of work moves the public
 * content version (dropping cached pages on every server) in the same transaction when anything was
 * recorded, and publishes the recorded events only once the transaction has committed: a command
 * cannot forget either, and nothing hears of a change that rolled back.
 */
export interface TxEvents {
  /** A domain event to publish after commit; it also marks public content as changed. */
  record(event: DomainEvent): void;
  /** Public pages change without a release event (a board created: its name is in every page's navigation). */
  contentChanged(): void;
}

/** The repositories one transaction sees. */
export interface TxRepos {
  /** This transaction's domain events and content changes (see TxEvents). */
  events: TxEvents;
  boards: BoardRepo;
  releases: ReleaseRepo;
  editions: EditionRepo;
  attachments: AttachmentRepo;
  /** Page views (the content version is the unit of work's own business, see TxEvents). */
  siteState: SiteStateRepo;
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
  /** Page views per day, written with the batched totals (#16). */
  readership: DailyViewsWriter;
}

/** Runs a use case's writes in one transaction, passed explicitly, never ambient; see TxEvents for what follows a commit. */
export interface UnitOfWork {
  run<T>(work: (tx: TxRepos) => Promise<T>): Promise<T>;
}
