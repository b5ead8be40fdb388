import type { StaffNotification } from '../../../ports/staff-notifications.js';
import { notificationText } from '../../email/staff-notification-email.js';
import type { AdminContext } from '../shared/admin-context.js';
import { AdminLayout, CsrfField } from '../shared/admin-layout.view.js';
import { formatDateTime } from '../shared/format.js';

/** The dashboard's notifications: unread count, the latest, and "mark all as read". */
export function NotificationsSection(props: { ctx: AdminContext; items: StaffNotification[]; unread: number; markedRead?: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="notifications">
      <h2 id="notifications">
        {t('adminNotifications')} <span class="hint" id="notifications-unread">({t('adminNotificationsUnread', { count: props.unread })})</span>
      </h2>
      {props.markedRead && (
        <div class="success-notice" role="status">
          <p>{t('adminNotificationsMarkedRead')}</p>
        </div>
      )}
      {props.items.length === 0 ? (
        <p>{t('adminNotificationsNone')}</p>
      ) : (
        <ul class="notifications">
          {props.items.map((n) => (
            <li key={n.id} id={`notification-${n.id}`} class={n.readAt ? undefined : 'unread'}>
              {!n.readAt && <strong>{t('adminNotificationsNew')}: </strong>}
              {n.releaseId !== null ? <a href={`/admin/releases/${n.releaseId}`}>{notificationText(t, n.kind, n.details)}</a> : notificationText(t, n.kind, n.details)}
              {n.details.comment && <q> {t('notifComment', { comment: n.details.comment })}</q>}{' '}
              <span class="hint">
                <time datetime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, ctx.timeZone, ctx.lang)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.unread > 0 && (
        <form method="post" action="/admin/notifications/read">
          <CsrfField ctx={ctx} />
          <button type="submit">{t('adminNotificationsMarkRead')}</button>
        </form>
      )}
    </section>
  );
}

/** GET /admin/account/notifications: the person's choice of email notifications. */
export function NotificationSettingsView(props: { ctx: AdminContext; byEmail: boolean; saved: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={t('adminNotificationsSettings')}>
      {props.saved && (
        <div class="success-notice" role="status">
          <p>{t('adminNotificationsSaved')}</p>
        </div>
      )}
      <h1>{t('adminNotificationsSettings')}</h1>
      <p>{t('adminNotificationsSettingsIntro')}</p>
      <form method="post" action="/admin/account/notifications" class="admin-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="present" value="1" />
        <div>
          <input type="checkbox" id="field-byEmail" name="byEmail" value="1" checked={props.byEmail} />{' '}
          <label class="inline-label" for="field-byEmail">
            {t('adminNotificationsByEmail')} ({ctx.user.email})
          </label>
        </div>
        <div class="form-buttons">
          <button type="submit">{t('adminNotificationsSave')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
