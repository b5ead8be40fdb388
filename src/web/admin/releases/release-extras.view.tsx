import { attachmentKind, fileTypeLabel, formatByteSize } from '../../../domain/attachment.js';
import type { FieldIssue } from '../../../domain/errors.js';
import type { WorkflowAction } from '../../../domain/workflow.js';
import type { AdminContext } from '../shared/admin-context.js';
import { CsrfField } from '../shared/admin-layout.view.js';
import { FieldErrors } from '../shared/error-summary.view.js';
import { formatDateTime } from '../shared/format.js';
import type { ReleasePageData } from './release-page.data.js';

/** Files of the edition, and (on a draft) the upload form: several files at once. */
export function AttachmentsSection(props: { ctx: AdminContext; data: ReleasePageData; canEdit: boolean; issues: FieldIssue[]; uploadMaxBytes: number; typed: Record<string, string> }) {
  const { ctx, data, typed } = props;
  return (
    <section aria-labelledby="files-title">
      <h2 id="files-title">Attachments</h2>
      {data.attachments.length === 0 ? (
        <p>No files attached.</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Type and size</th>
              <th scope="col">Caption, credit and alt text</th>
            </tr>
          </thead>
          <tbody>
            {data.attachments.map((a) => (
              <tr key={a.id}>
                <td>{a.fileName}</td>
                <td>
                  {fileTypeLabel(a.mimeType, a.fileName)}, {formatByteSize(a.byteSize)}
                  {a.width && a.height ? `, ${a.width}×${a.height}` : ''}
                </td>
                <td>
                  {[a.caption, a.credit && `Credit: ${a.credit}`].filter(Boolean).join(' · ')}
                  {attachmentKind(a.mimeType) === 'image' && (a.altText ? <div>Alt text: {a.altText}</div> : <p class="field-error">No alt text: add it before publishing.</p>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canEdit && (
        // Multipart bodies are not parsed before the CSRF check, so the token travels in the query.
        <form method="post" action={`/admin/releases/${data.release.id}/attachments?_csrf=${encodeURIComponent(ctx.csrfToken)}`} enctype="multipart/form-data">
          <fieldset>
            <legend>Upload files</legend>
            <p class="hint">
              PDF, HWP, HWPX, DOCX, XLSX, PPTX, JPEG, PNG, WebP or GIF, up to {formatByteSize(props.uploadMaxBytes)} each. The caption, credit and alt text below apply to every file in this
              upload: upload photos one at a time to describe each.
            </p>
            <div class="form-group">
              <label for="field-caption">Caption (optional)</label>
              <input type="text" id="field-caption" name="caption" value={typed.caption ?? ''} maxLength={500} />
            </div>
            <div class="form-group">
              <label for="field-credit">Credit (optional)</label>
              <input type="text" id="field-credit" name="credit" value={typed.credit ?? ''} />
            </div>
            <div class="form-group">
              <label for="field-altText">Alt text (required for photos before publishing)</label>
              <input type="text" id="field-altText" name="altText" value={typed.altText ?? ''} maxLength={500} />
            </div>
            <div class="form-group">
              <label for="field-files">Files</label>
              <FieldErrors issues={props.issues} id="field-files" />
              <input type="file" id="field-files" name="files" multiple required />
            </div>
            <button type="submit">Upload</button>
          </fieldset>
        </form>
      )}
    </section>
  );
}

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
