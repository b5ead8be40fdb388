import type { FastifyInstance } from 'fastify';
import { makeContentVersionTracker } from '../web/cache/content-version.js';
import { makePageCache } from '../web/cache/page-cache.js';
import { makeSharedCaching, type CdnLifetimes } from '../web/cache/shared-cache.js';
import multipart from '@fastify/multipart';
import { requireStaff } from '../web/admin/register-auth.js';
import { registerAdminRoutes } from '../web/admin/releases/register-admin-routes.js';
import { registerContactRoutes } from '../web/admin/contacts/contacts.route.js';
import { registerFullPreviewRoutes } from '../web/admin/releases/full-preview.route.js';
import { makeApiQueries } from '../app/api-queries.js';
import { makeApiWrites } from '../app/api-writes.js';
import { registerApiTokenAdminRoutes } from '../web/admin/tokens/register-token-routes.js';
import { registerOutboxRoutes } from '../web/admin/outbox/outbox.route.js';
import { registerWebhookAdminRoutes } from '../web/admin/webhooks/webhooks.route.js';
import { registerNotificationRoutes } from '../web/admin/notifications/notifications.route.js';
import { registerJournalistRoutes } from '../web/admin/journalists/journalists.route.js';
import { registerStaffRoutes } from '../web/admin/staff/staff.route.js';
import { registerSubscriptionRoutes } from '../web/public/subscriptions.route.js';
import { registerApi } from '../web/api/register-api.js';
import { buildServer, publicSiteContext } from '../web/server.js';
import { registerReadinessRoute } from '../web/public/readiness.route.js';
import type { MetricsAccess } from '../web/metrics/metrics.js';
import type { TrustProxy } from '../web/trust-proxy.js';
import type { System } from './compose.js';
import { wireWebSubscribers } from './subscribers.js';
import type { WebDeps } from '../web/server.js';

/** How long a stopping server lets in-flight requests and its current background run finish. */
const SHUTDOWN_GRACE_MS = 10_000;
/** How often the server looks for search indexing left undone. */
const INDEX_REPAIR_MS = 10_000;
/** A staged upload is written, checked and moved within seconds; one untouched this long was abandoned. */
const TEMPORARY_FILE_MAX_AGE_MS = 10 * 60_000;
/** The longest rate window (subscribe requests: an hour); older windows have ended and are forgotten. */
const RATE_WINDOW_MAX_MS = 2 * 3_600_000;

export interface WebOptions {
  siteName: string;
  baseUrl: string;
  timeZone: string;
  demo: boolean;
  logLevel?: string;
  /** How often batched view counts are written. */
  viewFlushMs?: number;
  /** How often due scheduled publications are run; 0 turns the timer off (tests tick by hand). */
  schedulerMs?: number;
  /** Must match composeSystem's policy, so the Approve button shows when self-approval is allowed. */
  allowSelfApproval?: boolean;
  /** Largest accepted upload, in bytes (default 50 MB). */
  uploadMaxBytes?: number;
  trustProxy?: TrustProxy;
  /** How often the email sender loop runs (alerts, digests, outbox); 0 turns the timer off (tests tick by hand). */
  distributionMs?: number;
  /** Subscribe requests allowed per address and per client in an hour (tests lower them). */
  subscribeThrottle?: { perAddress: number; perClient: number };
  /** A connection idle this long is closed (default 60 s). */
  idleTimeoutMs?: number;
  /** Where log lines go, and from how slow a request is logged at warn (see web/request-log.ts). */
  logStream?: { write(line: string): void };
  slowRequestMs?: number;
  /** The ministry's contact, licence, statements and favicon for the public pages (#17). */
  /** Prometheus metrics at /metrics (docs/operations.md): off when absent; `token: null` serves them to anyone who reaches the port. */
  metrics?: MetricsAccess | null;
  siteSettings?: WebDeps['site']['settings'];
  favicon?: WebDeps['site']['favicon'];
  /** Lifetimes of public responses in browsers and shared caches (PRESSROOM_CDN_*; docs/caching.md). */
  cdn?: CdnLifetimes;
}

/** Wires the web server to a composed system and starts its timers; `stop` flushes and closes. */
export async function createWebApp(system: System, options: WebOptions): Promise<{ app: FastifyInstance; settled: () => Promise<void>; stop: (options?: { graceMs?: number }) => Promise<void> }> {
  // An embargo lifting fires no event: the tracker notices the moment (on a read or its 1 s poll) and
  // the CDN purge drops the lists, home and feeds a shared cache holds (#18).
  const version = makeContentVersionTracker({ catalog: system.catalog, clock: system.clock, onTransition: (upTo) => void system.cdn.embargoesLifted(upTo) });
  // This server's reactions to events (its caches, its mail loop) are wired in subscribers.ts; the
  // mail loop starts further down, so it is reached through `wakeMail` once it exists.
  let wakeMail: () => void = () => {};
  const unsubscribeEvents = wireWebSubscribers({ events: system.events, version, wakeMail: options.distributionMs === 0 ? null : () => wakeMail() });
  await version.refresh();
  version.start();
  const caching = makeSharedCaching({ lifetimes: options.cdn, msUntilTransition: () => version.msUntilTransition() });
  // prom-client is loaded only when metrics are on (they are off by default).
  const metrics = options.metrics ? (await import('../web/metrics/metrics.js')).makeMetrics({ queues: system.operations.queues, now: () => system.clock.now(), onError: (error) => console.error('Could not read the queue tables for /metrics:', error) }) : null;
  const searchReleases = metrics ? metrics.timedSearch(system.search.releases) : system.search.releases;
  // Rendered pages: at most 5,000 and 16 MB of bodies and compressed copies together. The three caches
  // hold at most 32 MB, which keeps the server within its memory budget under load (#17, docs/benchmarks.md).
  const cache = makePageCache({ version: version.current, maxBytes: 16 * 1024 * 1024, onLookup: metrics?.cacheLookups('pages') });
  // Search answers (page and API), per query: valid while the content version and the search index's
  // generation both hold, and for at most a minute (an index updated by another process bumps neither
  // here); bounded in entries and bytes (#17).
  const searchVersion = { current: () => `${version.current()}/${system.search.generation()}` };
  const searchCache = { pages: makePageCache({ version: searchVersion.current, maxEntries: 2000, maxBytes: 8 * 1024 * 1024, ttlMs: 60_000, onLookup: metrics?.cacheLookups('search') }), version: searchVersion };
  const app = await buildServer({
    site: { name: options.siteName, baseUrl: options.baseUrl, timeZone: options.timeZone, demo: options.demo, settings: options.siteSettings, favicon: options.favicon },
    boards: system.boards,
    catalog: system.catalog,
    pages: system.pages,
    publicVersions: system.publicVersions,
    search: searchReleases,
    previewLinks: system.previewLinks,
    accounts: system.accounts,
    files: system.files,
    attachments: system.attachmentPages,
    views: system.views,
    cache,
    version,
    searchCache,
    caching,
    logLevel: options.logLevel ?? 'info',
    trustProxy: options.trustProxy ?? false,
    idleTimeoutMs: options.idleTimeoutMs,
    logStream: options.logStream,
    slowRequestMs: options.slowRequestMs,
  });
  if (metrics && options.metrics) metrics.register(app, options.metrics);
  // Readiness for load balancers (docs/operations.md): database, file store, schema current.
  registerReadinessRoute(app, { database: () => system.catalog.contentVersion(), storage: () => system.files.ping(), pendingMigrations: system.operations.pendingMigrations });
  // The JSON API (read side) under /api; the public-visibility rule is applied in app/api-queries.ts.
  await app.register(registerApi, {
    prefix: '/api',
    queries: makeApiQueries({ boards: system.boards, catalog: system.catalog, clock: system.clock }),
    // Search and the write side (bearer tokens; the same commands as the admin UI).
    search: searchReleases,
    tokens: system.apiTokens,
    writes: makeApiWrites({ commands: system.commands, releases: system.releases, editions: system.editions, boards: system.boards, tokens: system.apiTokens, allowSelfApproval: options.allowSelfApproval }),
    timeZone: options.timeZone,
    baseUrl: options.baseUrl,
    // API reads have their own page cache (a crawler walking cursors must not evict the pages),
    // valid under the same content version; bounded in entries and bytes.
    cache: { pages: makePageCache({ version: version.current, maxEntries: 2000, maxBytes: 8 * 1024 * 1024, ttlMs: 5 * 60_000, onLookup: metrics?.cacheLookups('api') }), version },
    searchCache,
    caching,
    now: () => system.clock.now().getTime(),
    rateWindows: system.rateWindows,
  });
  // Temporary files a crash or an interrupted upload left behind; younger ones may be an import's in flight.
  // Ended rate windows (the longest is an hour) go with the same sweep.
  const sweepTemporary = () =>
    Promise.all([
      system.files.sweepTemporary(new Date(Date.now() - TEMPORARY_FILE_MAX_AGE_MS)).then(
        (removed) => removed > 0 && app.log.warn({ removed }, 'removed abandoned temporary upload files'),
        (error: unknown) => app.log.error({ err: error }, 'could not sweep the temporary upload files'),
      ),
      system.rateWindows.prune(new Date(Date.now() - RATE_WINDOW_MAX_MS)).catch((error: unknown) => app.log.error({ err: error }, 'could not forget ended rate windows')),
    ]);
  await sweepTemporary();
  const sweepTimer = setInterval(() => void sweepTemporary(), TEMPORARY_FILE_MAX_AGE_MS);
  sweepTimer.unref();
  // The admin side (sign-in pages are registered by buildServer): uploads stream through multipart.
  await app.register(multipart);
  registerAdminRoutes(app, {
    system,
    requireStaff,
    csrfProtection: app.csrfProtection,
    siteName: options.siteName,
    timeZone: options.timeZone,
    baseUrl: options.baseUrl,
    allowSelfApproval: options.allowSelfApproval ?? false,
    uploadMaxBytes: options.uploadMaxBytes,
  });
  // The full-page preview of a release's latest edition and its files, staff only (#16): the public page's view.
  registerFullPreviewRoutes(app, {
    system,
    requireStaff,
    csrfProtection: app.csrfProtection,
    siteName: options.siteName,
    timeZone: options.timeZone,
    baseUrl: options.baseUrl,
    contextFor: publicSiteContext({ boards: system.boards, site: { name: options.siteName, baseUrl: options.baseUrl, timeZone: options.timeZone, demo: options.demo, settings: options.siteSettings, favicon: options.favicon } }),
  });
  // API tokens for the JSON API's write side (administrators only): /admin/tokens.
  registerApiTokenAdminRoutes(app, { system, requireStaff, csrfProtection: app.csrfProtection, siteName: options.siteName, timeZone: options.timeZone, baseUrl: options.baseUrl });
  // Email alerts (#14): public subscription pages, and the outbox for editors and admins.
  const d = system.distribution;
  registerSubscriptionRoutes(app, {
    subscribe: d.subscribe,
    confirm: d.confirm,
    manage: d.manage,
    unsubscribe: d.unsubscribe,
    boards: system.boards,
    contextFor: publicSiteContext({ boards: system.boards, site: { name: options.siteName, baseUrl: options.baseUrl, timeZone: options.timeZone, demo: options.demo, settings: options.siteSettings, favicon: options.favicon } }),
    now: () => Date.now(),
    rateWindows: system.rateWindows,
    throttle: options.subscribeThrottle,
  });
  registerOutboxRoutes(app, { system, requireStaff, csrfProtection: app.csrfProtection, siteName: options.siteName, timeZone: options.timeZone, baseUrl: options.baseUrl });
  // Webhooks (#14), administrators only: /admin/webhooks.
  registerWebhookAdminRoutes(app, { system, requireStaff, csrfProtection: app.csrfProtection, siteName: options.siteName, timeZone: options.timeZone, baseUrl: options.baseUrl });
  // Staff notifications (#14): mark read, and the email choice at /admin/account/notifications.
  registerNotificationRoutes(app, { system, requireStaff, csrfProtection: app.csrfProtection, siteName: options.siteName, timeZone: options.timeZone, baseUrl: options.baseUrl });
  registerJournalistRoutes(app, { system, requireStaff, csrfProtection: app.csrfProtection, siteName: options.siteName, timeZone: options.timeZone, baseUrl: options.baseUrl });
  // The press-contact directory (#16), editors and admins: /admin/contacts.
  registerContactRoutes(app, { system, requireStaff, csrfProtection: app.csrfProtection, siteName: options.siteName, timeZone: options.timeZone, baseUrl: options.baseUrl });
  // Staff management (#16), administrators only: /admin/staff; and the invitation links it hands out.
  registerStaffRoutes(app, { system, requireStaff, csrfProtection: app.csrfProtection, siteName: options.siteName, timeZone: options.timeZone, baseUrl: options.baseUrl });
  const flush = async () => {
    try {
      await system.views.flush();
    } catch (error) {
      app.log.error({ err: error }, 'could not write view counts; they will be retried');
    }
  };
  const flushTimer = setInterval(() => void flush(), options.viewFlushMs ?? 5000);
  flushTimer.unref();
  // The scheduler: due publications (including those that came due while the server was down, and
  // those a crashed process had claimed) run at start and then every second, well inside the promised 5 s.
  // Each loop's current run, so that shutdown can let it finish; `stopping` starts no new one.
  let stopping = false;
  /** A background loop's step: at most one run at a time, none once stopping; failures are logged and retried next time. */
  const singleRun = (run: () => Promise<unknown>, failure: string) => {
    let current: Promise<void> | null = null;
    const step = (): Promise<void> => {
      if (current || stopping) return current ?? Promise.resolve();
      current = run()
        .then(
          () => undefined,
          (error: unknown) => void app.log.error({ err: error }, failure),
        )
        .finally(() => (current = null));
      return current;
    };
    return Object.assign(step, { running: () => current });
  };
  const tick = singleRun(() => system.commands.runDueJobs(), 'scheduled publishing failed; it will be retried');
  // Search indexing that a crash left in the outbox (or that another process wrote: a CLI, a second
  // server) is finished at start, in the background so a large backlog never delays serving, and
  // every 10 s after that.
  let lastIndexRepair = 0;
  const repairIndex = () => {
    lastIndexRepair = Date.now();
    system.search.indexing.finish().catch((error: unknown) => app.log.error({ err: error }, 'search indexing failed; it will be retried'));
  };
  repairIndex();
  await tick();
  // Attachment text views (#19): documents attached before text views existed (or imported) are
  // queued at start; queued files are read in the background, a couple per tick, never in a request.
  const extractTexts = singleRun(() => system.texts.extraction.runPending(), 'attachment text extraction failed; it will be retried');
  if (options.schedulerMs !== 0) {
    void system.texts.extraction
      .queueMissing()
      .then(() => extractTexts())
      .catch((error: unknown) => app.log.error({ err: error }, 'could not queue attachment text extraction'));
  }
  const schedulerTimer =
    options.schedulerMs === 0
      ? null
      : setInterval(() => {
          void tick();
          void extractTexts();
          if (Date.now() - lastIndexRepair >= INDEX_REPAIR_MS) repairIndex();
        }, options.schedulerMs ?? 1000);
  schedulerTimer?.unref();
  // The email sender loop: like the scheduler, every few seconds and at once after a publication
  // (alerts are derived from the releases table, so one missed wake-up loses nothing).
  let mailing: Promise<void> | null = null;
  let mailAgain = false;
  const mailTick = (): Promise<void> => {
    if (stopping) return mailing ?? Promise.resolve();
    if (mailing) {
      mailAgain = true;
      return mailing;
    }
    mailing = (async () => {
      try {
        do {
          mailAgain = false;
          if (stopping) break;
          await system.journalists.notifyEmbargoChanges();
          await d.run();
        } while (mailAgain);
      } catch (error) {
        app.log.error({ err: error }, 'sending email alerts failed; they will be retried');
      } finally {
        mailing = null;
      }
    })();
    return mailing;
  };
  const distributionTimer = options.distributionMs === 0 ? null : setInterval(() => void mailTick(), options.distributionMs ?? 5000);
  distributionTimer?.unref();
  wakeMail = () => void mailTick();
  return {
    app,
    /** Resolves once the content version has caught up with every write announced so far. */
    settled: () => version.refresh(),
    /**
     * Stops gracefully (SIGTERM): no new connections and no new background runs; in-flight requests
     * and the current scheduler, text-view and mail runs finish (for at most `graceMs`, then the
     * remaining connections are closed); the job leases this process still holds are handed back so
     * another server takes them at once; pending view counts are written.
     */
    async stop(stopOptions: { graceMs?: number } = {}) {
      stopping = true;
      clearInterval(flushTimer);
      clearInterval(sweepTimer);
      if (schedulerTimer) clearInterval(schedulerTimer);
      if (distributionTimer) clearInterval(distributionTimer);
      unsubscribeEvents();
      const graceMs = stopOptions.graceMs ?? SHUTDOWN_GRACE_MS;
      const force = setTimeout(() => {
        app.log.warn(`requests still running ${graceMs} ms after shutdown began: closing their connections`);
        app.server.closeAllConnections();
      }, graceMs);
      force.unref();
      const work = Promise.all([tick.running(), extractTexts.running(), mailing]);
      await Promise.all([app.close(), Promise.race([work, new Promise((resolve) => setTimeout(resolve, graceMs).unref())])]);
      clearTimeout(force);
      version.stop();
      try {
        const released = await system.operations.releaseLeases();
        if (Object.values(released).some((n) => n > 0)) app.log.info({ released }, 'handed back the work this server had claimed');
      } catch (error) {
        app.log.error({ err: error }, 'could not hand back claimed work; it is taken over when its lease runs out');
      }
      await flush();
      await system.search.indexing.idle();
    },
  };
}
