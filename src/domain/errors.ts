/**
 * Domain errors carry a stable code and no HTTP status; the web layer maps codes to statuses in one
 * table (src/web/errors.ts). Never branch on message text.
 */
export interface FieldIssue {
  code: string;
  message: string;
  field?: string;
  /** Values the message names (a wait in seconds, a limit), so the web layer can say it in either language. */
  params?: Record<string, string | number>;
}

export abstract class DomainError extends Error {
  /** One of ERROR_CODES, so the web layer's code table covers every domain error. */
  abstract readonly code: ErrorCode;
  /** Every problem found, so a refused step reports all reasons at once. */
  readonly issues: FieldIssue[];
  constructor(message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = new.target.name;
    this.issues = issues;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
}

export class ConflictError extends DomainError {
  readonly code = 'EDIT_CONFLICT';
}

export class UnsupportedFileError extends DomainError {
  readonly code = 'UNSUPPORTED_FILE';
}

export class InvalidStateError extends DomainError {
  readonly code = 'INVALID_STATE';
}

/** No valid credentials: a missing, unknown, revoked or expired API token, or a disabled owner. */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

/** Known caller, not allowed: a token without the scope, or an owner whose role may not act. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/** Too many attempts from one caller (failed API tokens from one address): try again later. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
}

/** It was public and was deliberately taken down (a withdrawal that removed the content): 410, not 404. */
export class GoneError extends DomainError {
  readonly code = 'GONE';
}

/**
 * The server cannot write its data (disk full, read-only file system, no permission, database
 * refusing writes): nothing was saved. The message is for staff; `detail` names the path or
 * database, the cause and the fix, for the operator's log only (never shown to visitors).
 */
export class StorageUnavailableError extends DomainError {
  readonly code = 'STORAGE_UNAVAILABLE';
  constructor(readonly detail: string) {
    const message = 'The server could not save this: its storage is full or cannot be written. Nothing was saved; try again later and tell the site administrator.';
    super(message, [{ code: 'storage_unavailable', message }]);
  }
}

/** Every error code the system can return; the API docs test keeps this list and the docs in step. */
export const ERROR_CODES = ['NOT_FOUND', 'VALIDATION_FAILED', 'EDIT_CONFLICT', 'UNSUPPORTED_FILE', 'INVALID_STATE', 'UNAUTHENTICATED', 'FORBIDDEN', 'RATE_LIMITED', 'GONE', 'STORAGE_UNAVAILABLE'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
