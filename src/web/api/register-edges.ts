import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, UnauthenticatedError } from '../../domain/errors.js';
import { statusOf, UNKNOWN_ERROR_STATUS } from '../errors.js';
import { apiField, CORS_HEADERS, isStaffRoute, PREFLIGHT_HEADERS, sendErrors, type Issue } from './api-http.js';

/**
 * What every API request meets whatever its route: CORS headers on reads, JSON answers for unknown
 * paths and preflights, and the one error mapping (domain codes through web/errors.ts).
 */
export function registerApiEdges(app: FastifyInstance): void {
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
      const code = error.code;
      const status = statusOf(error);
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
    return sendErrors(request, reply, UNKNOWN_ERROR_STATUS, [{ code: 'INTERNAL', message: 'Internal error', field: null }]);
  });
}
