import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasRole, type Role } from '../../../domain/user.js';
import { isCsrfRefusal } from '../../errors.js';
import { ForbiddenView, FormExpiredView } from './forbidden.view.js';
import { loginUrl, pageContext, sendHtml, sessionToken, type AuthWebDeps, type StaffContext } from './http.js';
import { safeRedirectPath } from '../../redirect-target.js';

export interface GuardOptions {
  minRole: Role;
  /** Let a session through that must first set up two-factor sign-in (the setup page itself). */
  allowSetup?: boolean;
}

/** Loads the staff member behind the session cookie, or answers for the route and returns null. */
export type StaffGuard = (request: FastifyRequest, reply: FastifyReply, options: GuardOptions) => Promise<StaffContext | null>;

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export function makeStaffGuard(deps: AuthWebDeps): StaffGuard {
  return async function guard(request, reply, options) {
    const resolved = await deps.accounts.resolveSession(sessionToken(request));
    if (!resolved || resolved.session.stage === 'totp_pending') {
      if (wantsJson(request)) {
        reply.code(401).header('Cache-Control', 'no-store').send({ errors: [{ code: 'UNAUTHENTICATED', message: 'Sign in first' }] });
      } else {
        const next = request.method === 'GET' ? safeRedirectPath(request.url) : null;
        reply.header('Cache-Control', 'no-store').redirect(loginUrl(next), 303);
      }
      return null;
    }
    const { user, session } = resolved;
    if (session.stage === 'totp_setup' && !options.allowSetup) {
      if (wantsJson(request)) {
        reply.code(403).header('Cache-Control', 'no-store').send({ errors: [{ code: 'TOTP_SETUP_REQUIRED', message: 'Set up two-factor sign-in first' }] });
      } else {
        reply.header('Cache-Control', 'no-store').redirect('/admin/account/two-factor', 303);
      }
      return null;
    }
    if (!hasRole(user, options.minRole)) {
      if (wantsJson(request)) {
        reply.code(403).header('Cache-Control', 'no-store').send({ errors: [{ code: 'FORBIDDEN', message: `This needs the ${options.minRole} role` }] });
      } else {
        sendHtml(reply, 403, <ForbiddenView ctx={pageContext(reply, deps.siteName, user)} requiredRole={options.minRole} role={user.role} />);
      }
      return null;
    }
    const staff: StaffContext = { user, sessionId: session.id };
    request.staff = staff;
    reply.header('Cache-Control', 'no-store');
    return staff;
  };
}

/**
 * The error handler of the admin sign-in routes: a refused CSRF token is a friendly 403 page; every
 * other error goes on to the server's own handler.
 */
export function makeAuthErrorHandler(siteName: string) {
  return async function authErrorHandler(error: unknown, _request: FastifyRequest, reply: FastifyReply) {
    if (isCsrfRefusal(error)) return sendHtml(reply, 403, <FormExpiredView ctx={pageContext(reply, siteName, null)} />);
    throw error;
  };
}
