import type { StaffInvitation } from '../../domain/staff-invitation.js';
import type { AuditLog } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { StaffInvitationRepo } from '../../ports/staff-invitation-repo.js';
import type { ListUsers, UserListing } from './list-users.js';

/** A staff account as the admin's staff page shows it. */
export interface StaffListing extends UserListing {
  /** The last successful sign-in the audit log knows of; null when none is recorded. */
  lastSignInAt: Date | null;
}

/**
 * The admin's staff page (#16): every account with its last sign-in (from the audit log, which
 * records each one), and the invitations still waiting to be accepted.
 */
export function makeListStaff(deps: { listUsers: ListUsers; audit: Pick<AuditLog, 'list'>; invitations: Pick<StaffInvitationRepo, 'pending'>; clock: Clock }) {
  return async function listStaff(): Promise<{ staff: StaffListing[]; invitations: StaffInvitation[] }> {
    const users = await deps.listUsers();
    // Staff lists are tens of accounts; each lookup is one indexed read of the newest entry.
    const staff = await Promise.all(
      users.map(async (user) => {
        const [last] = await deps.audit.list({ action: 'user.login_succeeded', subjectType: 'user', subjectId: String(user.id), limit: 1 });
        return { ...user, lastSignInAt: last?.at ?? null };
      }),
    );
    return { staff, invitations: await deps.invitations.pending(deps.clock.now()) };
  };
}
export type ListStaff = ReturnType<typeof makeListStaff>;
