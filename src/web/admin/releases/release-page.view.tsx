import type { WorkflowAction } from '../../../domain/workflow.js';
import { urls } from '../../urls.js';
import type { AdminContext } from '../shared/admin-context.js';
import { AdminLayout, CsrfField } from '../shared/admin-layout.view.js';
import { ErrorSummary } from '../shared/error-summary.view.js';
import { formatDateTime, languageLabel, stateLabel, statusLabel } from '../shared/format.js';
import { TranslationsSection } from '../translations/translations.view.js';
import { formFromEdition } from './release-form.js';
import { BodyPreview, ReleaseFields } from './release-form.view.js';
import { ActionsSection } from './release-actions.view.js';
import { ConflictPanel, EditionReadOnly } from './release-content.view.js';
import { AttachmentsSection } from './attachments.view.js';
import { PreviewLinksSection, RevisionsSection } from './release-extras.view.js';
import { AutosaveScript } from '../editor/editor-scripts.view.js';
import { FullPreviewLink } from './full-preview.view.js';
import type { ReleasePageData, ReleasePageState } from './release-page.data.js';
import { CorrectionDiff, PublicationChecks } from './review.view.js';

/** Field ids present on the page, so the error summary links only to what exists. */
const LINKABLE = new Set(['field-title', 'field-subtitle', 'field-bodyMarkdown', 'field-department', 'field-contactName', 'field-contactPhone', 'field-contactEmail', 'field-tags', 'field-embargoUntil']);
const ACTION_FIELDS = ['field-comment', 'field-scheduledAt', 'field-changeNote', 'field-reason', 'field-recipient', 'field-files', 'field-attachments', 'field-confirm', 'field-reviewerId'];

/**
 * A release's admin page: the editor for a draft (or the read-only edition), the workflow steps
 * this person may take, attachments, revisions and preview links.
 */
export function ReleasePageView(props: { ctx: AdminContext; data: ReleasePageData; allowed: Set<WorkflowAction>; state: ReleasePageState; uploadMaxBytes: number }) {
  const { ctx, data, allowed, state } = props;
  const { release, edition, board } = data;
  const canEdit = allowed.has('edit');
  // An editor fixes an edition in review in place, with the same form, saved as their revision (#16).
  const canRevise = !canEdit && allowed.has('revise');
  const form = state.form;
  const values = form?.values ?? formFromEdition(edition, ctx.timeZone);
  const lockVersion = form?.conflict?.current.lockVersion ?? edition.lockVersion;
  const linkable = new Set([...(canEdit || canRevise ? LINKABLE : []), ...ACTION_FIELDS]);
  const { t } = ctx;
  const title = edition.title || t('adminUntitledRelease');
  const when = (d: Date) => formatDateTime(d, ctx.timeZone, ctx.lang);
  return (
    <AdminLayout ctx={ctx} title={title}>
      {form && <ErrorSummary issues={form.issues} linkable={linkable} t={t} />}
      {state.issues && <ErrorSummary title={state.issuesTitle ?? t('adminCouldNotBeDone')} issues={state.issues} linkable={linkable} t={t} />}
      {state.notice && (
        <div class="success-notice" role="status">
          <p>{state.notice}</p>
        </div>
      )}
      <PublicationChecks ctx={ctx} data={data} fixable={{ content: canEdit || canRevise, attachmentTexts: canEdit || canRevise, schedule: allowed.has('schedule') }} />
      <p>
        <a href="/admin/releases">{t('adminAllReleases')}</a>
      </p>
      <h1>{title}</h1>
      <dl class="release-meta">
        <div>
          <dt>{t('adminColBoard')}</dt>
          <dd>{board.name[ctx.lang]}</dd>
        </div>
        <div>
          <dt>{t('adminColLanguage')}</dt>
          <dd>{languageLabel(release.language, t)}</dd>
        </div>
        <div>
          <dt>{t('adminEdition')}</dt>
          <dd>
            {edition.editionNo} <span class={`state state-${edition.state}`}>{stateLabel(edition.state, t)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('adminRelease')}</dt>
          <dd>
            {statusLabel(release.status, t)}
            {release.number !== null && ` (${t('adminNumber', { number: release.number })})`}
          </dd>
        </div>
        <div>
          <dt>{t('adminColUpdated')}</dt>
          <dd>{when(edition.updatedAt)}</dd>
        </div>
        {edition.scheduledAt && edition.state === 'scheduled' && (
          <div>
            <dt>{t('adminScheduledFor')}</dt>
            <dd>{when(edition.scheduledAt)}</dd>
          </div>
        )}
        {release.publicAt && (
          <div>
            <dt>{release.publicAt > ctx.now ? t('adminEmbargoedPublicFrom') : t('adminPublicSince')}</dt>
            <dd>{when(release.publicAt)}</dd>
          </div>
        )}
      </dl>
      {release.number !== null && release.publicAt && release.publicAt <= ctx.now && (
        <p>
          <a href={urls.release(release.language, board.slug, release.number)}>{t('adminViewPublicPage')}</a>
        </p>
      )}
      <FullPreviewLink releaseId={release.id} t={t} />
      {release.number !== null && (
        <p>
          <a href={`/admin/readership/releases/${release.id}`}>{t('readershipChartLink')}</a>
        </p>
      )}
      {release.status === 'withdrawn' && <p class="notice">{t('adminWithdrawnReason', { reason: release.withdrawalReason ?? '' })}</p>}
      {release.contentRemovedAt && <p class="notice">{t('adminContentRemoved', { date: when(release.contentRemovedAt) })}</p>}
      {edition.state === 'draft' && edition.reviewComment && (
        <div class="notice">
          <h2>{t('adminSentBack')}</h2>
          <p>{edition.reviewComment}</p>
        </div>
      )}
      {canEdit || canRevise ? (
        <>
          {form?.conflict && <ConflictPanel current={form.conflict.current} attempted={form.conflict.attempted} timeZone={ctx.timeZone} t={t} lang={ctx.lang} />}
          <form method="post" action={canRevise ? `/admin/releases/${release.id}/revise` : `/admin/releases/${release.id}`} novalidate {...(canRevise ? {} : { 'data-autosave': `/admin/releases/${release.id}/autosave`, 'data-autosave-state': form?.conflict ? 'conflict' : form ? 'unsaved' : 'saved' })}>
            <h2>{canRevise ? t('reviewFixTitle') : t('adminEditDraft')}</h2>
            {canRevise && <p class="hint">{t('reviewFixHint')}</p>}
            <CsrfField ctx={ctx} />
            <input type="hidden" name="lockVersion" value={String(lockVersion)} />
            <ReleaseFields values={values} issues={form?.issues ?? []} contacts={data.contacts} timeZone={ctx.timeZone} t={t} lang={ctx.lang} />
            {form?.previewHtml && <BodyPreview html={form.previewHtml} t={t} />}
            <div class="form-buttons">
              <button type="submit" name="intent" value="save">
                {canRevise ? t('reviewSaveFix') : t('adminSaveDraft')}
              </button>
              <button type="submit" name="intent" value="preview" class="button-secondary">
                {t('adminPreview')}
              </button>
            </div>
          </form>
          <AutosaveScript t={t} />
        </>
      ) : (
        <EditionReadOnly edition={edition} timeZone={ctx.timeZone} t={t} lang={ctx.lang} />
      )}
      <CorrectionDiff ctx={ctx} data={data} />
      <ActionsSection ctx={ctx} data={data} allowed={allowed} typed={state.typed ?? {}} issues={state.issues ?? []} />
      <TranslationsSection ctx={ctx} releaseId={release.id} versions={data.versions} />
      <AttachmentsSection ctx={ctx} data={data} canEdit={canEdit} canEditTexts={canEdit || canRevise} issues={state.issues ?? []} uploadMaxBytes={props.uploadMaxBytes} typed={state.typed ?? {}} />
      <RevisionsSection ctx={ctx} data={data} canEdit={canEdit} lockVersion={lockVersion} />
      <PreviewLinksSection ctx={ctx} data={data} allowed={allowed} issues={state.issues ?? []} typed={state.typed ?? {}} newLink={state.newPreviewLink} />
    </AdminLayout>
  );
}
