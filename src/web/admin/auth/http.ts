import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ChangePassword } from '../../../app/accounts/change-password.js';
import type { Authenticate, CompleteSignIn } from '../../../app/accounts/authenticate.js';
import type { ResolveSession, ResolvedSession } from '../../../app/accounts/resolve-session.js';
import type { SignOut } from '../../../app/accounts/sign-out.js';
import type { Totp } from '../../../app/accounts/totp.js';
import type { User } from '../../../domain/user.js';
import { translator } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import { renderPage } from '../../render/page.js';
import type { AdminPageContext } from './admin-frame.view.js';

/** The account commands the admin sign-in pages call (what composeAccounts returns satisfies it). */
export interface AuthAccounts {
  requireTotp: boolean;
  authenticate: Authenticate;
  completeSignIn: CompleteSignIn;
  resolveSession: ResolveSession;
  signOut: SignOut;
  changePassword: ChangePassword;
  totp: Totp;
}

export interface AuthWebDeps {
  accounts: AuthAccounts;
  siteName: string;
  /** Where signing in leads when no `next` page was asked for. */
  homePath?: string;
}

/** The signed-in staff member and their session: what `requireStaff` leaves on `request.staff`. */
export interface StaffContext {
  user: User;
  sessionId: number;
}

export const SESSION_COOKIE = 'pressroom_session';

export function isTls(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** HttpOnly, SameSite=Lax, Secure over TLS; no Max-Age, so it also ends when the browser closes. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: isTls(request) });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: isTls(request) });
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE];
}

export function clientInfo(request: FastifyRequest): { ip: string | null; userAgent: string | null } {
  return { ip: request.ip || null, userAgent: request.headers['user-agent'] ?? null };
}

/** The sign-in page, coming back to `next` (already a safe target) afterwards. */
export function loginUrl(next: string | null): string {
  return next ? `/admin/login?next=${encodeURIComponent(next)}` : '/admin/login';
}

/** Admin pages are personal: never stored by a browser or a proxy. */
export function sendHtml(reply: FastifyReply, status: number, view: VNode): FastifyReply {
  return reply.code(status).header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(renderPage(view));
}

export function pageContext(reply: FastifyReply, siteName: string, staff: { name: string; email: string } | null): AdminPageContext {
  const lang = negotiatedLanguage(reply.request);
  return { siteName, csrfToken: reply.generateCsrf({ secure: isTls(reply.request) }), staff, lang, t: translator(lang), path: reply.request.url.split('?')[0] };
}

export type { ResolvedSession };
