import type { AuditFilterChoices, ReadableAuditEntry } from '../../../app/audit-trail.js';
import type { AdminContext } from '../shared/admin-context.js';
import { AdminLayout } from '../shared/admin-layout.view.js';
import { formatDateTime } from '../shared/format.js';
import { DATA_TEXT } from '../shared/html.js';
import { actionLabel, actorLabel, detailPairs, hasSummary, subjectLabel, summaryOf } from './audit-summary.js';
import { AdminTableHead } from '../shared/admin-table-head.view.js';

/** Names and recorded details are data, not UI text (see DATA_TEXT). */
const DATA = DATA_TEXT;

/** The audit page's query as the form sends it (GET), already checked. */
export interface AuditPageQuery {
  person?: number;
  release?: number;
  action?: string;
  from?: string;
  to?: string;
  /** Older filters kept for links made before #16 (`?subjectType=api_token`). */
  subjectType?: string;
  subjectId?: string;
  before?: number;
}

/** The query string of the filters (without the page), for the older-entries and CSV links. */
export function filterParams(q: AuditPageQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.person !== undefined) p.set('person', String(q.person));
  if (q.release !== undefined) p.set('release', String(q.release));
  if (q.action) p.set('action', q.action);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  if (q.subjectType) p.set('subjectType', q.subjectType);
  if (q.subjectId) p.set('subjectId', q.subjectId);
  return p;
}

function Filters(props: { ctx: AdminContext; q: AuditPageQuery; choices: AuditFilterChoices }) {
  const { ctx, q, choices } = props;
  const { t } = ctx;
  const actions = q.action && !choices.actions.includes(q.action) ? [q.action, ...choices.actions] : choices.actions;
  return (
    <form method="get" action="/admin/audit" aria-label={t('adminAuditFilter')}>
      <div class="filters">
        <div class="form-group">
          <label for="filter-person">{t('auditFilterPerson')}</label>
          <select id="filter-person" name="person">
            <option value="">{t('auditFilterAnyone')}</option>
            {choices.staff.map((s) => (
              <option key={s.id} value={String(s.id)} selected={q.person === s.id} {...DATA}>
                {s.name} ({s.email})
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label for="filter-release">{t('auditFilterRelease')}</label>
          <span class="hint" id="filter-release-hint">
            {t('auditFilterReleaseHint')}
          </span>
          <input type="text" inputmode="numeric" pattern="[0-9]*" id="filter-release" name="release" value={q.release !== undefined ? String(q.release) : ''} list="filter-release-choices" aria-describedby="filter-release-hint" size={8} />
          <datalist id="filter-release-choices">
            {choices.releases.map((r) => (
              <option key={r.id} value={String(r.id)} label={r.title} />
            ))}
          </datalist>
        </div>
        <div class="form-group">
          <label for="filter-action">{t('auditFilterAction')}</label>
          <select id="filter-action" name="action">
            <option value="">{t('auditFilterAnyAction')}</option>
            {actions.map((a) => (
              <option key={a} value={a} selected={q.action === a}>
                {actionLabel(a, t)}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label for="filter-from">{t('auditFilterFrom')}</label>
          <input type="date" id="filter-from" name="from" value={q.from ?? ''} aria-describedby="filter-dates-hint" />
        </div>
        <div class="form-group">
          <label for="filter-to">{t('auditFilterTo')}</label>
          <input type="date" id="filter-to" name="to" value={q.to ?? ''} aria-describedby="filter-dates-hint" />
        </div>
      </div>
      <p class="hint" id="filter-dates-hint">
        {t('auditFilterDatesHint', { zone: ctx.timeZone })}
      </p>
      {q.subjectType && <input type="hidden" name="subjectType" value={q.subjectType} />}
      {q.subjectId && <input type="hidden" name="subjectId" value={q.subjectId} />}
      <div class="form-buttons">
        <button type="submit">{t('auditFilterApply')}</button>
        <a href="/admin/audit">{t('auditFilterClear')}</a>
      </div>
    </form>
  );
}

function EntryRow(props: { ctx: AdminContext; e: ReadableAuditEntry }) {
  const { ctx, e } = props;
  const { t } = ctx;
  const wording = { t, timeZone: ctx.timeZone, lang: ctx.lang };
  const pairs = detailPairs(e, wording);
  const subject = subjectLabel(e, t);
  return (
    <tr>
      <td>
        <time datetime={e.at.toISOString()}>{formatDateTime(e.at, ctx.timeZone, ctx.lang)}</time>
      </td>
      <td>
        {e.actorName ? <span {...DATA}>{e.actorName}</span> : actorLabel(e, t)}
        {(e.actorName || e.actor.ip) && (
          <span class="hint">
            {' '}
            ({[e.actorName ? e.actor.label : null, e.actor.ip].filter(Boolean).join(', ')})
          </span>
        )}
      </td>
      <td>
        {actionLabel(e.action, t)} <code class="hint">{e.action}</code>
      </td>
      <td>{e.subjectType === 'release' && e.subjectId ? <a href={`/admin/releases/${e.subjectId}`}>{subject}</a> : e.subjectUserName ? <span {...DATA}>{subject}</span> : subject}</td>
      <td class="audit-what">
        {hasSummary(e.action) ? summaryOf(e, wording) : <span {...DATA}>{summaryOf(e, wording)}</span>}
        {pairs.length > 0 && (
          <details>
            <summary>{t('auditRaw')}</summary>
            <dl {...DATA}>
              {pairs.map(([k, v]) => [<dt key={`${k}-k`}>
                  <code>{k}</code>
                </dt>, <dd key={`${k}-v`}>{v}</dd>])}
            </dl>
          </details>
        )}
      </td>
    </tr>
  );
}

/** The audit trail in words: who did what to which release or account, filtered, newest first. */
export function AuditView(props: { ctx: AdminContext; q: AuditPageQuery; entries: ReadableAuditEntry[]; hasMore: boolean; choices: AuditFilterChoices }) {
  const { ctx, q } = props;
  const { t } = ctx;
  const filters = filterParams(q);
  const older = new URLSearchParams(filters);
  const last = props.entries.at(-1);
  if (last) older.set('before', String(last.id));
  const csv = filters.toString();
  return (
    <AdminLayout ctx={ctx} title={t('adminNavAudit')}>
      <h1>{t('adminNavAudit')}</h1>
      <p>{t('adminAuditIntro')}</p>
      <Filters ctx={ctx} q={q} choices={props.choices} />
      <p>
        <a href={`/admin/audit.csv${csv ? `?${csv}` : ''}`} download>
          {t('auditExportCsv')}
        </a>
      </p>
      {props.entries.length === 0 ? (
        <p>{t('adminNoEntries')}</p>
      ) : (
        <table class="admin-table">
          <AdminTableHead columns={[t('adminWhen'), t('adminWho'), t('adminAction'), t('adminSubject'), t('auditColSummary')]} />
          <tbody>
            {props.entries.map((e) => (
              <EntryRow key={e.id} ctx={ctx} e={e} />
            ))}
          </tbody>
        </table>
      )}
      <p class="inline-actions">
        {q.before !== undefined && <a href={`/admin/audit${csv ? `?${csv}` : ''}`}>{t('auditNewest')}</a>}
        {props.hasMore && <a href={`/admin/audit?${older.toString()}`}>{t('adminOlderEntries')}</a>}
      </p>
    </AdminLayout>
  );
}
