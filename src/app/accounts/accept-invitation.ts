import { ValidationError } from '../../domain/errors.js';
import { invitationState, type InvitationState, type StaffInvitation } from '../../domain/staff-invitation.js';
import type { SessionStage, User } from '../../domain/user.js';
import type { Clock } from '../../ports/clock.js';
import type { InvitationsUnitOfWork, StaffInvitationRepo } from '../../ports/staff-invitation-repo.js';
import { validate } from '../validate.js';
import { newPasswordSchema, type NewPasswordInput } from './account.schema.js';
import type { ClientInfo } from './authenticate.js';
import type { PasswordHasher } from './password-hashing.js';
import { sha256Hex } from './secrets.js';
import { startSession } from './start-session.js';

/** What an invitation link leads to: a pending invitation, or why it no longer works. */
export type InvitationLookup = { state: 'pending'; invitation: StaffInvitation } | { state: Exclude<InvitationState, 'pending'> | 'unknown' };

/** Refused because the link no longer works; the page says why and what to do (ask for a new one). */
export class InvitationUnusableError extends ValidationError {
  constructor(readonly state: Exclude<InvitationLookup['state'], 'pending'>) {
    const message = 'This invitation link no longer works. Ask an administrator to invite you again.';
    super(message, [{ code: `invitation_${state}`, message }]);
  }
}

/**
 * An invited person's side (#16): look the link up, then accept it by choosing a password. The
 * account is created, the invitation used (once: atomically) and a session started in one
 * transaction; the session must first set up two-factor sign-in when it is mandatory.
 */
export function makeAcceptInvitation(deps: { uow: InvitationsUnitOfWork; invitations: StaffInvitationRepo; clock: Clock; hasher: PasswordHasher; requireTotp: boolean }) {
  async function lookup(token: string): Promise<InvitationLookup> {
    if (token.length === 0 || token.length > 200) return { state: 'unknown' };
    const invitation = await deps.invitations.byTokenHash(sha256Hex(token));
    if (!invitation) return { state: 'unknown' };
    const state = invitationState(invitation, deps.clock.now());
    return state === 'pending' ? { state, invitation } : { state };
  }

  return {
    lookup,

    /** Creates the account with the chosen password and signs the person in; returns the session token. */
    async accept(input: { token: string } & NewPasswordInput & ClientInfo): Promise<{ user: User; token: string; stage: SessionStage }> {
      const found = await lookup(input.token);
      if (found.state !== 'pending') throw new InvitationUnusableError(found.state);
      const data = validate(newPasswordSchema, input);
      const passwordHash = await deps.hasher.hash(data.newPassword);
      const now = deps.clock.now();
      const { invitation } = found;
      return deps.uow.run(async (tx) => {
        const user = await tx.users.create({ email: invitation.email, name: invitation.name, role: invitation.role, passwordHash, createdAt: now });
        if (!user) {
          throw new ValidationError('The email address is taken', [{ code: 'email_taken', message: 'An account with this email address already exists: sign in with it, or ask an administrator.' }]);
        }
        // Atomic: of two requests racing with one link, the second finds it used and rolls back.
        if (!(await tx.invitations.use(sha256Hex(input.token), user.id, now))) throw new InvitationUnusableError('used');
        const actor = { userId: user.id, label: user.email, ip: input.ip };
        await tx.audit.record({ at: now, actor, action: 'user.created', subjectType: 'user', subjectId: String(user.id), details: { email: user.email, role: user.role, invitationId: invitation.id, invitedBy: invitation.createdByLabel } });
        await tx.audit.record({ at: now, actor, action: 'user.invitation_accepted', subjectType: 'invitation', subjectId: String(invitation.id), details: { email: user.email, userId: user.id } });
        const stage: SessionStage = deps.requireTotp ? 'totp_setup' : 'full';
        const { token } = await startSession(tx.sessions, { userId: user.id, stage, at: now, ip: input.ip, userAgent: input.userAgent });
        await tx.audit.record({ at: now, actor, action: 'user.login_succeeded', subjectType: 'user', subjectId: String(user.id), details: { secondFactor: stage === 'totp_setup' ? 'setup_required' : 'none', via: 'invitation' } });
        return { user, token, stage };
      });
    },
  };
}
export type AcceptInvitation = ReturnType<typeof makeAcceptInvitation>;
