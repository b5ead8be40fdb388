import { NotFoundError } from '../../domain/errors.js';
import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { InvitationsUnitOfWork } from '../../ports/staff-invitation-repo.js';

/** Revokes a pending invitation: its link stops working at once. Audited as `user.invitation_revoked`. */
export function makeRevokeInvitation(deps: { uow: InvitationsUnitOfWork; clock: Clock }) {
  return async function revokeInvitation(id: number, actor: Actor): Promise<{ changed: boolean }> {
    const now = deps.clock.now();
    return deps.uow.run(async (tx) => {
      const invitation = await tx.invitations.byId(id);
      if (!invitation) throw new NotFoundError(`No invitation ${id}`);
      const changed = (await tx.invitations.revoke({ id }, now)) > 0;
      if (changed) {
        await tx.audit.record({ at: now, actor, action: 'user.invitation_revoked', subjectType: 'invitation', subjectId: String(id), details: { email: invitation.email, role: invitation.role } });
      }
      return { changed };
    });
  };
}
export type RevokeInvitation = ReturnType<typeof makeRevokeInvitation>;
