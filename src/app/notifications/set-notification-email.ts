import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { StaffNotificationUnitOfWork } from '../../ports/staff-notifications.js';

/** A staff member chooses whether their notifications also come by email (account page); audited. */
export function makeSetNotificationEmail(deps: { uow: StaffNotificationUnitOfWork; clock: Clock }) {
  return async function setNotificationEmail(userId: number, on: boolean, actor: Actor): Promise<void> {
    const now = deps.clock.now();
    await deps.uow.run(async (tx) => {
      if (!(await tx.notifications.setEmailPreference(userId, on))) return;
      await tx.audit.record({ at: now, actor, action: on ? 'notifications.email_on' : 'notifications.email_off', subjectType: 'user', subjectId: String(userId), details: {} });
    });
  };
}
