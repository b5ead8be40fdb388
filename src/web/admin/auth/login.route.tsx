import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SignInResult } from '../../../app/accounts/authenticate.js';
import type { FieldIssue } from '../../../domain/errors.js';
import { translator, type Translate } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import { LoginView, SecondFactorView } from './login.view.js';
import { clearSessionCookie, clientInfo, pageContext, sendHtml, sessionToken, setSessionCookie, type AuthWebDeps } from './http.js';
import { safeRedirectPath } from '../../redirect-target.js';

const loginQuery = z.object({ next: z.string().optional(), signed_out: z.string().optional(), expired: z.string().optional() });
const loginBody = z.object({ email: z.string().default(''), password: z.string().default(''), next: z.string().optional() });
const codeBody = z.object({ code: z.string().default(''), next: z.string().optional() });

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
const waitText = (ms: number, t: Translate) => (ms >= 120_000 ? t('adminWaitMinutes', { count: Math.ceil(ms / 60_000) }) : t('adminWaitSeconds', { count: seconds(ms) }));

/** The page a refused sign-in step shows: 401 for wrong details, 429 with Retry-After when throttled. */
function refusal(result: Extract<SignInResult, { outcome: 'refused' | 'throttled' }>, field: string, wrong: string, t: Translate): { status: number; errors: FieldIssue[]; retryAfter: number | null } {
  if (result.outcome === 'throttled') {
    return { status: 429, retryAfter: seconds(result.retryAfterMs), errors: [{ code: 'throttled', message: t('adminThrottled', { wait: waitText(result.retryAfterMs, t) }), field }] };
  }
  const errors: FieldIssue[] = [{ code: 'refused', message: wrong, field }];
  if (result.retryAfterMs > 0) errors.push({ code: 'throttled', message: t('adminThrottledBefore', { wait: waitText(result.retryAfterMs, t) }), field });
  return { status: 401, retryAfter: null, errors };
}

/** Sign-in with password, the second-factor step, and sign-out. */
export function registerLoginRoutes(app: FastifyInstance, deps: AuthWebDeps): void {
  const { accounts, siteName } = deps;
  const home = deps.homePath ?? '/admin';

  /** Where a new session goes next, by what it still lacks. */
  function afterSignIn(request: FastifyRequest, reply: FastifyReply, result: Extract<SignInResult, { outcome: 'session' }>, next: string | null) {
    setSessionCookie(request, reply, result.token);
    reply.header('Cache-Control', 'no-store');
    if (result.stage === 'totp_pending') return reply.redirect(next ? `/admin/login/two-factor?next=${encodeURIComponent(next)}` : '/admin/login/two-factor', 303);
    if (result.stage === 'totp_setup') return reply.redirect('/admin/account/two-factor', 303);
    return reply.redirect(next ?? home, 303);
  }

  app.get('/admin/login', async (request, reply) => {
    const query = loginQuery.parse(request.query);
    const next = safeRedirectPath(query.next);
    const current = await accounts.resolveSession(sessionToken(request));
    if (current?.session.stage === 'full') return reply.header('Cache-Control', 'no-store').redirect(next ?? home, 303);
    const t = translator(negotiatedLanguage(request));
    const notice = query.signed_out ? t('adminSignedOut') : query.expired ? t('adminSignInExpired') : null;
    return sendHtml(reply, 200, <LoginView ctx={pageContext(reply, siteName, null)} next={next} email="" errors={[]} notice={notice} />);
  });

  app.post('/admin/login', { preHandler: app.csrfProtection }, async (request, reply) => {
    const body = loginBody.parse(request.body ?? {});
    const next = safeRedirectPath(body.next);
    const errors: FieldIssue[] = [];
    const t = translator(negotiatedLanguage(request));
    if (body.email.trim() === '') errors.push({ code: 'required', message: t('adminEnterEmail'), field: 'email' });
    if (body.password === '') errors.push({ code: 'required', message: t('adminEnterPassword'), field: 'password' });
    if (errors.length === 0) {
      const result = await accounts.authenticate({ email: body.email, password: body.password, ...clientInfo(request) });
      if (result.outcome === 'session') return afterSignIn(request, reply, result, next);
      if (result.outcome === 'refused' || result.outcome === 'throttled') {
        const refused = refusal(result, 'email', t('adminWrongPassword'), t);
        if (refused.retryAfter !== null) reply.header('Retry-After', String(refused.retryAfter));
        return sendHtml(reply, refused.status, <LoginView ctx={pageContext(reply, siteName, null)} next={next} email={body.email} errors={refused.errors} />);
      }
    }
    return sendHtml(reply, 400, <LoginView ctx={pageContext(reply, siteName, null)} next={next} email={body.email} errors={errors} />);
  });

  app.get('/admin/login/two-factor', async (request, reply) => {
    const next = safeRedirectPath(loginQuery.parse(request.query).next);
    const current = await accounts.resolveSession(sessionToken(request));
    if (current?.session.stage !== 'totp_pending') return reply.header('Cache-Control', 'no-store').redirect('/admin/login?expired=1', 303);
    return sendHtml(reply, 200, <SecondFactorView ctx={pageContext(reply, siteName, null)} next={next} errors={[]} />);
  });

  app.post('/admin/login/two-factor', { preHandler: app.csrfProtection }, async (request, reply) => {
    const body = codeBody.parse(request.body ?? {});
    const next = safeRedirectPath(body.next);
    const token = sessionToken(request);
    const t = translator(negotiatedLanguage(request));
    if (body.code.trim() === '') {
      return sendHtml(reply, 400, <SecondFactorView ctx={pageContext(reply, siteName, null)} next={next} errors={[{ code: 'required', message: t('adminEnterCode'), field: 'code' }]} />);
    }
    const result = token ? await accounts.completeSignIn({ token, code: body.code, ...clientInfo(request) }) : ({ outcome: 'expired' } as const);
    if (result.outcome === 'session') return afterSignIn(request, reply, result, next);
    if (result.outcome === 'expired') {
      clearSessionCookie(request, reply);
      return reply.header('Cache-Control', 'no-store').redirect('/admin/login?expired=1', 303);
    }
    const refused = refusal(result, 'code', t('adminWrongCode'), t);
    if (refused.retryAfter !== null) reply.header('Retry-After', String(refused.retryAfter));
    return sendHtml(reply, refused.status, <SecondFactorView ctx={pageContext(reply, siteName, null)} next={next} errors={refused.errors} />);
  });

  app.post('/admin/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    await accounts.signOut({ token: sessionToken(request), ip: clientInfo(request).ip });
    clearSessionCookie(request, reply);
    return reply.header('Cache-Control', 'no-store').redirect('/admin/login?signed_out=1', 303);
  });
}
