/** Refused by the web layer's permission check (not a domain rule): the admin 403 page. */
export class AdminForbiddenError extends Error {
  readonly statusCode = 403;
  constructor(message = 'You do not have permission to do that') {
    super(message);
    this.name = 'AdminForbiddenError';
  }
}
