import type { FastifyInstance } from 'fastify';
import type { ApiQueries } from '../../app/api-queries.js';
import type { ApiTokens } from '../../app/api-tokens/api-tokens.js';
import type { ApiWrites } from '../../app/api-writes.js';
import type { SearchReleases } from '../../app/search-releases.js';
import type { RateWindows } from '../../ports/rate-windows.js';
import type { ContentVersionTracker } from '../cache/content-version.js';
import type { PageCache } from '../cache/page-cache.js';
import type { PublicCaching } from '../cache/shared-cache.js';
import { makeAuthenticate } from './api-auth.js';
import { buildOpenApi } from './openapi.js';
import { makePresenters } from './present.js';
import { registerApiEdges } from './register-edges.js';
import { registerApiReads } from './register-reads.js';
import { registerApiWrites } from './register-writes.js';
import { API_ROUTES, type ApiRouteContext } from './routes.js';
import { API_WRITE_ROUTES } from './write-routes.js';

export interface ApiDeps {
  queries: ApiQueries;
  search: SearchReleases;
  /** Bearer-token authentication for the write side. */
  tokens: ApiTokens;
  writes: ApiWrites;
  /** Public origin, for absolute page, file and API URLs. */
  baseUrl: string;
  /** The site's time zone (list and search dates are its calendar days). */
  timeZone: string;
  /**
   * The page cache in front of the cacheable reads and the content version it is valid under (the
   * same tracker as the public pages': local events, the database's version, embargo lifts).
   * Without it every read goes to the database.
   */
  cache?: { pages: PageCache; version: Pick<ContentVersionTracker, 'current'> };
  /** The search answers' cache: valid while both the content version and the search index's generation hold (#17). */
  searchCache?: { pages: PageCache; version: Pick<ContentVersionTracker, 'current'> };
  /** The clock failed-token counting uses (milliseconds); Date.now by default. */
  now?: () => number;
  /** Cache-Control and surrogate keys for shared caches; without it reads are revalidated on every use. */
  caching?: PublicCaching;
  /** Where failed-token attempts are counted: the database, shared by every server (#18). */
  rateWindows: RateWindows;
}

/**
 * JSON API v1, registered under the /api prefix. Reads apply the public-visibility rule through
 * app/api-queries.ts and app/search-releases.ts, carry an ETag and are readable from any origin.
 * Writes need `Authorization: Bearer <token>`, are never CORS-open or cached, and call the same
 * application commands as the admin UI. Every failure is `{ "errors": [{ code, message, field }] }`
 * with the status of web/errors.ts.
 */
export async function registerApi(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const prefix = app.prefix;
  let openApi: Record<string, unknown> | null = null;
  const presenters = makePresenters(deps.baseUrl);
  const ctx: ApiRouteContext = {
    queries: deps.queries,
    search: deps.search,
    timeZone: deps.timeZone,
    presenters,
    openApi: () => (openApi ??= buildOpenApi(API_ROUTES, { prefix, baseUrl: deps.baseUrl }, API_WRITE_ROUTES)),
  };

  registerApiEdges(app);
  registerApiReads(app, ctx, deps);
  registerApiWrites(app, { writes: deps.writes, authenticate: makeAuthenticate(deps), presenters });
}
