import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AcceptInvitation } from '../../../app/accounts/accept-invitation.js';
import { InvitationUnusableError } from '../../../app/accounts/accept-invitation.js';
import type { DisableUser } from '../../../app/accounts/disable-user.js';
import type { EnableUser } from '../../../app/accounts/enable-user.js';
import type { InviteStaff } from '../../../app/accounts/invite-staff.js';
import type { ListStaff, StaffListing } from '../../../app/accounts/list-staff.js';
import type { ResetTotp } from '../../../app/accounts/reset-totp.js';
import type { RevokeInvitation } from '../../../app/accounts/revoke-invitation.js';
import type { SetRole } from '../../../app/accounts/set-role.js';
import { DomainError, NotFoundError, ValidationError, type FieldIssue } from '../../../domain/errors.js';
import { ACCOUNT_LIMITS, type Role } from '../../../domain/user.js';
import { statusOf } from '../../errors.js';
import { translator } from '../../i18n/messages.js';
import { clientInfo, pageContext, setSessionCookie } from '../auth/http.js';
import { fieldText } from '../releases/release-form.js';
import { adminContext } from '../shared/admin-context.js';
import { canRead, canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { makeAdminErrorHandler } from '../shared/admin-error-handler.js';
import { redirectDone, sendAdminPage } from '../shared/html.js';
import { actorOf } from '../shared/staff.js';
import { InvitationGoneView, InvitationView } from './invitation.view.js';
import { StaffMemberView } from './staff-member.view.js';
import { emptyInvite, STAFF_NOTICES, StaffView, type InviteFormValues, type StaffPageProps } from './staff.view.js';

/** Staff management (#16): the account commands the staff pages and the invitation page call. */
export type StaffSystem = {
  accounts: {
    listStaff: ListStaff;
    inviteStaff: InviteStaff;
    revokeInvitation: RevokeInvitation;
    acceptInvitation: AcceptInvitation;
    setRole: SetRole;
    disableUser: DisableUser;
    enableUser: EnableUser;
    resetTotp: ResetTotp;
  };
};

const id = z.coerce.number().int().min(1).max(2_147_483_647);
const doneQuery = z.object({ done: z.enum(STAFF_NOTICES).optional().catch(undefined) });
const english = translator('en');

function idOf(request: FastifyRequest, name: string): number {
  const parsed = id.safeParse((request.params as Record<string, unknown>)[name]);
  if (!parsed.success) throw new NotFoundError('No such page');
  return parsed.data;
}

/**
 * The invite form's own words for zod's issues (the catalogue's field messages for "name" speak of
 * API tokens): each becomes a code with an `adminIssue_` entry in both languages.
 */
function inviteIssues(issues: FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const code =
      issue.field === 'name' ? (issue.code === 'too_big' ? 'staff_name_too_long' : 'staff_name_required') : issue.field === 'email' && issue.code !== 'email_taken' ? 'staff_email_invalid' : issue.field === 'role' ? 'staff_role_invalid' : null;
    if (!code) return issue;
    const params = { max: ACCOUNT_LIMITS.nameMaxChars };
    return { ...issue, code, params, message: english(`adminIssue_${code}` as 'adminIssue_staff_name_required', params) };
  });
}

/** Refusals come back on the page (the last administrator, a bad role); anything else goes to the error handler. */
function refusalOf(error: unknown): DomainError {
  if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
  return error;
}

/**
 * /admin/staff (administrators only): the staff list with last sign-ins, invitations by one-time
 * link (shown once, to copy), role changes, disabling and enabling, and two-factor resets; the
 * commands audit every change and refuse to leave no active administrator. And
 * /admin/invitations/:token, where an invited person chooses a password and is signed in.
 */
export function registerStaffRoutes(app: FastifyInstance, deps: AdminWebDeps<StaffSystem>): void {
  const accounts = () => deps.system.accounts;
  void app.register(async (scope) => {
    scope.setErrorHandler(makeAdminErrorHandler({ siteName: deps.siteName }));

    async function staffPage(request: FastifyRequest, reply: FastifyReply, page: Omit<StaffPageProps, 'ctx' | 'staff' | 'invitations'>, status = 200) {
      const [ctx, listed] = await Promise.all([adminContext(request, reply, deps), accounts().listStaff()]);
      return sendAdminPage(reply, <StaffView ctx={ctx} staff={listed.staff} invitations={listed.invitations} {...page} />, status);
    }
    async function memberOf(userId: number): Promise<StaffListing> {
      const member = (await accounts().listStaff()).staff.find((s) => s.id === userId);
      if (!member) throw new NotFoundError(`No staff member ${userId}`);
      return member;
    }
    async function memberPage(request: FastifyRequest, reply: FastifyReply, userId: number, issues: FieldIssue[] = [], status = 200) {
      const { done } = doneQuery.parse(request.query ?? {});
      const [ctx, member] = await Promise.all([adminContext(request, reply, deps), memberOf(userId)]);
      return sendAdminPage(reply, <StaffMemberView ctx={ctx} member={member} issues={issues} done={issues.length > 0 ? undefined : done} />, status);
    }

    scope.get('/admin/staff', canRead(deps, 'admin'), async (request, reply) => {
      const { done } = doneQuery.parse(request.query ?? {});
      return staffPage(request, reply, { values: emptyInvite, issues: [], done });
    });

    scope.post('/admin/staff/invitations', canWrite(deps, 'admin'), async (request, reply) => {
      const values: InviteFormValues = { name: fieldText(request.body, 'name'), email: fieldText(request.body, 'email'), role: fieldText(request.body, 'role') };
      try {
        const { invitation, token } = await accounts().inviteStaff({ ...values, role: values.role as Role }, actorOf(request));
        // Shown once, on this answer only (never cached: sendAdminPage sends no-store).
        const invited = { name: invitation.name, email: invitation.email, url: `${deps.baseUrl}/admin/invitations/${token}`, expiresAt: invitation.expiresAt };
        return staffPage(request, reply, { values: emptyInvite, issues: [], invited }, 201);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return staffPage(request, reply, { values, issues: inviteIssues(error.issues) }, 400);
      }
    });

    scope.post('/admin/staff/invitations/:id/revoke', canWrite(deps, 'admin'), async (request, reply) => {
      const { changed } = await accounts().revokeInvitation(idOf(request, 'id'), actorOf(request));
      return redirectDone(reply, '/admin/staff', changed ? 'revoked' : 'unchanged');
    });

    scope.get('/admin/staff/:id', canRead(deps, 'admin'), (request, reply) => memberPage(request, reply, idOf(request, 'id')));

    /** One change to an account, named by id in the URL and by email to the command (as the CLI does). */
    function change(path: string, run: (email: string, request: FastifyRequest) => Promise<{ changed: boolean }>, done: (typeof STAFF_NOTICES)[number]) {
      scope.post(`/admin/staff/:id/${path}`, canWrite(deps, 'admin'), async (request, reply) => {
        const userId = idOf(request, 'id');
        const member = await memberOf(userId);
        try {
          const { changed } = await run(member.email, request);
          return redirectDone(reply, `/admin/staff/${userId}`, changed ? done : 'unchanged');
        } catch (error) {
          const refusal = refusalOf(error);
          const issues = refusal.issues.length > 0 ? refusal.issues : [{ code: refusal.code, message: refusal.message }];
          // The last-administrator refusal names the email field of the CLI; here it belongs to the action.
          return memberPage(request, reply, userId, issues.map((i) => (i.field === 'email' ? { ...i, field: undefined } : i)), statusOf(refusal));
        }
      });
    }
    change('role', (email, request) => accounts().setRole({ email, role: fieldText(request.body, 'role') as Role }, actorOf(request)), 'role');
    change('disable', (email, request) => accounts().disableUser({ email }, actorOf(request)), 'disabled');
    change('enable', (email, request) => accounts().enableUser({ email }, actorOf(request)), 'enabled');
    change('reset-two-factor', (email, request) => accounts().resetTotp({ email }, actorOf(request)), 'totp_reset');

    // The invited person's side: no session yet, so no guard; the form still carries a CSRF token.
    const invitationPath = (token: string) => `/admin/invitations/${encodeURIComponent(token)}`;
    const tokenOf = (request: FastifyRequest) => String((request.params as Record<string, unknown>).token ?? '');
    /** The secret is in the URL: no Referer carries it elsewhere, and nothing stores the page. */
    const privately = (reply: FastifyReply) => reply.header('Referrer-Policy', 'no-referrer');

    async function invitationPage(request: FastifyRequest, reply: FastifyReply, errors: FieldIssue[] = [], status = 200) {
      const token = tokenOf(request);
      const found = await accounts().acceptInvitation.lookup(token);
      const ctx = pageContext(reply, deps.siteName, null);
      privately(reply);
      if (found.state !== 'pending') return sendAdminPage(reply, <InvitationGoneView ctx={ctx} state={found.state} />, 410);
      return sendAdminPage(reply, <InvitationView ctx={ctx} invitation={found.invitation} action={invitationPath(token)} errors={errors} />, status);
    }

    scope.get('/admin/invitations/:token', (request, reply) => invitationPage(request, reply));

    scope.post('/admin/invitations/:token', { preHandler: deps.csrfProtection }, async (request, reply) => {
      try {
        const { token } = await accounts().acceptInvitation.accept({
          token: tokenOf(request),
          newPassword: fieldText(request.body, 'newPassword'),
          confirmPassword: fieldText(request.body, 'confirmPassword'),
          ...clientInfo(request),
        });
        setSessionCookie(request, reply, token);
        // Next: two-factor sign-in (required or not, the invited person is asked to set it up).
        return privately(reply).header('Cache-Control', 'no-store').redirect('/admin/account/two-factor', 303);
      } catch (error) {
        if (error instanceof InvitationUnusableError) return invitationPage(request, reply);
        if (!(error instanceof ValidationError)) throw error;
        return invitationPage(request, reply, error.issues, 400);
      }
    });
  });
}
