import type { FieldIssue } from '../../../domain/errors.js';
import { WEBHOOK_EVENTS, type WebhookEndpoint, type WebhookEvent } from '../../../domain/webhook.js';
import type { WebhookDelivery } from '../../../ports/webhooks.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { AdminContext } from '../shared/admin-context.js';
import { AdminLayout, CsrfField } from '../shared/admin-layout.view.js';
import { ErrorSummary, FieldErrors } from '../shared/error-summary.view.js';
import { formatDateTime } from '../shared/format.js';
import { AdminTableHead } from '../shared/admin-table-head.view.js';

export interface WebhooksPageProps {
  ctx: AdminContext;
  endpoints: WebhookEndpoint[];
  deliveries: WebhookDelivery[];
  values: { url: string; events: string[] };
  issues: FieldIssue[];
  /** Just created: the only time the secret is ever shown. */
  created?: { url: string; secret: string };
  done?: 'enabled' | 'disabled';
}

const eventKey = (e: WebhookEvent) => `adminWebhookEvent_${e.replace('.', '_')}` as MessageKey;

/** GET /admin/webhooks: endpoints, the add form, a new endpoint's secret (once) and the delivery log; in the staff member's language. */
export function WebhooksView(props: WebhooksPageProps) {
  const { ctx, values, issues } = props;
  const { t } = ctx;
  const when = (d: Date | null) => (d ? <time datetime={d.toISOString()}>{formatDateTime(d, ctx.timeZone, ctx.lang)}</time> : '—');
  const urlOf = new Map(props.endpoints.map((e) => [e.id, e.url]));
  return (
    <AdminLayout ctx={ctx} title={t('adminNavWebhooks')} hasErrors={issues.length > 0}>
      <ErrorSummary issues={issues} title={t('adminWebhookNotCreated')} t={t} />
      {props.done && (
        <div class="success-notice" role="status">
          <p>{t(props.done === 'enabled' ? 'adminWebhookEnabledNotice' : 'adminWebhookDisabledNotice')}</p>
        </div>
      )}
      <h1>{t('adminNavWebhooks')}</h1>
      <p>{t('adminWebhooksIntro')}</p>
      <p>{t('adminWebhooksSigning')}</p>
      {props.created && (
        <div class="success-notice" role="status" aria-labelledby="new-webhook-title">
          <h2 id="new-webhook-title">{t('adminWebhookCreatedTitle')}</h2>
          <p>{props.created.url}</p>
          <p>{t('adminWebhookCopyNow')}</p>
          <p class="secret" id="new-webhook-secret">
            {props.created.secret}
          </p>
        </div>
      )}
      <h2>{t('adminWebhooksList')}</h2>
      {props.endpoints.length === 0 ? (
        <p>{t('adminWebhooksNone')}</p>
      ) : (
        <table class="admin-table">
          <AdminTableHead columns={[t('adminWebhookColUrl'), t('adminWebhookColEvents'), t('adminWebhookColState'), t('adminCreated')]} actions={t('adminTokenColActions')} />
          <tbody>
            {props.endpoints.map((e) => (
              <tr key={e.id} id={`webhook-${e.id}`}>
                <td>
                  <code>{e.url}</code>
                </td>
                <td>{e.events.join(', ')}</td>
                <td>{t(e.enabled ? 'adminWebhookEnabled' : 'adminWebhookDisabled')}</td>
                <td>{when(e.createdAt)}</td>
                <td>
                  <form method="post" action={`/admin/webhooks/${e.id}/${e.enabled ? 'disable' : 'enable'}`}>
                    <CsrfField ctx={ctx} />
                    <button type="submit" class={e.enabled ? 'button-danger' : undefined}>
                      {t(e.enabled ? 'adminWebhookDisable' : 'adminWebhookEnable')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="deliveries">{t('adminWebhookDeliveries')}</h2>
      {props.deliveries.length === 0 ? (
        <p>{t('adminWebhookNoDeliveries')}</p>
      ) : (
        <table class="admin-table">
          <AdminTableHead columns={[t('adminWebhookColCreated'), t('adminWebhookColUrl'), t('adminWebhookColEvent'), t('adminWebhookColStatus'), t('adminWebhookColAttempts'), t('adminWebhookColResponse'), t('adminWebhookColNext')]} />
          <tbody>
            {props.deliveries.map((d) => (
              <tr key={d.id} id={`delivery-${d.id}`}>
                <td>{when(d.createdAt)}</td>
                <td>
                  <code>{urlOf.get(d.endpointId) ?? d.url}</code>
                </td>
                <td>{d.event}</td>
                <td>{d.status}</td>
                <td>{d.attempts}</td>
                <td>{d.lastError ?? (d.lastStatus === null ? '—' : `HTTP ${d.lastStatus}`)}</td>
                <td>{d.status === 'queued' ? when(d.nextAttemptAt) : d.status === 'delivered' ? when(d.deliveredAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="create">{t('adminWebhookCreateTitle')}</h2>
      <form method="post" action="/admin/webhooks" class="admin-form" novalidate>
        <CsrfField ctx={ctx} />
        <div class="form-group">
          <label for="field-url">{t('adminWebhookUrl')}</label>
          <span class="hint" id="field-url-hint">
            {t('adminWebhookUrlHint')}
          </span>
          <FieldErrors issues={issues} id="field-url" t={t} />
          <input type="url" id="field-url" name="url" value={values.url} maxLength={2000} aria-describedby="field-url-hint" spellcheck={false} />
        </div>
        <fieldset id="field-events">
          <legend>{t('adminWebhookEvents')}</legend>
          <FieldErrors issues={issues} id="field-events" t={t} />
          {WEBHOOK_EVENTS.map((event) => (
            <div key={event}>
              <input type="checkbox" id={`event-${event.replace('.', '-')}`} name="events" value={event} checked={values.events.includes(event)} />{' '}
              <label class="inline-label" for={`event-${event.replace('.', '-')}`}>
                <code>{event}</code>: {t(eventKey(event))}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="form-buttons">
          <button type="submit">{t('adminWebhookCreate')}</button>
        </div>
      </form>
    </AdminLayout>
  );
}
