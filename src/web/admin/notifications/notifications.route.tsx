import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { adminContext } from '../shared/admin-context.js';
import { canRead, canWrite, type AdminWebDeps } from '../shared/admin-deps.js';
import { redirectDone, sendAdminPage } from '../shared/html.js';
import { actorOf, staffOf } from '../shared/staff.js';
import { NotificationSettingsView } from './notifications.view.js';
import type { makeMarkNotificationsRead } from '../../../app/notifications/mark-notifications-read.js';
import type { makeSetNotificationEmail } from '../../../app/notifications/set-notification-email.js';
import type { StaffNotificationRepo } from '../../../ports/staff-notifications.js';

/** Staff notifications: mark all read, and the email choice. */
export type NotificationsSystem = {
  distribution: { notifications: { repo: Pick<StaffNotificationRepo, 'emailPreference'>; markAllRead: ReturnType<typeof makeMarkNotificationsRead>; setEmail: ReturnType<typeof makeSetNotificationEmail> } };
};

const settingsBody = z.object({ byEmail: z.literal('1').optional().catch(undefined) }).passthrough();
const doneQuery = z.object({ done: z.enum(['saved']).optional().catch(undefined) });

/**
 * Staff notifications (#14): mark all as read (from the dashboard), and each person's choice of
 * email at /admin/account/notifications. Every staff member, for themselves only.
 */
export function registerNotificationRoutes(app: FastifyInstance, deps: AdminWebDeps<NotificationsSystem>): void {
  const n = deps.system.distribution.notifications;
  app.post('/admin/notifications/read', canWrite(deps, 'viewer'), async (request, reply) => {
    await n.markAllRead(staffOf(request).id, actorOf(request));
    return redirectDone(reply, '/admin', 'read');
  });
  app.get('/admin/account/notifications', canRead(deps, 'viewer'), async (request, reply) => {
    const { done } = doneQuery.parse(request.query ?? {});
    const [ctx, byEmail] = await Promise.all([adminContext(request, reply, deps), n.repo.emailPreference(staffOf(request).id)]);
    return sendAdminPage(reply, <NotificationSettingsView ctx={ctx} byEmail={byEmail} saved={done === 'saved'} />);
  });
  app.post('/admin/account/notifications', canWrite(deps, 'viewer'), async (request, reply) => {
    const body = settingsBody.parse(request.body ?? {});
    await n.setEmail(staffOf(request).id, body.byEmail === '1', actorOf(request));
    return redirectDone(reply, '/admin/account/notifications', 'saved');
  });
}
