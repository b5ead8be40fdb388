import { attachmentKind, fileTypeLabel, formatByteSize, type Attachment } from '../../../domain/attachment.js';
import type { FieldIssue } from '../../../domain/errors.js';
import type { AdminContext } from '../shared/admin-context.js';
import { CsrfField } from '../shared/admin-layout.view.js';
import { ErrorList, FieldErrors } from '../shared/error-summary.view.js';
import { UploadScript } from '../editor/editor-scripts.view.js';
import type { Translate } from '../../i18n/messages.js';
import type { ReleasePageData } from './release-page.data.js';
import { TextViewState } from './text-view-state.view.js';
import { Thumbnail } from './full-preview.view.js';

const TEXTS = [
  { name: 'caption', label: 'adminCaptionOptional', maxLength: 500 },
  { name: 'credit', label: 'adminCreditOptional', maxLength: 200 },
  { name: 'altText', label: 'adminAltOptional', maxLength: 500 },
] as const;

function IssuesOf(props: { issues: FieldIssue[]; field: string; id: string; t: Translate }) {
  return <ErrorList issues={props.issues.filter((i) => i.field === props.field)} id={props.id} t={props.t} />;
}

/** One attachment's caption, credit and alt text, editable on a draft (a form of its own). */
function AttachmentTexts(props: { ctx: AdminContext; releaseId: number; a: Attachment; canEdit: boolean; issues: FieldIssue[] }) {
  const { a } = props;
  const { t } = props.ctx;
  const isImage = attachmentKind(a.mimeType) === 'image';
  if (!props.canEdit) {
    return (
      <>
        {[a.caption, a.credit && t('adminCreditIs', { credit: a.credit })].filter(Boolean).join(' · ')}
        {isImage && (a.altText ? <div>{t('adminAltIs', { alt: a.altText })}</div> : <p class="field-error">{t('adminNoAlt')}</p>)}
      </>
    );
  }
  return (
    <form method="post" action={`/admin/releases/${props.releaseId}/attachments/${a.id}`}>
      <CsrfField ctx={props.ctx} />
      {TEXTS.map((f) => {
        const id = `field-attachment-${a.id}-${f.name}`;
        const label = f.name === 'altText' && isImage ? t('adminAltRequired') : t(f.label);
        return (
          <div class="form-group" key={f.name}>
            <label for={id}>{label}</label>
            <IssuesOf issues={props.issues} field={`attachments.${a.id}.${f.name}`} id={id} t={t} />
            <input type="text" id={id} name={f.name} value={a[f.name]} maxLength={f.maxLength} />
          </div>
        );
      })}
      {isImage && !a.altText && <p class="field-error">{t('adminNoAlt')}</p>}
      <button type="submit" class="button-secondary">
        {t('adminSaveFlag')}<span class="visually-hidden"> {a.fileName}</span>
      </button>
    </form>
  );
}

/** Move up, move down and remove: one small form each, so no script is needed. */
function AttachmentOrder(props: { ctx: AdminContext; releaseId: number; a: Attachment; index: number; count: number }) {
  const { a } = props;
  const { t } = props.ctx;
  const action = `/admin/releases/${props.releaseId}/attachments/${a.id}`;
  return (
    <div class="inline-actions">
      {props.index > 0 && (
        <form method="post" action={`${action}/move`}>
          <CsrfField ctx={props.ctx} />
          <input type="hidden" name="direction" value="up" />
          <button type="submit" class="button-secondary">
            {t('adminMoveUp')}<span class="visually-hidden"> {a.fileName}</span>
          </button>
        </form>
      )}
      {props.index < props.count - 1 && (
        <form method="post" action={`${action}/move`}>
          <CsrfField ctx={props.ctx} />
          <input type="hidden" name="direction" value="down" />
          <button type="submit" class="button-secondary">
            {t('adminMoveDown')}<span class="visually-hidden"> {a.fileName}</span>
          </button>
        </form>
      )}
      <form method="post" action={`${action}/remove`}>
        <CsrfField ctx={props.ctx} />
        <button type="submit" class="button-secondary">
          {t('adminRemove')}<span class="visually-hidden"> {a.fileName}</span>
        </button>
      </form>
    </div>
  );
}

/** Files of the edition, editable on a draft (texts, order, removal), and the upload form: several files at once. */
export function AttachmentsSection(props: { ctx: AdminContext; data: ReleasePageData; canEdit: boolean; canEditTexts?: boolean; issues: FieldIssue[]; uploadMaxBytes: number; typed: Record<string, string> }) {
  const { ctx, data, typed, canEdit } = props;
  const { t } = ctx;
  const count = data.attachments.length;
  return (
    <section aria-labelledby="files-title" id="field-attachments">
      <h2 id="files-title">{t('adminAttachments')}</h2>
      {count === 0 ? (
        <p>{t('adminNoFiles')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('adminFile')}</th>
              <th scope="col">{t('adminTypeSize')}</th>
              <th scope="col">{t('adminCaptionCreditAlt')}</th>
              <th scope="col">{t('adminTextView')}</th>
              {canEdit && <th scope="col">{t('adminOrder')}</th>}
            </tr>
          </thead>
          <tbody>
            {data.attachments.map((a, index) => (
              <tr key={a.id}>
                <td>
                  <Thumbnail releaseId={data.release.id} attachment={a} derivatives={data.derivatives} />
                  {attachmentKind(a.mimeType) === 'image' && <br />}
                  {a.fileName}
                </td>
                <td>
                  {fileTypeLabel(a.mimeType, a.fileName)}, {formatByteSize(a.byteSize)}
                  {a.width && a.height ? `, ${a.width}×${a.height}` : ''}
                </td>
                <td>
                  <AttachmentTexts ctx={ctx} releaseId={data.release.id} a={a} canEdit={props.canEditTexts ?? canEdit} issues={props.issues} />
                </td>
                <td>
                  <TextViewState ctx={ctx} data={data} a={a} />
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
            <legend>{t('adminUploadFiles')}</legend>
            <p class="hint">{t('adminUploadHint', { max: formatByteSize(props.uploadMaxBytes) })}</p>
            <div class="form-group">
              <label for="field-caption">{t('adminCaptionOptional')}</label>
              <input type="text" id="field-caption" name="caption" value={typed.caption ?? ''} maxLength={500} />
            </div>
            <div class="form-group">
              <label for="field-credit">{t('adminCreditOptional')}</label>
              <input type="text" id="field-credit" name="credit" value={typed.credit ?? ''} maxLength={200} />
            </div>
            <div class="form-group">
              <label for="field-altText">{t('adminAltForPhotos')}</label>
              <input type="text" id="field-altText" name="altText" value={typed.altText ?? ''} maxLength={500} />
            </div>
            <div class="form-group">
              <label for="field-files">{t('adminFiles')}</label>
              <FieldErrors issues={props.issues} id="field-files" t={t} />
              <input type="file" id="field-files" name="files" multiple required />
            </div>
            <button type="submit">{t('adminUpload')}</button>
          </fieldset>
        </form>
      )}
      {canEdit && <UploadScript t={t} />}
    </section>
  );
}
