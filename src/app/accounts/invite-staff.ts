import { z } from 'zod';
import { ValidationError } from '../../domain/errors.js';
import { INVITATION_LIMITS, type StaffInvitation } from '../../domain/staff-invitation.js';
import { ACCOUNT_LIMITS, ROLES } from '../../domain/user.js';
import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { InvitationsUnitOfWork } from '../../ports/staff-invitation-repo.js';
import { validate } from '../validate.js';
import { emailSchema } from './account.schema.js';
import { newSessionToken, sha256Hex } from './secrets.js';

/** Who is invited: name, address and role (the person chooses the password). */
export const invitationSchema = z.object({
  name: z.string().trim().min(1, 'Enter the person\'s name').max(ACCOUNT_LIMITS.nameMaxChars),
  email: emailSchema,
  role: z.enum(ROLES, `Choose one of: ${ROLES.join(', ')}`),
});
export type InvitationInput = z.input<typeof invitationSchema>;

/**
 * Invites a person to become staff (#16): returns the one-time secret for the link, which exists in
 * clear only in this answer (the database keeps its SHA-256). A new invitation for an address
 * revokes the earlier pending ones, so only the last link sent works. Audited as `user.invited`.
 */
export function makeInviteStaff(deps: { uow: InvitationsUnitOfWork; clock: Clock }) {
  return async function inviteStaff(input: InvitationInput, actor: Actor): Promise<{ invitation: StaffInvitation; token: string }> {
    const data = validate(invitationSchema, input);
    const now = deps.clock.now();
    const token = newSessionToken();
    return deps.uow.run(async (tx) => {
      if (await tx.users.byEmail(data.email)) {
        throw new ValidationError('The email address is taken', [{ code: 'email_taken', message: 'An account with this email address already exists', field: 'email' }]);
      }
      const replaced = await tx.invitations.revoke({ email: data.email }, now);
      const invitation = await tx.invitations.create({
        tokenHash: sha256Hex(token),
        email: data.email,
        name: data.name,
        role: data.role,
        createdBy: actor.userId,
        createdByLabel: actor.label,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_LIMITS.validForMs),
      });
      await tx.audit.record({
        at: now,
        actor,
        action: 'user.invited',
        subjectType: 'invitation',
        subjectId: String(invitation.id),
        details: { email: data.email, name: data.name, role: data.role, expiresAt: invitation.expiresAt.toISOString(), replaced },
      });
      return { invitation, token };
    });
  };
}
export type InviteStaff = ReturnType<typeof makeInviteStaff>;
