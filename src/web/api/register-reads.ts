import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../domain/errors.js';
import type { Language } from '../../domain/language.js';
import { cacheOrRender, sendCached, type ResponseCache } from '../cache/cached-response.js';
import { fixedCaching, type PublicCaching } from '../cache/shared-cache.js';
import { surrogateKeys } from '../cache/surrogate-keys.js';
import { JSON_TYPE, validationIssues } from './api-http.js';
import { API_ROUTES, type ApiRouteContext } from './routes.js';

// Revalidated on every use (no-cache): cheap 304s, never a stale embargo or withdrawal. Search
// answers always, other reads when no shared-cache policy is given.
const REVALIDATE = fixedCaching('public, no-cache');
// An answer to a request with credentials is for that caller only (RFC 9111 3.5).
const PRIVATE = fixedCaching('private, no-cache');

/** What an API answer shows: `api`, and the board and language its path names. */
function apiKeys(params: object | null): string[] {
  const p = (params ?? {}) as { slug?: string; language?: Language };
  return [surrogateKeys.api, ...(p.slug ? [surrogateKeys.board(p.slug)] : []), ...(p.language ? [surrogateKeys.language(p.language)] : [])];
}

/**
 * Parsed parameters as text with their names sorted, so equal inputs give equal cache keys. Values
 * are JSON; nested values (a cursor) are made by this code, always with their keys in one order.
 */
function canonicalText(value: object | null): string {
  if (value === null) return '';
  const record = value as Record<string, unknown>;
  return Object.keys(record)
    .sort()
    .map((name) => `${name}=${JSON.stringify(record[name])}`)
    .join('&');
}

/**
 * The read routes (API_ROUTES: boards, releases, a release, search, tags, the OpenAPI document):
 * parsed, answered from the page cache (search from its own) unless the request carries
 * credentials, and sent with an ETag, 304s and shared-cache headers.
 */
export function registerApiReads(app: FastifyInstance, ctx: ApiRouteContext, deps: { cache?: ResponseCache; searchCache?: ResponseCache; caching?: PublicCaching }): void {
  for (const route of API_ROUTES) {
    app.get(route.path, async (request, reply) => {
      const query = route.query.safeParse(request.query ?? {});
      const params = route.params?.safeParse(request.params);
      const failures = [...(params && !params.success ? validationIssues(params.error, 'path') : []), ...(!query.success ? validationIssues(query.error, 'query') : [])];
      if (failures.length > 0) throw new ValidationError('The request is not valid', failures);
      // A request carrying credentials is answered from the database, and its answer is not kept.
      const cache = request.headers.authorization !== undefined ? undefined : route.cached === 'search' ? deps.searchCache : route.cached ? deps.cache : undefined;
      // Keyed by what the handler is given (parsed parameters and query), so spellings of one request
      // share an entry and unknown query parameters cannot multiply entries. The version is read
      // before the database is: a change while answering leaves the entry stale, never wrong.
      const key = cache ? `${route.path} ${canonicalText((params?.data as object | undefined) ?? null)} ${canonicalText(query.data as object)}` : '';
      // A request with credentials is never kept by a shared cache either.
      const caching = request.headers.authorization !== undefined ? PRIVATE : route.cached === 'search' ? REVALIDATE : (deps.caching ?? REVALIDATE);
      const doc = await cacheOrRender(cache, key, async () => ({
        text: JSON.stringify(route.response.parse(await route.handle(ctx, { query: query.data, params: params?.data as never }))),
        contentType: JSON_TYPE,
        keys: route.cached === 'search' ? [surrogateKeys.api, surrogateKeys.search] : apiKeys((params?.data as object | undefined) ?? null),
      }));
      return sendCached(request, reply, doc, caching);
    });
  }
}
