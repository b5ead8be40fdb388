import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import type { ApiQueries } from '../../app/api-queries.js';
import type { ApiTokens } from '../../app/api-tokens/api-tokens.js';
import type { ApiWrites } from '../../app/api-writes.js';
import type { SearchReleases } from '../../app/search-releases.js';
import { ConflictError, DomainError, RateLimitedError, UnauthenticatedError, ValidationError, type ErrorCode, type FieldIssue } from '../../domain/errors.js';
import { STATUS_BY_CODE } from '../errors.js';
import type { ContentVersionTracker } from '../cache/content-version.js';
import { cachedPage, type PageCache } from '../cache/page-cache.js';
import { fixedCaching, type PublicCaching } from '../cache/shared-cache.js';
import { surrogateKeys } from '../cache/surrogate-keys.js';
import type { Language } from '../../domain/language.js';
import { sendDocument } from '../feeds/send-document.js';
import { buildOpenApi } from './openapi.js';
import { makePresenters } from './present.js';
import { API_ROUTES, type ApiRouteContext } from './routes.js';
import type { ErrorBody } from './schemas.js';
import { makeTokenThrottle } from './token-throttle.js';
import type { RateWindows } from '../../ports/rate-windows.js';
import { API_WRITE_ROUTES, type Precondition } from './write-routes.js';
import { editConflictBodySchema, staffReleaseResponseSchema } from './write-schemas.js';

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

const JSON_TYPE = 'application/json; charset=utf-8';
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

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
};
const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, Accept, Accept-Language',
  'Access-Control-Max-Age': '86400',
};

type Issue = ErrorBody['errors'][number];

/** Routes that need a bearer token are not readable from other origins (no CORS headers at all). */
const isStaffRoute = (request: FastifyRequest) => (request.routeOptions.config as { staff?: boolean } | undefined)?.staff === true;

/** Domain fields are camelCase; the API's are snake_case, and a few have their API names. */
const FIELD_NAMES: Record<string, string> = { lockVersion: 'version', boardSlug: 'board', scheduledAt: 'at' };
export function apiField(field: string): string {
  return field
    .split('.')
    .map((part) => FIELD_NAMES[part] ?? part.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))
    .join('.');
}

function sendErrors(request: FastifyRequest, reply: FastifyReply, status: number, errors: Issue[] | [{ code: 'INTERNAL'; message: string; field: null }]) {
  if (!isStaffRoute(request)) reply.headers(CORS_HEADERS);
  return reply.code(status).header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send({ errors });
}

function validationIssues(error: ZodError, location: string): FieldIssue[] {
  return error.issues.map((i) => ({ code: 'VALIDATION_FAILED', message: i.message, field: i.path.length > 0 ? apiField(i.path.join('.')) : location }));
}

/** The bearer token of a request: null when no Authorization header, '' when it is not a bearer one. */
function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  return /^Bearer +([^\s]+) *$/i.exec(header)?.[1] ?? '';
}

const IF_MATCH = /^\s*(?:W\/)?"?(?:(\d{1,9})-)?(\d{1,9})"?\s*$/;

/** The version a change starts from: If-Match wins over the body's `version`; both must agree when both are sent. Null: none sent and none required. */
function preconditionOf(request: FastifyRequest, bodyVersion: number | undefined, required: boolean): Precondition | null {
  const header = request.headers['if-match'];
  if (header !== undefined) {
    const match = IF_MATCH.exec(header);
    if (!match) throw new ValidationError('If-Match is not an edition version', [{ code: 'VALIDATION_FAILED', message: 'Send If-Match as the ETag you were given, such as "1-3"', field: 'If-Match' }]);
    const version = Number(match[2]);
    if (bodyVersion !== undefined && bodyVersion !== version) {
      throw new ValidationError('If-Match and version disagree', [{ code: 'VALIDATION_FAILED', message: 'If-Match and `version` name different versions', field: 'version' }]);
    }
    return { editionNo: match[1] ? Number(match[1]) : null, version };
  }
  if (bodyVersion === undefined) {
    if (!required) return null;
    throw new ValidationError('Say which version you changed', [{ code: 'VALIDATION_FAILED', message: 'Send the edition version you started from, as If-Match or `version`', field: 'version' }]);
  }
  return { editionNo: null, version: bodyVersion };
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

  const throttle = makeTokenThrottle({ scope: 'api-token', store: deps.rateWindows, now: deps.now ?? Date.now });
  /** The caller's token, refusing an address that has failed too often (429) before it is even looked up. */
  async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const token = bearerToken(request);
    const address = request.ip || 'unknown';
    if (token !== null) {
      const waitMs = await throttle.retryAfterMs(address);
      if (waitMs > 0) {
        reply.header('Retry-After', String(Math.ceil(waitMs / 1000)));
        throw new RateLimitedError('Too many failed API token attempts from this address; try again later');
      }
    }
    try {
      return await deps.tokens.authenticate(token, request.ip || null);
    } catch (error) {
      // Only presented tokens count: a request with none guesses nothing.
      if (error instanceof UnauthenticatedError && token !== null && (await throttle.fail(address))) {
        request.log.warn({ ip: address }, 'API token attempts from this address are refused for a while: too many failures');
      }
      throw error;
    }
  }

  app.addHook('onRequest', (request, reply, done) => {
    if (!isStaffRoute(request)) reply.headers(CORS_HEADERS);
    done();
  });

  // Unknown paths, and CORS preflights (no OPTIONS routes are registered), answer here in JSON.
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'OPTIONS') {
      // Only reads are shared with other origins: a preflight for any other method gets no CORS
      // headers, so a browser refuses to send it (tokens never travel from a web page elsewhere).
      const asked = String(request.headers['access-control-request-method'] ?? 'GET').toUpperCase();
      if (asked !== 'GET' && asked !== 'HEAD') return reply.code(204).removeHeader('Access-Control-Allow-Origin').removeHeader('Access-Control-Expose-Headers').header('Cache-Control', 'no-store').send();
      return reply.code(204).headers(PREFLIGHT_HEADERS).header('Cache-Control', 'public, max-age=86400').send();
    }
    return sendErrors(request, reply, 404, [{ code: 'NOT_FOUND', message: `No API endpoint ${request.method} ${request.url.split('?')[0]}`, field: null }]);
  };
  app.setNotFoundHandler(notFound);
  // The site's `/:lang/...` page routes would otherwise claim `/api/anything` and answer with the
  // HTML 404 page: this static-prefix catch-all wins over them. It is no endpoint (config.catchAll).
  for (const url of ['/', '/*']) {
    app.route({ method: ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'], url, config: { catchAll: true } as Record<string, unknown>, exposeHeadRoute: false, handler: notFound });
  }

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof DomainError) {
      const code = error.code as ErrorCode;
      const status = STATUS_BY_CODE[code] ?? 500;
      if (status < 500) {
        if (error instanceof UnauthenticatedError) {
          reply.header('WWW-Authenticate', request.headers.authorization === undefined ? 'Bearer realm="pressroom"' : 'Bearer realm="pressroom", error="invalid_token"');
        }
        const issues: Issue[] = error.issues.length > 0 ? error.issues.map((i) => ({ code, message: i.message, field: i.field ? apiField(i.field) : null })) : [{ code, message: error.message, field: null }];
        return sendErrors(request, reply, status, issues);
      }
    }
    const statusCode = (error as { statusCode?: number }).statusCode;
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      const unsupported = statusCode === 415;
      return sendErrors(request, reply, statusCode === 404 ? 404 : 400, [
        { code: statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', message: unsupported ? 'Send the body as application/json' : 'The request is not valid', field: statusCode === 404 ? null : 'body' },
      ]);
    }
    request.log.error({ err: error, url: request.url }, 'unhandled API error');
    return sendErrors(request, reply, 500, [{ code: 'INTERNAL', message: 'Internal error', field: null }]);
  });

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
      const version = cache?.version.current() ?? '';
      // A request with credentials is never kept by a shared cache either.
      const caching = request.headers.authorization !== undefined ? PRIVATE : route.cached === 'search' ? REVALIDATE : (deps.caching ?? REVALIDATE);
      const cached = cache?.pages.get(key);
      if (cached) return sendDocument(request, reply, cached, caching);
      const body = JSON.stringify(route.response.parse(await route.handle(ctx, { query: query.data, params: params?.data as never })));
      const options = { contentType: JSON_TYPE, keys: route.cached === 'search' ? [surrogateKeys.api, surrogateKeys.search] : apiKeys((params?.data as object | undefined) ?? null) };
      const doc = cache ? cache.pages.set(key, version, body, null, options) : cachedPage(body, null, options);
      return sendDocument(request, reply, doc, caching);
    });
  }

  for (const route of API_WRITE_ROUTES) {
    app.route({
      method: route.method,
      url: route.path,
      config: { staff: true } as Record<string, unknown>,
      async handler(request, reply) {
        // Credentials first: nothing about the request is answered to a caller without them.
        const principal = await authenticate(request, reply);
        const params = route.params?.safeParse(request.params);
        const body = route.body?.safeParse(request.body ?? undefined);
        const failures = [...(params && !params.success ? validationIssues(params.error, 'path') : []), ...(body && !body.success ? validationIssues(body.error, 'body') : [])];
        if (failures.length > 0) throw new ValidationError('The request is not valid', failures);
        const bodyData = body?.data as { version?: number } | undefined;
        const precondition = route.preconditioned ? preconditionOf(request, bodyData?.version, route.preconditioned === 'required') : null;
        reply.header('Cache-Control', 'no-store');
        try {
          const view = await route.handle(deps.writes, principal, { params: params?.data, body: bodyData, precondition });
          const out = staffReleaseResponseSchema.parse({ data: presenters.staffRelease(view) });
          reply.header('ETag', `"${view.edition.editionNo}-${view.edition.lockVersion}"`);
          if (route.creates) reply.code(201).header('Location', out.data.api_url);
          return reply.type('application/json; charset=utf-8').send(out);
        } catch (error) {
          // A stale draft (EditConflictError) or a step on an edition changed since it was shown (StaleEditionError).
          if (!(error instanceof ConflictError) || !params?.success) throw error;
          // The stale change is refused whole; the client gets the edition as it now is, to merge or review again.
          const current = presenters.staffRelease(await deps.writes.get(principal, (params.data as { id: number }).id));
          const conflict = editConflictBodySchema.parse({ errors: [{ code: 'EDIT_CONFLICT', message: error.message, field: 'version' }], current });
          return reply.code(409).header('ETag', `"${current.edition.number}-${current.edition.version}"`).type('application/json; charset=utf-8').send(conflict);
        }
      },
    });
  }
}
