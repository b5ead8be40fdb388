import type { ErrorCode } from '../domain/errors.js';

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

/** Whether an error is @fastify/csrf-protection refusing a form (an old tab, or not from this site). */
export function isCsrfRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'FST_CSRF_MISSING_SECRET' || code === 'FST_CSRF_INVALID_TOKEN';
}
