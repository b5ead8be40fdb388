import type { Kysely } from 'kysely';
import { DEFAULT_ALLOWED_TYPES, makeAttachFile } from '../app/attach-file.js';
import { makeEditAttachments } from '../app/edit-attachments.js';
import { makePublicPages } from '../app/public-pages.js';
import { makeAttachmentPages } from '../app/attachment-pages.js';
import { makeSearchIndexing } from '../app/search-indexing.js';
import { makeExtractAttachmentTexts } from '../app/extract-attachment-texts.js';
import { makeAttachmentTexts } from '../adapters/db/attachment-texts.js';
import { makeThreadedTextExtractor } from '../adapters/text/threaded-extractor.js';
import type { ExtractionLimits } from '../domain/attachment-text.js';
import { makeSearchReleases } from '../app/search-releases.js';
import { makeViewCounter } from '../app/view-counter.js';
import { makeCreateRelease } from '../app/workflow/create-release.js';
import { makePreviewLinks } from '../app/workflow/preview-links.js';
import { makePublishRelease } from '../app/workflow/publish-release.js';
import { makeRecallRelease } from '../app/workflow/recall-release.js';
import { makeAssignReviewer } from '../app/workflow/assign-reviewer.js';
import { makeReviseInReview } from '../app/workflow/revise-in-review.js';
import { makeRevisions } from '../app/workflow/revisions.js';
import { makeRunDueJobs } from '../app/workflow/run-due-jobs.js';
import { makeSaveDraft } from '../app/workflow/save-draft.js';
import { makeAutosaveDraft } from '../app/workflow/autosave-draft.js';
import { makeDraftPreview } from '../app/workflow/draft-preview.js';
import { makeScheduleRelease } from '../app/workflow/schedule-release.js';
import { makeApproveRelease, makeRejectRelease, makeSubmitRelease, makeUnscheduleRelease, makeWithdrawRelease } from '../app/workflow/simple-transitions.js';
import { makeStartCorrection } from '../app/workflow/start-correction.js';
import { makeSetAuthoritative, makeSetTranslationNeeded } from '../app/translations/mark-translations.js';
import { makePairTranslations, makeUnpairTranslation } from '../app/translations/pair-translations.js';
import { makePublicVersions } from '../app/translations/public-versions.js';
import { makeStartTranslation } from '../app/translations/start-translation.js';
import { makePublicTranslations, makeTranslationRepo } from '../adapters/db/translation.repo.js';
import { systemClock } from '../adapters/clock/system-clock.js';
import { makeAdminCatalog } from '../adapters/db/admin-catalog.js';
import { composeContacts } from './compose-contacts.js';
import { makeAuditLog, makeAuditSubjects } from '../adapters/db/audit-log.js';
import { makeReadership } from '../adapters/db/readership.js';
import { makeAuditTrail } from '../app/audit-trail.js';
import { makeReadershipReports } from '../app/readership-reports.js';
import { makeApiTokenRepo, makeApiTokenUnitOfWork } from '../adapters/db/api-token.repo.js';
import { makeApiTokens } from '../app/api-tokens/api-tokens.js';
import { makeBoardRepo } from '../adapters/db/board.repo.js';
import { connectDatabase, migrateToLatest, pendingMigrations, type DatabaseTarget } from '../adapters/db/connect.js';
import { makeQueueStats } from '../adapters/db/queue-stats.js';
import { makeHeldLeases } from '../adapters/db/held-leases.js';
import { makeJobQueue } from '../adapters/db/job-queue.js';
import { makeRateWindows } from '../adapters/db/rate-window.repo.js';
import { makeSearchOutbox } from '../adapters/db/search-outbox.js';
import { makeLocalWorker } from '../adapters/jobs/local-worker.js';
import { makePublicCatalog } from '../adapters/db/public-catalog.js';
import { makeAttachmentRepo } from '../adapters/db/attachment.repo.js';
import { makeEditionRepo } from '../adapters/db/edition.repo.js';
import { makeReleaseRepo } from '../adapters/db/release.repo.js';
import { makeSiteStateRepo } from '../adapters/db/site-state.repo.js';
import type { Database } from '../adapters/db/schema.js';
import { makeUnitOfWork } from '../adapters/db/unit-of-work.js';
import { makeDemoAssets } from '../adapters/demo/demo-assets.js';
import { makeInMemoryEventBus } from '../adapters/events/in-memory-event-bus.js';
import { makeFileInspector } from '../adapters/files/file-inspector.js';
import { checkDataDirectory } from '../adapters/files/data-directory.js';
import { makeSharpImageProcessor } from '../adapters/files/sharp-image-processor.js';
import { makePostgresSearchIndex } from '../adapters/search/postgres-search-index.js';
import type { SearchIndexOptions } from '../adapters/search/search-documents.js';
import { makeSqliteSearchIndex } from '../adapters/search/sqlite-search-index.js';
import type { ObjectStorageSettings } from '../config.js';
import type { StorageUnavailableError } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import { composeAccounts } from './compose-accounts.js';
import { composeSeedDemo } from './compose-demo.js';
import { DEFAULT_TIME_ZONE } from '../domain/zoned-time.js';
import { composeDistribution, type DistributionOptions } from './compose-distribution.js';
import { composeJournalists } from './compose-journalists.js';
import { composeImport } from './compose-import.js';
import { composeTransfer } from './compose-transfer.js';
import { composeCdn, type CdnOptions } from './compose-cdn.js';
import { makeFileStore } from './file-store.js';
import { wireSystemSubscribers } from './subscribers.js';

export interface SystemOptions {
  database: DatabaseTarget;
  dataDir: string;
  /** Files in an S3-compatible bucket (#18); on local disk under dataDir/files when absent. */
  objectStorage?: ObjectStorageSettings | null;
  clock?: Clock;
  /** Names this process in job locks; several servers may share one PostgreSQL database. */
  workerId?: string;
  allowSelfApproval?: boolean;
  /** Two-factor sign-in mandatory for every staff account. */
  requireTotp?: boolean;
  /** Types an upload may be (detected from its bytes); PDF, HWP, HWPX, DOCX, XLSX, PPTX and web images unless set. */
  allowedUploadTypes?: readonly string[];
  /** Largest accepted upload in bytes; 50 MB unless set. The web server may set a lower one. */
  uploadMaxBytes?: number;
  /** Search tuning (how many matches relevance ranks, how far counts go); tests set small ones. */
  search?: SearchIndexOptions;
  /** Tests pass cheap scrypt parameters; stored hashes keep their own either way. */
  passwordHashing?: Parameters<typeof composeAccounts>[0]['passwordHashing'];
  /** Told of each write the disk or database refuses (full, read-only); the default prints the path and the fix. */
  onStorageError?: (error: StorageUnavailableError) => void;
  /** Told when updating the search index after a commit fails; the write itself stands and the release stays in the outbox. */
  onSearchIndexError?: (error: unknown, releaseIds: number[]) => void;
  /** Releases indexed per batch when finishing outstanding indexing (tests set a few). */
  indexBatch?: number;
  /** The newsroom's IANA time zone (PRESSROOM_TIME_ZONE): digests, emails, imported dates without an offset. */
  timeZone?: string;
  /** Email alerts (#14): SMTP, links' base URL, digest time; without SMTP every email is held in the outbox. */
  distribution?: DistributionOptions;
  /** Limits per file for attachment text views (pages, characters, unzipped bytes, time); tests set small ones. */
  extractionLimits?: Partial<ExtractionLimits>;
  /** A CDN or Varnish in front (#18): where purges go; none by default. */
  cdn?: CdnOptions;
}

/**
 * The composition root shared by the web server, the CLI and tests: the only place adapters are
 * constructed and handed to the application's commands.
 */
export async function composeSystem(options: SystemOptions) {
  // A data directory that cannot be written is reported now, with its path and the fix.
  await checkDataDirectory(options.dataDir);
  const onStorageError = options.onStorageError ?? ((error: StorageUnavailableError) => console.error(error.detail));
  const db: Kysely<Database> = connectDatabase(options.database, { onStorageError });
  await migrateToLatest(db);
  const clock = options.clock ?? systemClock;
  const events = makeInMemoryEventBus();
  const uow = makeUnitOfWork(db, events);
  const boards = makeBoardRepo(db);
  const releases = makeReleaseRepo(db);
  const editions = makeEditionRepo(db);
  const attachments = makeAttachmentRepo(db);
  const siteState = makeSiteStateRepo(db);
  const catalog = makePublicCatalog(db);
  const jobs = makeJobQueue(db);
  const files = await makeFileStore({ dataDir: options.dataDir, objectStorage: options.objectStorage, onStorageError });
  const inspector = makeFileInspector();
  const deps = { uow, clock, allowSelfApproval: options.allowSelfApproval };
  const worker = makeLocalWorker();

  // Search: every publication, correction and withdrawal records its release in the search outbox
  // in its own transaction; after the commit the outbox is worked off (and again at start and on the
  // server's timer, so a crash in between loses nothing).
  const searchIndex = options.database.kind === 'postgres' ? makePostgresSearchIndex(db, options.search) : makeSqliteSearchIndex(db, options.search);
  const onIndexError =
    options.onSearchIndexError ??
    ((error: unknown, releaseIds: number[]) => console.error(`Search indexing failed${releaseIds.length > 0 ? ` for release ${releaseIds.join(', ')}` : ''}; it will be retried:`, error));
  // Counts index batches written: cached search answers are valid for one generation only (#17).
  let searchGeneration = 0;
  const indexing = makeSearchIndexing({
    outbox: makeSearchOutbox(db),
    index: searchIndex,
    batch: options.indexBatch,
    onError: onIndexError,
    onIndexed: () => {
      searchGeneration += 1;
    },
  });
  // Shared-cache purges after commit, by surrogate key (#18); embargo lifts are told by the web server.
  const cdn = composeCdn({ db, clock, options: options.cdn });
  // Every event subscriber of the system is connected in subscribers.ts (the web server adds its own there too).
  wireSystemSubscribers({ events, indexing, cdn });
  /** Resolves once every index update started so far has finished (tests, shutdown). */
  const searchIdle = () => indexing.idle();

  // Text views of attachments (#19): queued with each upload, read by the server's worker outside
  // any request; a stored text puts its releases in the search outbox.
  const attachmentTexts = makeAttachmentTexts(db);
  // Documents are read in a worker thread, one at a time, so the server's event loop stays free.
  const textExtractor = makeThreadedTextExtractor({ onReplaced: (reason) => console.error(`The attachment text reader was stopped mid-file (${reason}); a new one takes the next file.`) });
  const textExtraction = makeExtractAttachmentTexts({
    texts: attachmentTexts,
    files,
    extractor: textExtractor,
    clock,
    workerId: options.workerId ?? worker.id,
    isWorkerGone: worker.isGone,
    limits: options.extractionLimits,
    // Pages drop their cached copies ("Read online" appears) and the outbox is worked off.
    onStored: (releaseIds) => {
      for (const releaseId of new Set(releaseIds)) events.publish({ type: 'release.attachment_text_ready', releaseId, at: clock.now() });
    },
    onError: (error, sha256) => console.error(`Reading the text of file ${sha256} failed; it will be retried:`, error),
  });

  const attachmentPages = makeAttachmentPages({ boards, catalog, texts: attachmentTexts, clock });

  const createRelease = makeCreateRelease(deps);
  const saveDraft = makeSaveDraft(deps);
  const attachFile = makeAttachFile({ uow, clock, files, inspector, images: makeSharpImageProcessor(), allowedTypes: options.allowedUploadTypes ?? DEFAULT_ALLOWED_TYPES, maxBytes: options.uploadMaxBytes });
  const submitRelease = makeSubmitRelease(deps);
  const approveRelease = makeApproveRelease(deps);
  const publishRelease = makePublishRelease(deps);
  const scheduleRelease = makeScheduleRelease(deps);
  const images = makeSharpImageProcessor();
  const seedDemo = composeSeedDemo({ db, clock, events, files, inspector, images, assets: makeDemoAssets(), allowedTypes: options.allowedUploadTypes ?? DEFAULT_ALLOWED_TYPES, maxBytes: options.uploadMaxBytes, requireTotp: options.requireTotp ?? false, passwordHashing: options.passwordHashing });

  const audit = makeAuditLog(db);
  const accounts = composeAccounts({ db, clock, audit, requireTotp: options.requireTotp ?? false, passwordHashing: options.passwordHashing });

  const workerId = options.workerId ?? worker.id;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const distribution = composeDistribution({ db, clock, boards, search: searchIndex, workerId, timeZone, options: options.distribution ?? {} });
  const previewLinks = makePreviewLinks({ uow, clock });
  const d = options.distribution ?? {};
  const journalists = composeJournalists({ db, clock, boards, releases, editions, previewLinks, outbox: distribution.outboxPolicy, baseUrl: d.baseUrl, siteName: d.siteName, timeZone });

  return {
    db,
    clock,
    /** Settings commands read from the composed system rather than the environment. */
    settings: { timeZone },
    /** Email alerts: subscriptions, alerts and digests, the outbox and its sender (#14). */
    distribution,
    /** Embargoed releases to journalist lists, and notices when an embargo moves (#14). */
    journalists,
    accounts,
    events,
    boards,
    releases,
    editions,
    attachments,
    siteState,
    catalog,
    jobs,
    files,
    audit,
    admin: makeAdminCatalog(db),
    /** The press-contact directory (#16): entries picked on releases, edited once. */
    contacts: composeContacts({ db, events, clock }),
    commands: {
      createRelease,
      saveDraft,
      /** The editor's autosave (#16): same lock and audit; unchanged text is a no-op. */
      autosaveDraft: makeAutosaveDraft(deps),
      attachFile,
      attachments: makeEditAttachments({ uow, clock }),
      submitRelease,
      approveRelease,
      rejectRelease: makeRejectRelease(deps),
      scheduleRelease,
      unscheduleRelease: makeUnscheduleRelease(deps),
      publishRelease,
      startCorrection: makeStartCorrection(deps),
      withdrawRelease: makeWithdrawRelease(deps),
      /** The review loop and fixes in review (#16). */
      recallRelease: makeRecallRelease(deps),
      assignReviewer: makeAssignReviewer({ ...deps, users: accounts.users }),
      reviseInReview: makeReviseInReview(deps),
      runDueJobs: makeRunDueJobs({ jobs, clock, publishRelease, workerId: options.workerId ?? worker.id, isWorkerGone: worker.isGone }),
      seedDemo,
      startTranslation: makeStartTranslation(deps),
      setTranslationNeeded: makeSetTranslationNeeded(deps),
      setAuthoritative: makeSetAuthoritative(deps),
      pairTranslations: makePairTranslations(deps),
      unpairTranslation: makeUnpairTranslation(deps),
    },
    /** Language versions: staff reads (translation groups, missing versions) and public ones. */
    translations: makeTranslationRepo(db),
    publicVersions: makePublicVersions({ translations: makePublicTranslations(db), clock }),
    previewLinks,
    /** Staff previews of a release's latest edition as its public page (#16). */
    draftPreviews: makeDraftPreview({ uow }),
    /** JSON API tokens: created by admins, scoped, stored hashed, revocable, audited. */
    apiTokens: makeApiTokens({ uow: makeApiTokenUnitOfWork(db), tokens: makeApiTokenRepo(db), users: accounts.users, audit, clock }),
    revisions: makeRevisions({ uow, saveDraft }),
    pages: makePublicPages({ boards, catalog, clock, readable: (sha256s) => attachmentPages.readable(sha256s) }),
    attachmentPages,
    /** Attachment text views: the extraction worker and the stored texts (#19). */
    texts: { extraction: textExtraction, store: attachmentTexts },
    search: { index: searchIndex, indexing, idle: searchIdle, generation: () => searchGeneration, releases: makeSearchReleases({ index: searchIndex, boards, clock }) },
    transfer: composeTransfer({ db, files, clock, search: indexing, inspector, allowedTypes: options.allowedUploadTypes ?? DEFAULT_ALLOWED_TYPES }),
    /** Importers of old newsrooms: scraped pages, RSS/Atom feeds, WordPress exports. */
    imports: composeImport({ db, clock, events, files, allowedTypes: options.allowedUploadTypes ?? DEFAULT_ALLOWED_TYPES, maxBytes: options.uploadMaxBytes }),
    views: makeViewCounter({ uow, clock, timeZone }),
    /** Readership for press officers (#16): views per day, top releases, CSV export. */
    readership: makeReadershipReports({ readership: makeReadership(db), clock, timeZone }),
    /** The readable audit trail (#16): names and titles, filters, CSV export. */
    auditTrail: makeAuditTrail({ audit, subjects: makeAuditSubjects(db), users: accounts.users }),
    /** CDN purges (#18): on every release event, and at embargo lifts (web-app.ts). */
    cdn,
    /** Request allowances (API token guessing, subscribe requests) counted in the database, shared by every server (#18). */
    rateWindows: makeRateWindows(db),
    /** Names this process in job leases (scheduled jobs, text views, mail and webhook outboxes). */
    workerId,
    /**
     * For operators (#18): queue backlogs (metrics), migrations not applied yet (/readyz), and the
     * claims this process holds handed back at shutdown, so another server takes them at once.
     */
    operations: {
      queues: makeQueueStats(db),
      pendingMigrations: () => pendingMigrations(db),
      releaseLeases: () => makeHeldLeases(db).releaseAll(workerId, clock.now()),
    },
    close: async () => {
      await searchIdle();
      await cdn.idle();
      await textExtractor.close();
      await distribution.close();
      await db.destroy();
      files.close();
    },
  };
}
export type System = Awaited<ReturnType<typeof composeSystem>>;
