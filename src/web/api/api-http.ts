import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';
import type { FieldIssue } from '../../domain/errors.js';
import type { ErrorBody } from './schemas.js';

export const JSON_TYPE = 'application/json; charset=utf-8';

export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag',
};
export const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, Accept, Accept-Language',
  'Access-Control-Max-Age': '86400',
};

export type Issue = ErrorBody['errors'][number];

/** Routes that need a bearer token are not readable from other origins (no CORS headers at all). */
export const isStaffRoute = (request: FastifyRequest) => (request.routeOptions.config as { staff?: boolean } | undefined)?.staff === true;

/** Domain fields are camelCase; the API's are snake_case, and a few have their API names. */
const FIELD_NAMES: Record<string, string> = { lockVersion: 'version', boardSlug: 'board', scheduledAt: 'at' };
/** An API field name for a domain one (camelCase to snake_case, a few renamed). */
export function apiField(field: string): string {
  return field
    .split('.')
    .map((part) => FIELD_NAMES[part] ?? part.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))
    .join('.');
}

/** Answers `{ errors }` with the status, never cached; CORS-open except on staff (token) routes. */
export function sendErrors(request: FastifyRequest, reply: FastifyReply, status: number, errors: Issue[] | [{ code: 'INTERNAL'; message: string; field: null }]) {
  if (!isStaffRoute(request)) reply.headers(CORS_HEADERS);
  return reply.code(status).header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send({ errors });
}

/** A zod failure as API issues, each naming its snake_case field (or where the value was: path, query, body). */
export function validationIssues(error: ZodError, location: string): FieldIssue[] {
  return error.issues.map((i) => ({ code: 'VALIDATION_FAILED', message: i.message, field: i.path.length > 0 ? apiField(i.path.join('.')) : location }));
}
