import type { FieldIssue } from '../../../domain/errors.js';
import type { WorkflowAction } from '../../../domain/workflow.js';
import type { AdminContext } from '../shared/admin-context.js';
import { CsrfField } from '../shared/admin-layout.view.js';
import { FieldErrors } from '../shared/error-summary.view.js';
import { formatDateTime } from '../shared/format.js';
import type { ReleasePageData } from './release-page.data.js';
import { AdminTableHead } from '../shared/admin-table-head.view.js';

/** Every save is a revision: compare any two, or restore one (as a new revision) on a draft. */
export function RevisionsSection(props: { ctx: AdminContext; data: ReleasePageData; canEdit: boolean; lockVersion: number }) {
  const { ctx, data } = props;
  const { t } = ctx;
  const when = (d: Date) => formatDateTime(d, ctx.timeZone, ctx.lang);
  const revs = [...data.revisions].sort((a, b) => b.revisionNo - a.revisionNo);
  if (revs.length === 0) return null;
  const latest = revs[0]!;
  const previous = revs[1] ?? latest;
  return (
    <section aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('adminRevisionsOf', { number: data.edition.editionNo })}</h2>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('adminRevision')}</th>
            <th scope="col">{t('adminSavedBy')}</th>
            <th scope="col">{t('adminWhen')}</th>
            {props.canEdit && <th scope="col">{t('adminRestore')}</th>}
          </tr>
        </thead>
        <tbody>
          {revs.map((r) => (
            <tr key={r.id}>
              <td>
                {r.revisionNo}
                {r.autosaveStartedAt && <span class="hint"> ({t('adminRevisionAutosaved')})</span>}
              </td>
              <td>{r.authorLabel}</td>
              <td>{when(r.createdAt)}</td>
              {props.canEdit && (
                <td>
                  {r.id !== latest.id && (
                    <form method="post" action={`/admin/releases/${data.release.id}/revisions/${r.id}/restore`}>
                      <CsrfField ctx={ctx} />
                      <input type="hidden" name="lockVersion" value={String(props.lockVersion)} />
                      <button type="submit" class="button-secondary">
                        {t('adminRestoreRevision', { number: r.revisionNo })}
                      </button>
                    </form>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {revs.length > 1 && (
        <form method="get" action={`/admin/releases/${data.release.id}/revisions`} class="inline-actions">
          <div class="form-group">
            <label for="field-from">{t('adminFrom')}</label>
            <select id="field-from" name="from">
              {revs.map((r) => (
                <option key={r.id} value={r.id} selected={r.id === previous.id}>
                  {t('adminRevisionN', { number: r.revisionNo })}
                </option>
              ))}
            </select>
          </div>
          <div class="form-group">
            <label for="field-to">{t('adminTo')}</label>
            <select id="field-to" name="to">
              {revs.map((r) => (
                <option key={r.id} value={r.id} selected={r.id === latest.id}>
                  {t('adminRevisionN', { number: r.revisionNo })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button-secondary">
            {t('adminCompare')}
          </button>
        </form>
      )}
    </section>
  );
}

/** Secret links for journalists under embargo: created, listed with their use, revoked. */
export function PreviewLinksSection(props: { ctx: AdminContext; data: ReleasePageData; allowed: Set<WorkflowAction>; issues: FieldIssue[]; typed: Record<string, string>; newLink?: { recipient: string; url: string } }) {
  const { ctx, data } = props;
  const { t } = ctx;
  const when = (d: Date) => formatDateTime(d, ctx.timeZone, ctx.lang);
  const canShare = props.allowed.has('share_preview');
  if (!canShare && data.previewLinks.length === 0) return null;
  return (
    <section aria-labelledby="preview-links-title">
      <h2 id="preview-links-title">{t('adminPreviewLinks')}</h2>
      {canShare && (
        <p>
          <a href={`/admin/releases/${data.release.id}/journalists`}>{t('jrSendLink')}</a>
        </p>
      )}
      {props.newLink && (
        <div class="success-notice" role="status">
          <p>
            {t('adminPreviewLinkFor')} <strong>{props.newLink.recipient}</strong>. {t('adminCopyNow')}
          </p>
          <p class="secret">{props.newLink.url}</p>
        </div>
      )}
      {data.previewLinks.length > 0 && (
        <table class="admin-table">
          <AdminTableHead columns={[t('adminRecipient'), t('adminCreated'), t('adminLastOpened'), t('adminOpens'), t('adminColState')]} />
          <tbody>
            {data.previewLinks.map((l) => (
              <tr key={l.id}>
                <td>{l.recipient}</td>
                <td>{when(l.createdAt)}</td>
                <td>{l.lastOpenedAt ? when(l.lastOpenedAt) : t('adminNever')}</td>
                <td>{l.openCount}</td>
                <td>
                  {l.revokedAt ? (
                    t('adminRevokedAt', { at: when(l.revokedAt) })
                  ) : canShare ? (
                    <form method="post" action={`/admin/releases/${data.release.id}/preview-links/${l.id}/revoke`}>
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="button-secondary">
                        {t('adminRevoke')}<span class="visually-hidden"> {t('adminRevokeFor', { recipient: l.recipient })}</span>
                      </button>
                    </form>
                  ) : (
                    t('adminActive')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canShare && (
        <form method="post" action={`/admin/releases/${data.release.id}/preview-links`} class="inline-actions">
          <CsrfField ctx={ctx} />
          <div class="form-group">
            <label for="field-recipient">{t('adminJournalist')}</label>
            <FieldErrors issues={props.issues} id="field-recipient" t={t} />
            <input type="text" id="field-recipient" name="recipient" value={props.typed.recipient ?? ''} maxLength={254} required />
          </div>
          <button type="submit">{t('adminCreatePreviewLink')}</button>
        </form>
      )}
    </section>
  );
}
