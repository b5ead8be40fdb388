import { DomainError, type ErrorCode } from '../domain/errors.js';

/** The one table from domain error codes to HTTP statuses. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  EDIT_CONFLICT: 409,
  UNSUPPORTED_FILE: 415,
  INVALID_STATE: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  GONE: 410,
  STORAGE_UNAVAILABLE: 503,
};

/** The status of anything that is not a domain error (a bug, a failing dependency): a plain 500. */
export const UNKNOWN_ERROR_STATUS = 500;

/** The HTTP status an error is answered with: its code's from the one table, 500 for anything unknown. */
export function statusOf(error: unknown): number {
  return error instanceof DomainError ? STATUS_BY_CODE[error.code] : UNKNOWN_ERROR_STATUS;
}

/** Whether an error is @fastify/csrf-protection refusing a form (an old tab, or not from this site). */
export function isCsrfRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'FST_CSRF_MISSING_SECRET' || code === 'FST_CSRF_INVALID_TOKEN';
}
