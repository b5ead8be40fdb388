import { attachmentKind, fileTypeLabel, formatByteSize, type Attachment } from '../../../domain/attachment.js';
import type { FieldIssue } from '../../../domain/errors.js';
import type { AdminContext } from '../shared/admin-context.js';
import { CsrfField } from '../shared/admin-layout.view.js';
import { ErrorList, FieldErrors } from '../shared/error-summary.view.js';
import { UploadScript } from '../editor/editor-scripts.view.js';
import type { ReleasePageData } from './release-page.data.js';

const TEXTS = [
  { name: 'caption', label: 'Caption', maxLength: 500 },
  { name: 'credit', label: 'Credit', maxLength: 200 },
  { name: 'altText', label: 'Alt text', maxLength: 500 },
] as const;

function IssuesOf(props: { issues: FieldIssue[]; field: string; id: string }) {
  return <ErrorList issues={props.issues.filter((i) => i.field === props.field)} id={props.id} />;
}

/** One attachment's caption, credit and alt text, editable on a draft (a form of its own). */
function AttachmentTexts(props: { ctx: AdminContext; releaseId: number; a: Attachment; canEdit: boolean; issues: FieldIssue[] }) {
  const { a } = props;
  const isImage = attachmentKind(a.mimeType) === 'image';
  if (!props.canEdit) {
    return (
      <>
        {[a.caption, a.credit && `Credit: ${a.credit}`].filter(Boolean).join(' · ')}
        {isImage && (a.altText ? <div>Alt text: {a.altText}</div> : <p class="field-error">No alt text: add it before publishing.</p>)}
      </>
    );
  }
  return (
    <form method="post" action={`/admin/releases/${props.releaseId}/attachments/${a.id}`}>
      <CsrfField ctx={props.ctx} />
      {TEXTS.map((t) => {
        const id = `field-attachment-${a.id}-${t.name}`;
        const label = t.name === 'altText' ? (isImage ? 'Alt text (required before publishing)' : 'Alt text (optional)') : `${t.label} (optional)`;
        return (
          <div class="form-group" key={t.name}>
            <label for={id}>{label}</label>
            <IssuesOf issues={props.issues} field={`attachments.${a.id}.${t.name}`} id={id} />
            <input type="text" id={id} name={t.name} value={a[t.name]} maxLength={t.maxLength} />
          </div>
        );
      })}
      {isImage && !a.altText && <p class="field-error">No alt text: add it before publishing.</p>}
      <button type="submit" class="button-secondary">
        Save<span class="visually-hidden"> {a.fileName}</span>
      </button>
    </form>
  );
}

/** Move up, move down and remove: one small form each, so no script is needed. */
function AttachmentOrder(props: { ctx: AdminContext; releaseId: number; a: Attachment; index: number; count: number }) {
  const { a } = props;
  const action = `/admin/releases/${props.releaseId}/attachments/${a.id}`;
  return (
    <div class="inline-actions">
      {props.index > 0 && (
        <form method="post" action={`${action}/move`}>
          <CsrfField ctx={props.ctx} />
          <input type="hidden" name="direction" value="up" />
          <button type="submit" class="button-secondary">
            Move up<span class="visually-hidden"> {a.fileName}</span>
          </button>
        </form>
      )}
      {props.index < props.count - 1 && (
        <form method="post" action={`${action}/move`}>
          <CsrfField ctx={props.ctx} />
          <input type="hidden" name="direction" value="down" />
          <button type="submit" class="button-secondary">
            Move down<span class="visually-hidden"> {a.fileName}</span>
          </button>
        </form>
      )}
      <form method="post" action={`${action}/remove`}>
        <CsrfField ctx={props.ctx} />
        <button type="submit" class="button-secondary">
          Remove<span class="visually-hidden"> {a.fileName}</span>
        </button>
      </form>
    </div>
  );
}

/** Files of the edition, editable on a draft (texts, order, removal), and the upload form: several files at once. */
export function AttachmentsSection(props: { ctx: AdminContext; data: ReleasePageData; canEdit: boolean; issues: FieldIssue[]; uploadMaxBytes: number; typed: Record<string, string> }) {
  const { ctx, data, typed, canEdit } = props;
  const count = data.attachments.length;
  return (
    <section aria-labelledby="files-title" id="field-attachments">
      <h2 id="files-title">Attachments</h2>
      {count === 0 ? (
        <p>No files attached.</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Type and size</th>
              <th scope="col">Caption, credit and alt text</th>
              {canEdit && <th scope="col">Order</th>}
            </tr>
          </thead>
          <tbody>
            {data.attachments.map((a, index) => (
              <tr key={a.id}>
                <td>{a.fileName}</td>
                <td>
                  {fileTypeLabel(a.mimeType, a.fileName)}, {formatByteSize(a.byteSize)}
                  {a.width && a.height ? `, ${a.width}×${a.height}` : ''}
                </td>
                <td>
                  <AttachmentTexts ctx={ctx} releaseId={data.release.id} a={a} canEdit={canEdit} issues={props.issues} />
                </td>
                {canEdit && (
                  <td>
                    <AttachmentOrder ctx={ctx} releaseId={data.release.id} a={a} index={index} count={count} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        // Multipart bodies are not parsed before the CSRF check, so the token travels in the query.
        <form method="post" action={`/admin/releases/${data.release.id}/attachments?_csrf=${encodeURIComponent(ctx.csrfToken)}`} enctype="multipart/form-data" data-upload-form>
          <fieldset>
            <legend>Upload files</legend>
            <p class="hint">
              PDF, HWP, HWPX, DOCX, XLSX, PPTX, JPEG, PNG, WebP or GIF, up to {formatByteSize(props.uploadMaxBytes)} each. The caption, credit and alt text below apply to every file in this
              upload; you can change them for each file afterwards. Photos are stored without their location and camera data.
            </p>
            <div class="form-group">
              <label for="field-caption">Caption (optional)</label>
              <input type="text" id="field-caption" name="caption" value={typed.caption ?? ''} maxLength={500} />
            </div>
            <div class="form-group">
              <label for="field-credit">Credit (optional)</label>
              <input type="text" id="field-credit" name="credit" value={typed.credit ?? ''} maxLength={200} />
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
      {canEdit && <UploadScript />}
    </section>
  );
}
