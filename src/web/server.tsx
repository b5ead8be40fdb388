import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { PublicPages } from '../app/public-pages.js';
import type { PublicVersions } from '../app/translations/public-versions.js';
import type { SearchReleases } from '../app/search-releases.js';
import type { PreviewLinks } from '../app/workflow/preview-links.js';
import { registerAuth, type AuthAccounts } from './admin/register-auth.js';
import type { ViewCounter } from '../app/view-counter.js';
import { DomainError } from '../domain/errors.js';
import type { BoardRepo } from '../ports/board-repo.js';
import type { FileStore } from '../ports/file-store.js';
import type { PublicCatalog } from '../ports/public-catalog.js';
import type { ContentVersionTracker } from './cache/content-version.js';
import type { PageCache } from './cache/page-cache.js';
import { FormExpiredView } from './admin/auth/forbidden.view.js';
import { pageContext, sendHtml } from './admin/auth/http.js';
import { makeSharedCaching, type SharedCaching } from './cache/shared-cache.js';
import { isCsrfRefusal, statusOf } from './errors.js';
import { parseQueryFirstWins, registerFirstWinsForms } from './repeated-params.js';
import { RequestLogController } from './request-log.js';
import { computeSecurityHeaders } from './security-headers.js';
import { fastifyTrustProxy, type TrustProxy } from './trust-proxy.js';
import { registerFeedRoutes } from './feeds/feeds.route.js';
import { registerTagRoutes } from './public/tags.route.js';
import { registerSeoRoutes } from './seo/seo.route.js';
import { registerFileRoutes } from './public/files.route.js';
import { registerAttachmentRoutes } from './public/attachments.route.js';
import type { AttachmentPages } from '../app/attachment-pages.js';
import { languageOfPath, PageBeyondEnd, registerPageRoutes } from './public/pages.route.js';
import { makeSiteContext, siteInfo, type SiteSettings } from './public/site-context.js';
import { faviconAsset, type FaviconExtension } from './public/favicon.js';
import { registerStatementRoutes } from './public/statement.route.js';
import { registerPreviewRoutes } from './public/preview.route.js';
import { registerSearchRoutes } from './public/search.route.js';
import { registerSystemRoutes } from './public/system.route.js';
import { registerLanguageRoutes } from './public/language.route.js';
import { renderPage } from './render/page.js';
import { ErrorView } from './views/error.view.js';

export interface WebDeps {
  site: { name: string; baseUrl: string; timeZone: string; demo: boolean; settings?: SiteSettings; favicon?: { body: Buffer; extension: FaviconExtension } };
  boards: BoardRepo;
  catalog: PublicCatalog;
  pages: PublicPages;
  search: SearchReleases;
  previewLinks: PreviewLinks;
  accounts: AuthAccounts;
  files: FileStore;
  views: ViewCounter;
  cache: PageCache;
  version: ContentVersionTracker;
  /** Cached search pages (per query, content version and index generation); without it every search runs. */
  searchCache?: { pages: PageCache; version: { current(): string } };
  logLevel?: string;
  /** Where log lines go (standard output by default); tests read them here. */
  logStream?: { write(line: string): void };
  /** Requests slower than this are logged at warn (default 1 s); others at debug. */
  slowRequestMs?: number;
  /** Which reverse proxies may name the client (X-Forwarded-For); none by default. */
  trustProxy?: TrustProxy;
  /** A connection that sends nothing for this long is closed (a stalled upload frees its temporary file); 60 s by default. */
  idleTimeoutMs?: number;
  /** URLs per sitemap file before /sitemap.xml becomes an index (default 50,000). */
  sitemapChunkSize?: number;
  /** Public language versions of releases (hreflang, "Also in", sitemap alternates). */
  publicVersions?: PublicVersions;
  /** Attachment text views and photo media kits (#19). */
  attachments?: AttachmentPages;
  /** Cache-Control and surrogate keys for a CDN in front (default lifetimes, bounded by the next embargo lift). */
  caching?: SharedCaching;
}

/** The per-language context public pages render with (site name, boards, footer settings, favicon). */
export function publicSiteContext(deps: Pick<WebDeps, 'boards' | 'site'>) {
  return makeSiteContext({ boards: deps.boards, siteName: deps.site.name, baseUrl: deps.site.baseUrl, timeZone: deps.site.timeZone, demo: deps.site.demo, site: siteInfo(deps.site.settings ?? {}, faviconAsset(deps.site.favicon)) });
}

/** Builds the HTTP server: security headers, routes, and one error mapping for every route. */
export async function buildServer(deps: WebDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: deps.logLevel ?? 'info', ...(deps.logStream ? { stream: deps.logStream } : {}) },
    // Each request is one line at debug; failed and slow ones at warn (web/request-log.ts).
    logController: new RequestLogController(deps.slowRequestMs),
    // Only the configured reverse proxies may name the client, and the address taken is the one the
    // nearest trusted proxy saw: sign-in throttling, token lockout and the audit trail key on it, so
    // a client-written X-Forwarded-For entry must never count.
    trustProxy: fastifyTrustProxy(deps.trustProxy),
    // A repeated query parameter keeps its first value (?page=1&page=2 is page 1), for every route.
    routerOptions: { maxParamLength: 300, querystringParser: parseQueryFirstWins },
    // Fastify waits for ever by default: a client that stops sending in the middle of a body would
    // hold its connection, its handler and a half-written upload for good.
    connectionTimeout: deps.idleTimeoutMs ?? 60_000,
  });
  const securityHeaders = computeSecurityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  // And so does a repeated form field, except a route's declared list fields (checkbox groups).
  registerFirstWinsForms(app);
  await registerAuth(app, { accounts: deps.accounts, siteName: deps.site.name });

  const favicon = faviconAsset(deps.site.favicon);
  const contextFor = publicSiteContext(deps);
  const caching = deps.caching ?? makeSharedCaching({ msUntilTransition: () => deps.version.msUntilTransition() });

  async function sendErrorPage(request: FastifyRequest, reply: FastifyReply, status: 404 | 410 | 400 | 500) {
    const ctx = await contextFor(languageOfPath(request.url)).catch(() => null);
    reply.code(status).header('Cache-Control', 'no-store');
    if (!ctx) return reply.type('text/plain; charset=utf-8').send(status === 404 ? 'Not found' : status === 410 ? 'Gone' : 'Error');
    return reply.type('text/html; charset=utf-8').send(renderPage(<ErrorView ctx={ctx} status={status} />));
  }

  app.setNotFoundHandler((request, reply) => sendErrorPage(request, reply, 404));
  app.setErrorHandler((error, request, reply) => {
    if (isCsrfRefusal(error)) return sendHtml(reply, 403, <FormExpiredView ctx={pageContext(reply, deps.site.name, null)} />);
    if (error instanceof PageBeyondEnd) return sendErrorPage(request, reply, 404);
    if (error instanceof DomainError) {
      const status = statusOf(error);
      if (status === 404 || status === 410) return sendErrorPage(request, reply, status);
      return sendErrorPage(request, reply, status >= 500 ? 500 : 400);
    }
    const statusCode = (error as { statusCode?: number }).statusCode;
    if (statusCode && statusCode >= 400 && statusCode < 500) return sendErrorPage(request, reply, statusCode === 404 ? 404 : 400);
    request.log.error({ err: error, url: request.url }, 'unhandled error');
    return sendErrorPage(request, reply, 500);
  });

  registerSystemRoutes(app, { catalog: deps.catalog, favicon });
  registerLanguageRoutes(app);
  registerFileRoutes(app, { pages: deps.pages, files: deps.files, lifetimes: caching.lifetimes });
  registerPreviewRoutes(app, { previewLinks: deps.previewLinks, contextFor, files: deps.files });
  // Feeds and SEO documents before the page routes: their static segments (feed.xml, tags) must be
  // registered alongside the pages' `/:lang/:board` parameters, and win over them.
  registerFeedRoutes(app, { pages: deps.pages, cache: deps.cache, version: deps.version, site: { name: deps.site.name, baseUrl: deps.site.baseUrl }, caching });
  registerSeoRoutes(app, { pages: deps.pages, cache: deps.cache, version: deps.version, baseUrl: deps.site.baseUrl, sitemapChunkSize: deps.sitemapChunkSize, versions: deps.publicVersions, caching });
  // Search before the page routes too: the static `search` segment wins over `/:lang/:board`.
  registerSearchRoutes(app, { search: deps.search, contextFor, timeZone: deps.site.timeZone, cache: deps.searchCache });
  registerStatementRoutes(app, { contextFor, cache: deps.cache, version: deps.version, caching });
  // Tag pages (#16): the static `tags` segment wins over `/:lang/:board/:number`.
  registerTagRoutes(app, { pages: deps.pages, contextFor, cache: deps.cache, version: deps.version, caching });
  if (deps.attachments) registerAttachmentRoutes(app, { attachments: deps.attachments, files: deps.files, contextFor, caching });
  registerPageRoutes(app, { pages: deps.pages, contextFor, cache: deps.cache, version: deps.version, views: deps.views, versions: deps.publicVersions, caching });
  return app;
}
