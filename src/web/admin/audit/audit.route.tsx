import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuditEntry } from '../../../ports/audit-log.js';
import { adminContext, type AdminContext } from '../shared/admin-context.js';
import { canRead, type AdminWebDeps } from '../shared/admin-deps.js';
import { AdminLayout } from '../shared/admin-layout.view.js';
import { formatDateTime } from '../shared/format.js';
import { sendAdminPage } from '../shared/html.js';
import type { AuditLog } from '../../../ports/audit-log.js';

/** What the audit log page reads. */
export type AuditRouteSystem = { audit: Pick<AuditLog, 'list'> };

const PAGE_SIZE = 100;

const auditQuery = z.object({
  action: z.string().trim().regex(/^[a-z_]+\.[a-z_]+$/).max(60).optional().catch(undefined),
  subjectType: z.string().trim().regex(/^[a-z_]+$/).max(40).optional().catch(undefined),
  subjectId: z.string().trim().min(1).max(60).optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
type AuditQuery = z.output<typeof auditQuery>;

function subjectLink(entry: AuditEntry, t: AdminContext['t']) {
  if (entry.subjectType === 'release' && entry.subjectId) return <a href={`/admin/releases/${entry.subjectId}`}>{t('adminReleaseN', { id: entry.subjectId })}</a>;
  return `${entry.subjectType}${entry.subjectId ? ` ${entry.subjectId}` : ''}`;
}

function AuditView(props: { ctx: AdminContext; q: AuditQuery; entries: AuditEntry[]; hasMore: boolean }) {
  const { ctx, q } = props;
  const { t } = ctx;
  const last = props.entries.at(-1);
  const older = new URLSearchParams();
  if (q.action) older.set('action', q.action);
  if (q.subjectType) older.set('subjectType', q.subjectType);
  if (q.subjectId) older.set('subjectId', q.subjectId);
  if (last) older.set('before', String(last.at.getTime()));
  return (
    <AdminLayout ctx={ctx} title={t('adminNavAudit')}>
      <h1>{t('adminNavAudit')}</h1>
      <p>{t('adminAuditIntro')}</p>
      <form method="get" action="/admin/audit" class="inline-actions" aria-label={t('adminAuditFilter')}>
        <div class="form-group">
          <label for="filter-action">{t('adminAction')}</label>
          <input type="text" id="filter-action" name="action" value={q.action ?? ''} placeholder="release.published" />
        </div>
        <div class="form-group">
          <label for="filter-subjectType">{t('adminSubjectType')}</label>
          <input type="text" id="filter-subjectType" name="subjectType" value={q.subjectType ?? ''} placeholder="release" />
        </div>
        <div class="form-group">
          <label for="filter-subjectId">{t('adminSubjectId')}</label>
          <input type="text" id="filter-subjectId" name="subjectId" value={q.subjectId ?? ''} />
        </div>
        <button type="submit">{t('adminFilter')}</button>
      </form>
      {props.entries.length === 0 ? (
        <p>{t('adminNoEntries')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('adminWhen')}</th>
              <th scope="col">{t('adminWho')}</th>
              <th scope="col">{t('adminAction')}</th>
              <th scope="col">{t('adminSubject')}</th>
              <th scope="col">{t('adminDetails')}</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <time datetime={e.at.toISOString()}>{formatDateTime(e.at, ctx.timeZone, ctx.lang)}</time>
                </td>
                <td>
                  {e.actor.label}
                  {e.actor.ip && <span class="hint"> ({e.actor.ip})</span>}
                </td>
                <td>{e.action}</td>
                <td>{subjectLink(e, t)}</td>
                <td>
                  <code>{Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : ''}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.hasMore && (
        <p>
          <a href={`/admin/audit?${older.toString()}`}>{t('adminOlderEntries')}</a>
        </p>
      )}
    </AdminLayout>
  );
}

/** GET /admin/audit (administrators only): the audit trail, filtered by action and subject. */
export function registerAuditRoutes(app: FastifyInstance, deps: AdminWebDeps<AuditRouteSystem>): void {
  app.get('/admin/audit', canRead(deps, 'admin'), async (request, reply) => {
    const q = auditQuery.parse(request.query ?? {});
    const [ctx, entries] = await Promise.all([
      adminContext(request, reply, deps),
      deps.system.audit.list({ action: q.action, subjectType: q.subjectType, subjectId: q.subjectId, before: q.before ? new Date(q.before) : undefined, limit: PAGE_SIZE + 1 }),
    ]);
    return sendAdminPage(reply, <AuditView ctx={ctx} q={q} entries={entries.slice(0, PAGE_SIZE)} hasMore={entries.length > PAGE_SIZE} />);
  });
}
