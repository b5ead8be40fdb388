import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { OutboxEmail, OutboxStatus } from '../../../ports/distribution.js';
import { adminContext, type AdminContext } from '../shared/admin-context.js';
import { canRead, type AdminWebDeps } from '../shared/admin-deps.js';
import { AdminLayout } from '../shared/admin-layout.view.js';
import { formatDateTime } from '../shared/format.js';
import { sendAdminPage } from '../shared/html.js';
import type { OutboxRepo } from '../../../ports/distribution.js';
import { AdminTableHead } from '../shared/admin-table-head.view.js';

/** The email outbox as editors read it, and whether emails are sent or held. */
export type OutboxSystem = { distribution: { outbox: Pick<OutboxRepo, 'list' | 'get'>; sending: boolean } };

const PAGE_SIZE = 50;
const STATUSES = ['held', 'queued', 'sending', 'sent', 'failed'] as const satisfies readonly OutboxStatus[];
const listQuery = z.object({ status: z.enum(STATUSES).optional().catch(undefined), before: z.coerce.number().int().positive().optional().catch(undefined) });
const idParams = z.object({ id: z.string().regex(/^[1-9]\d{0,9}$/).transform(Number) });

/** The email's id from the URL, or null (then the page is a 404, like any unknown one). */
const emailIdOf = (params: unknown): number | null => idParams.safeParse(params).data?.id ?? null;

/** An email's HTML is shown in a sandboxed frame under its own CSP: no script, no remote loads, no forms. */
const EMAIL_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

function OutboxList(props: { ctx: AdminContext; emails: OutboxEmail[]; status?: OutboxStatus; hasMore: boolean; sending: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  const last = props.emails.at(-1);
  return (
    <AdminLayout ctx={ctx} title={t('adminNavOutbox')}>
      <h1>{t('adminNavOutbox')}</h1>
      <p>{t('adminOutboxIntro')}</p>
      {!props.sending && <p class="notice">{t('adminOutboxHeldNotice')}</p>}
      <p>
        {[undefined, ...STATUSES].map((s) => (
          <>
            <a href={s ? `/admin/outbox?status=${s}` : '/admin/outbox'} aria-current={props.status === s ? 'page' : undefined}>
              {s ?? t('adminOutboxAllStatuses')}
            </a>{' '}
          </>
        ))}
      </p>
      {props.emails.length === 0 ? (
        <p>{t('adminOutboxEmpty')}</p>
      ) : (
        <table class="admin-table">
          <AdminTableHead columns={[t('adminOutboxCreated'), t('adminOutboxRecipient'), t('adminOutboxSubject'), t('adminOutboxKind'), t('adminOutboxStatus'), t('adminOutboxAttempts')]} />
          <tbody>
            {props.emails.map((e) => (
              <tr key={e.id}>
                <td>
                  <time datetime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt, ctx.timeZone, ctx.lang)}</time>
                </td>
                <td>{e.recipient}</td>
                <td>
                  <a href={`/admin/outbox/${e.id}`}>{e.subject}</a>
                </td>
                <td>{e.kind}</td>
                <td>{e.status}</td>
                <td>{e.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.hasMore && last && (
        <p>
          <a href={`/admin/outbox?${new URLSearchParams({ ...(props.status ? { status: props.status } : {}), before: String(last.id) }).toString()}`}>{t('adminOutboxOlder')}</a>
        </p>
      )}
    </AdminLayout>
  );
}

function OutboxEmailView(props: { ctx: AdminContext; email: OutboxEmail }) {
  const { ctx, email: e } = props;
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={e.subject}>
      <p>
        <a href="/admin/outbox">{t('adminOutboxBack')}</a>
      </p>
      <h1>{e.subject}</h1>
      <dl>
        <dt>{t('adminOutboxRecipient')}</dt>
        <dd>{e.recipient}</dd>
        <dt>{t('adminOutboxStatus')}</dt>
        <dd>
          {e.status} ({t('adminOutboxAttempts')}: {e.attempts})
        </dd>
        <dt>{t('adminOutboxCreated')}</dt>
        <dd>{formatDateTime(e.createdAt, ctx.timeZone, ctx.lang)}</dd>
        {e.sentAt && (
          <>
            <dt>{t('adminOutboxSent')}</dt>
            <dd>{formatDateTime(e.sentAt, ctx.timeZone, ctx.lang)}</dd>
          </>
        )}
        {e.lastError && (
          <>
            <dt>{t('adminOutboxLastError')}</dt>
            <dd>
              <code>{e.lastError}</code>
            </dd>
          </>
        )}
      </dl>
      <h2>{t('adminOutboxHeaders')}</h2>
      <pre>{[`Message-ID: ${e.messageId}`, ...Object.entries(e.headers).map(([k, v]) => `${k}: ${v}`)].join('\n')}</pre>
      <h2>{t('adminOutboxText')}</h2>
      <pre class="email-text">{e.text}</pre>
      <h2>{t('adminOutboxHtml')}</h2>
      <iframe sandbox="" src={`/admin/outbox/${e.id}/html`} title={t('adminOutboxHtml')} width="100%" height="600" />
    </AdminLayout>
  );
}

/**
 * /admin/outbox (editors and admins): every email written to the outbox, sent or held, and one
 * email's headers, text and HTML. The HTML is served alone under a sandboxing CSP, framed.
 */
export function registerOutboxRoutes(app: FastifyInstance, deps: AdminWebDeps<OutboxSystem>): void {
  const outbox = deps.system.distribution.outbox;
  app.get('/admin/outbox', canRead(deps, 'editor'), async (request, reply) => {
    const q = listQuery.parse(request.query ?? {});
    const [ctx, emails] = await Promise.all([adminContext(request, reply, deps), outbox.list({ status: q.status, beforeId: q.before, limit: PAGE_SIZE + 1 })]);
    return sendAdminPage(reply, <OutboxList ctx={ctx} emails={emails.slice(0, PAGE_SIZE)} status={q.status} hasMore={emails.length > PAGE_SIZE} sending={deps.system.distribution.sending} />);
  });
  app.get('/admin/outbox/:id', canRead(deps, 'editor'), async (request, reply) => {
    const id = emailIdOf(request.params);
    if (id === null) return reply.callNotFound();
    const [ctx, email] = await Promise.all([adminContext(request, reply, deps), outbox.get(id)]);
    if (!email) return reply.callNotFound();
    return sendAdminPage(reply, <OutboxEmailView ctx={ctx} email={email} />);
  });
  app.get('/admin/outbox/:id/html', canRead(deps, 'editor'), async (request, reply) => {
    const id = emailIdOf(request.params);
    const email = id === null ? null : await outbox.get(id);
    if (!email) return reply.callNotFound();
    return reply.header('Content-Security-Policy', EMAIL_CSP).header('X-Frame-Options', 'SAMEORIGIN').header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(email.html);
  });
}
