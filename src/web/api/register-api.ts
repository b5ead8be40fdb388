import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import type { ApiQueries } from '../../app/api-queries.js';
import { DomainError, ValidationError, type ErrorCode } from '../../domain/errors.js';
import { STATUS_BY_CODE } from '../errors.js';
import { sendDocument } from '../feeds/send-document.js';
import { buildOpenApi } from './openapi.js';
import { makePresenters } from './present.js';
import { API_ROUTES, type ApiRouteContext } from './routes.js';
import type { ErrorBody } from './schemas.js';

export interface ApiDeps {
  queries: ApiQueries;
  /** Public origin, for absolute page, file and API URLs. */
  baseUrl: string;
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

function sendErrors(reply: FastifyReply, status: number, errors: Issue[] | [{ code: 'INTERNAL'; message: string; field: null }]) {
  return reply.code(status).headers(CORS_HEADERS).header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send({ errors });
}

function validationError(error: ZodError, location: 'query' | 'path'): ValidationError {
  const issues = error.issues.map((i) => ({ code: 'VALIDATION_FAILED', message: i.message, field: i.path.length > 0 ? i.path.join('.') : location }));
  return new ValidationError('The request is not valid', issues);
}

/**
 * JSON API v1 (read side), registered under the /api prefix. Every answer applies the
 * public-visibility rule through app/api-queries.ts, carries an ETag, is readable from any origin,
 * and fails as `{ "errors": [{ code, message, field }] }` with the status of web/errors.ts.
 */
export async function registerApi(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const prefix = app.prefix;
  let openApi: Record<string, unknown> | null = null;
  const ctx: ApiRouteContext = {
    queries: deps.queries,
    presenters: makePresenters(deps.baseUrl),
    openApi: () => (openApi ??= buildOpenApi(API_ROUTES, { prefix, baseUrl: deps.baseUrl })),
  };

  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(CORS_HEADERS);
    done();
  });

  // Unknown paths, and CORS preflights (no OPTIONS routes are registered), answer here in JSON.
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'OPTIONS') return reply.code(204).headers(PREFLIGHT_HEADERS).header('Cache-Control', 'public, max-age=86400').send();
    return sendErrors(reply, 404, [{ code: 'NOT_FOUND', message: `No API endpoint ${request.method} ${request.url.split('?')[0]}`, field: null }]);
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
        const issues: Issue[] = error.issues.length > 0 ? error.issues.map((i) => ({ code, message: i.message, field: i.field ?? null })) : [{ code, message: error.message, field: null }];
        return sendErrors(reply, status, issues);
      }
    }
    const statusCode = (error as { statusCode?: number }).statusCode;
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      return sendErrors(reply, statusCode === 404 ? 404 : 400, [{ code: statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', message: 'The request is not valid', field: null }]);
    }
    request.log.error({ err: error, url: request.url }, 'unhandled API error');
    return sendErrors(reply, 500, [{ code: 'INTERNAL', message: 'Internal error', field: null }]);
  });

  for (const route of API_ROUTES) {
    app.get(route.path, async (request, reply) => {
      const query = route.query.safeParse(request.query ?? {});
      const params = route.params?.safeParse(request.params);
      const failures = [...(params && !params.success ? validationError(params.error, 'path').issues : []), ...(!query.success ? validationError(query.error, 'query').issues : [])];
      if (failures.length > 0) throw new ValidationError('The request is not valid', failures);
      const body = route.response.parse(await route.handle(ctx, { query: query.data, params: params?.data as never }));
      const json = Buffer.from(JSON.stringify(body), 'utf8');
      const etag = `"${createHash('sha1').update(json).digest('base64url')}"`;
      // Revalidated on every use (no-cache): cheap 304s, never a stale embargo or withdrawal.
      return sendDocument(request, reply, { body: json, etag, releaseId: null, contentType: 'application/json; charset=utf-8', lastModified: null }, 'public, no-cache');
    });
  }
}
