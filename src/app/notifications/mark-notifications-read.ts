import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { StaffNotificationUnitOfWork } from '../../ports/staff-notifications.js';

/** Marks all of a staff member's notifications as read (from the dashboard); audited with the count. */
export function makeMarkNotificationsRead(deps: { uow: StaffNotificationUnitOfWork; clock: Clock }) {
  return async function markNotificationsRead(userId: number, actor: Actor): Promise<number> {
    const now = deps.clock.now();
    return deps.uow.run(async (tx) => {
      const count = await tx.notifications.markAllRead(userId, now);
      if (count > 0) await tx.audit.record({ at: now, actor, action: 'notifications.read', subjectType: 'user', subjectId: String(userId), details: { count } });
      return count;
    });
  };
}
