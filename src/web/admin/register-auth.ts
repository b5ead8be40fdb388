import cookie from '@fastify/cookie';
import csrfProtection from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../domain/user.js';
import { adminCssAsset } from './admin-css.js';
import { registerAccountRoutes } from './auth/account.route.js';
import { makeAuthErrorHandler, makeStaffGuard, type StaffGuard } from './auth/guard.js';
import type { AuthWebDeps, StaffContext } from './auth/http.js';
import { registerLoginRoutes } from './auth/login.route.js';

export type { AuthAccounts, AuthWebDeps, StaffContext } from './auth/http.js';
export { SESSION_COOKIE } from './auth/http.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, on routes guarded by requireStaff; null elsewhere. */
    staff: StaffContext | null;
  }
  interface FastifyInstance {
    pressroomStaffGuard: StaffGuard;
  }
}

/**
 * Staff sign-in for the admin side: cookie, form-body and CSRF plugins, the login, logout and
 * own-account pages, and the guard behind `requireStaff`. Call it on the root instance, before the
 * admin routes that use `requireStaff`.
 */
export async function registerAuth(app: FastifyInstance, deps: AuthWebDeps): Promise<void> {
  if (!app.hasDecorator('parseCookie')) await app.register(cookie);
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);
  // The CSRF secret lives in its own HttpOnly, SameSite=Strict cookie; forms carry the token.
  if (!app.hasDecorator('csrfProtection')) await app.register(csrfProtection, { cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true } });
  if (!app.hasRequestDecorator('staff')) app.decorateRequest('staff', null);
  const guard = makeStaffGuard(deps);
  app.decorate('pressroomStaffGuard', guard);

  app.get(adminCssAsset.href, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=31536000, immutable').header('ETag', adminCssAsset.etag).send(adminCssAsset.body),
  );

  // Own scope, so that a refused CSRF token renders the friendly 403 page for these routes.
  await app.register(async (scope) => {
    scope.setErrorHandler(makeAuthErrorHandler(deps.siteName));
    registerLoginRoutes(scope, deps);
    registerAccountRoutes(scope, deps, guard);
  });
}

/**
 * A preHandler for admin routes: loads the session from the cookie into `request.staff`; sends
 * browsers without one to /admin/login?next=..., and answers 403 when the role is below `minRole`.
 */
export function requireStaff(minRole: Role) {
  return async function requireStaffHook(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const guard = request.server.pressroomStaffGuard as StaffGuard | undefined;
    // Fail closed: a route guarded before registerAuth ran must not be served.
    if (!guard) throw new Error('requireStaff used without registerAuth');
    const staff = await guard(request, reply, { minRole });
    // Returning the reply after answering stops the hook chain: the route handler never runs.
    return staff ? undefined : reply;
  };
}
