import type { FastifyInstance, FastifyReply } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { DomainError, type FieldIssue } from '../../../domain/errors.js';
import { PasswordView, RecoveryCodesView, TwoFactorSetupView, TwoFactorStatusView } from './account.view.js';
import type { StaffGuard } from './guard.js';
import { translator } from '../../i18n/messages.js';
import { negotiatedLanguage } from '../../public/language.route.js';
import { clientInfo, pageContext, sendHtml, setSessionCookie, type AuthWebDeps, type StaffContext } from './http.js';

const passwordBody = z.object({ currentPassword: z.string().default(''), newPassword: z.string().default(''), confirmPassword: z.string().default('') });
const twoFactorBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('enable'), code: z.string().default('') }),
  z.object({ action: z.literal('disable'), password: z.string().default('') }),
]);

/** The issues of a refused command, to show beside the form; anything else is a real error. */
function issuesOf(error: unknown): FieldIssue[] {
  if (error instanceof DomainError) return error.issues.length > 0 ? error.issues : [{ code: error.code, message: error.message }];
  throw error;
}

/** The signed-in person's own account: password and two-factor sign-in. */
export function registerAccountRoutes(app: FastifyInstance, deps: AuthWebDeps, guard: StaffGuard): void {
  const { accounts, siteName } = deps;
  const home = deps.homePath ?? '/admin';

  app.get('/admin/account/password', async (request, reply) => {
    const staff = await guard(request, reply, { minRole: 'viewer' });
    if (!staff) return reply;
    const changed = (request.query as Record<string, unknown>).changed === '1';
    return sendHtml(reply, 200, <PasswordView ctx={pageContext(reply, siteName, staff.user)} errors={[]} changed={changed} />);
  });

  app.post('/admin/account/password', { preHandler: app.csrfProtection }, async (request, reply) => {
    const staff = await guard(request, reply, { minRole: 'viewer' });
    if (!staff) return reply;
    const body = passwordBody.parse(request.body ?? {});
    try {
      await accounts.changePassword({ ...body, userId: staff.user.id, sessionId: staff.sessionId, ip: clientInfo(request).ip });
    } catch (error) {
      return sendHtml(reply, 400, <PasswordView ctx={pageContext(reply, siteName, staff.user)} errors={issuesOf(error)} changed={false} />);
    }
    return reply.redirect('/admin/account/password?changed=1', 303);
  });

  async function twoFactorPage(reply: FastifyReply, staff: StaffContext, status: number, errors: FieldIssue[], notice: string | null) {
    const ctx = pageContext(reply, siteName, staff.user);
    const state = await accounts.totp.status(staff.user.id);
    if (state.enabled) {
      return sendHtml(reply, status, <TwoFactorStatusView ctx={ctx} unusedRecoveryCodes={state.unusedRecoveryCodes} mandatory={accounts.requireTotp} errors={errors} notice={notice} />);
    }
    const setup = await accounts.totp.beginSetup(staff.user.id);
    // Made here, from the URI alone: the secret never leaves the server for a QR service.
    const qrSvg = await QRCode.toString(setup.uri, { type: 'svg', margin: 2, width: 200, errorCorrectionLevel: 'M' });
    return sendHtml(reply, status, <TwoFactorSetupView ctx={ctx} secret={setup.secret} uri={setup.uri} qrSvg={qrSvg} required={accounts.requireTotp} errors={errors} />);
  }

  app.get('/admin/account/two-factor', async (request, reply) => {
    const staff = await guard(request, reply, { minRole: 'viewer', allowSetup: true });
    if (!staff) return reply;
    const notice = (request.query as Record<string, unknown>).disabled === '1' ? translator(negotiatedLanguage(request))('adminTotpNowOff') : null;
    return twoFactorPage(reply, staff, 200, [], notice);
  });

  app.post('/admin/account/two-factor', { preHandler: app.csrfProtection }, async (request, reply) => {
    const staff = await guard(request, reply, { minRole: 'viewer', allowSetup: true });
    if (!staff) return reply;
    const parsed = twoFactorBody.safeParse(request.body ?? {});
    if (!parsed.success) return twoFactorPage(reply, staff, 400, [{ code: 'bad_action', message: translator(negotiatedLanguage(request))('adminChooseAction'), field: 'code' }], null);
    const body = parsed.data;
    if (body.action === 'enable') {
      try {
        const { recoveryCodes, token } = await accounts.totp.confirm({ userId: staff.user.id, sessionId: staff.sessionId, code: body.code, ...clientInfo(request) });
        setSessionCookie(request, reply, token);
        return sendHtml(reply, 200, <RecoveryCodesView ctx={pageContext(reply, siteName, staff.user)} codes={recoveryCodes} continuePath={home} />);
      } catch (error) {
        return twoFactorPage(reply, staff, 400, issuesOf(error), null);
      }
    }
    try {
      await accounts.totp.disable({ userId: staff.user.id, password: body.password, ip: clientInfo(request).ip });
    } catch (error) {
      return twoFactorPage(reply, staff, 400, issuesOf(error), null);
    }
    return reply.redirect('/admin/account/two-factor?disabled=1', 303);
  });
}
