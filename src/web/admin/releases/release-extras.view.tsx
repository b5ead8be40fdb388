import type { FieldIssue } from '../../../domain/errors.js';
import type { WorkflowAction } from '../../../domain/workflow.js';
import type { AdminContext } from '../shared/admin-context.js';
import { CsrfField } from '../shared/admin-layout.view.js';
import { FieldErrors } from '../shared/error-summary.view.js';
import { formatDateTime } from '../shared/format.js';
import type { ReleasePageData } from './release-page.data.js';

/** Every save is a revision: compare any two, or restore one (as a new revision) on a draft. */
export function RevisionsSection(props: { ctx: AdminContext; data: ReleasePageData; canEdit: boolean; lockVersion: number }) {
  const { ctx, data } = props;
  const revs = [...data.revisions].sort((a, b) => b.revisionNo - a.revisionNo);
  if (revs.length === 0) return null;
  const latest = revs[0]!;
  const previous = revs[1] ?? latest;
  return (
    <section aria-labelledby="revisions-title">
      <h2 id="revisions-title">Revisions of edition {data.edition.editionNo}</h2>
      <table class="admin-table">
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">Saved by</th>
            <th scope="col">When</th>
            {props.canEdit && <th scope="col">Restore</th>}
          </tr>
        </thead>
        <tbody>
          {revs.map((r) => (
            <tr key={r.id}>
              <td>{r.revisionNo}</td>
              <td>{r.authorLabel}</td>
              <td>{formatDateTime(r.createdAt, ctx.timeZone)}</td>
              {props.canEdit && (
                <td>
                  {r.id !== latest.id && (
                    <form method="post" action={`/admin/releases/${data.release.id}/revisions/${r.id}/restore`}>
                      <CsrfField ctx={ctx} />
                      <input type="hidden" name="lockVersion" value={String(props.lockVersion)} />
                      <button type="submit" class="button-secondary">
                        Restore revision {r.revisionNo}
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
            <label for="field-from">From</label>
            <select id="field-from" name="from">
              {revs.map((r) => (
                <option key={r.id} value={r.id} selected={r.id === previous.id}>
                  Revision {r.revisionNo}
                </option>
              ))}
            </select>
          </div>
          <div class="form-group">
            <label for="field-to">To</label>
            <select id="field-to" name="to">
              {revs.map((r) => (
                <option key={r.id} value={r.id} selected={r.id === latest.id}>
                  Revision {r.revisionNo}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button-secondary">
            Compare
          </button>
        </form>
      )}
    </section>
  );
}

/** Secret links for journalists under embargo: created, listed with their use, revoked. */
export function PreviewLinksSection(props: { ctx: AdminContext; data: ReleasePageData; allowed: Set<WorkflowAction>; issues: FieldIssue[]; typed: Record<string, string>; newLink?: { recipient: string; url: string } }) {
  const { ctx, data } = props;
  const canShare = props.allowed.has('share_preview');
  if (!canShare && data.previewLinks.length === 0) return null;
  return (
    <section aria-labelledby="preview-links-title">
      <h2 id="preview-links-title">Preview links</h2>
      {props.newLink && (
        <div class="success-notice" role="status">
          <p>
            Preview link for <strong>{props.newLink.recipient}</strong>. Copy it now: it will not be shown again.
          </p>
          <p class="secret">{props.newLink.url}</p>
        </div>
      )}
      {data.previewLinks.length > 0 && (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">Recipient</th>
              <th scope="col">Created</th>
              <th scope="col">Last opened</th>
              <th scope="col">Opens</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {data.previewLinks.map((l) => (
              <tr key={l.id}>
                <td>{l.recipient}</td>
                <td>{formatDateTime(l.createdAt, ctx.timeZone)}</td>
                <td>{l.lastOpenedAt ? formatDateTime(l.lastOpenedAt, ctx.timeZone) : 'Never'}</td>
                <td>{l.openCount}</td>
                <td>
                  {l.revokedAt ? (
                    `Revoked ${formatDateTime(l.revokedAt, ctx.timeZone)}`
                  ) : canShare ? (
                    <form method="post" action={`/admin/releases/${data.release.id}/preview-links/${l.id}/revoke`}>
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="button-secondary">
                        Revoke<span class="visually-hidden"> the link for {l.recipient}</span>
                      </button>
                    </form>
                  ) : (
                    'Active'
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
            <label for="field-recipient">Journalist or outlet</label>
            <FieldErrors issues={props.issues} id="field-recipient" />
            <input type="text" id="field-recipient" name="recipient" value={props.typed.recipient ?? ''} maxLength={254} required />
          </div>
          <button type="submit">Create preview link</button>
        </form>
      )}
    </section>
  );
}
