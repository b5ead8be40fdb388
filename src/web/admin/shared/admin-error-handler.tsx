import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../../domain/errors.js';
import { isCsrfRefusal, statusOf, UNKNOWN_ERROR_STATUS } from '../../errors.js';
import { translator, type Translate } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import { FormExpiredView } from '../auth/forbidden.view.js';
import { pageContext } from '../auth/http.js';
import { AdminErrorView, type AdminErrorPage } from './admin-error.view.js';
import { sendAdminPage } from './html.js';

function pageFor(error: unknown, t: Translate): AdminErrorPage | null {
  if (error instanceof DomainError) {
    const status = statusOf(error);
    if (status === 404) return { status, title: t('adminNotFoundTitle'), message: t('adminNotFoundBody') };
    return { status, title: t('adminCouldNotBeDone'), message: error.message, issues: error.issues };
  }
  const { statusCode } = error as Partial<FastifyError>;
  if (statusCode === 403) return { status: 403, title: t('adminCannotDoThat'), message: t('adminCannotDoThatBody') };
  if (statusCode === 401) return { status: 401, title: t('adminSignInToContinue'), message: t('adminSessionEnded') };
  if (statusCode === 413) return { status: 413, title: t('adminTooLarge'), message: t('adminTooLargeBody') };
  if (statusCode && statusCode >= 400 && statusCode < 500) return { status: 400, title: t('adminBadRequest'), message: t('adminGoBackTryAgain') };
  return null;
}

/** One error mapping for the admin routes: domain refusals, 403/404 and CSRF (the one form-expired page) as friendly pages. */
export function makeAdminErrorHandler(deps: { siteName: string }) {
  return function adminErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
    const user = request.staff?.user ?? null;
    if (isCsrfRefusal(error)) return sendAdminPage(reply, <FormExpiredView ctx={pageContext(reply, deps.siteName, user && { name: user.name, email: user.email })} />, 403);
    const lang = negotiatedLanguage(request);
    const t = translator(lang);
    let page = pageFor(error, t);
    if (!page) {
      request.log.error({ err: error, url: request.url }, 'unhandled admin error');
      page = { status: UNKNOWN_ERROR_STATUS, title: t('adminSomethingWrong'), message: t('adminErrorLogged') };
    }
    const csrfToken = reply.generateCsrf({ secure: request.protocol === 'https' });
    return sendAdminPage(reply, <AdminErrorView siteName={deps.siteName} csrfToken={csrfToken} staff={user && { name: user.name, email: user.email }} page={page} lang={lang} />, page.status);
  };
}
