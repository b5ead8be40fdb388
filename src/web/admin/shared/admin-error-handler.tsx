import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../domain/errors.js';
import { STATUS_BY_CODE } from '../../errors.js';
import { AdminErrorView, type AdminErrorPage } from './admin-error.view.js';
import { sendAdminPage } from './html.js';

function pageFor(error: unknown): AdminErrorPage | null {
  if (error instanceof DomainError) {
    const status = STATUS_BY_CODE[error.code as keyof typeof STATUS_BY_CODE] ?? 500;
    if (status === 404) return { status, title: 'Not found', message: 'There is nothing at this address: it may have been mistyped or removed.' };
    return { status, title: 'This could not be done', message: error.message, issues: error.issues };
  }
  const { statusCode, code } = error as Partial<FastifyError>;
  if (statusCode === 403 && code?.startsWith('FST_CSRF')) {
    return { status: 403, title: 'Your form has expired', message: 'The form was old or did not come from this site. Go back, reload the page and send it again; nothing was changed.' };
  }
  if (statusCode === 403) return { status: 403, title: 'You cannot do that', message: 'Your role does not allow this. Ask an editor or an administrator if you need it done.' };
  if (statusCode === 401) return { status: 401, title: 'Sign in to continue', message: 'Your session has ended. Sign in again to continue.' };
  if (statusCode === 413) return { status: 413, title: 'Too large', message: 'What you sent is larger than the server accepts.' };
  if (statusCode && statusCode >= 400 && statusCode < 500) return { status: 400, title: 'Something is wrong with that request', message: 'Go back and try again.' };
  return null;
}

/** One error mapping for the admin routes: domain refusals, 403/404 and CSRF as friendly pages. */
export function makeAdminErrorHandler(deps: { siteName: string }) {
  return function adminErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
    let page = pageFor(error);
    if (!page) {
      request.log.error({ err: error, url: request.url }, 'unhandled admin error');
      page = { status: 500, title: 'Something went wrong', message: 'The error has been logged. Try again in a moment.' };
    }
    const user = request.staff?.user ?? null;
    const csrfToken = reply.generateCsrf({ secure: request.protocol === 'https' });
    return sendAdminPage(reply, <AdminErrorView siteName={deps.siteName} csrfToken={csrfToken} staff={user && { name: user.name, email: user.email }} page={page} />, page.status);
  };
}
