import type { WorkflowAction } from '../../../domain/workflow.js';
import { urls } from '../../urls.js';
import type { AdminContext } from '../shared/admin-context.js';
import { AdminLayout, CsrfField } from '../shared/admin-layout.view.js';
import { ErrorSummary } from '../shared/error-summary.view.js';
import { formatDateTime, LANGUAGE_LABELS, stateLabel, statusLabel } from '../shared/format.js';
import { formFromEdition } from './release-form.js';
import { BodyPreview, ReleaseFields } from './release-form.view.js';
import { ActionsSection } from './release-actions.view.js';
import { ConflictPanel, EditionReadOnly } from './release-content.view.js';
import { AttachmentsSection } from './attachments.view.js';
import { PreviewLinksSection, RevisionsSection } from './release-extras.view.js';
import type { ReleasePageData, ReleasePageState } from './release-page.data.js';

/** Field ids present on the page, so the error summary links only to what exists. */
const LINKABLE = new Set(['field-title', 'field-subtitle', 'field-bodyMarkdown', 'field-department', 'field-contactName', 'field-contactPhone', 'field-contactEmail', 'field-tags', 'field-embargoUntil']);
const ACTION_FIELDS = ['field-comment', 'field-scheduledAt', 'field-changeNote', 'field-reason', 'field-recipient', 'field-files', 'field-attachments'];

/**
 * A release's admin page: the editor for a draft (or the read-only edition), the workflow steps
 * this person may take, attachments, revisions and preview links.
 */
export function ReleasePageView(props: { ctx: AdminContext; data: ReleasePageData; allowed: Set<WorkflowAction>; state: ReleasePageState; uploadMaxBytes: number }) {
  const { ctx, data, allowed, state } = props;
  const { release, edition, board } = data;
  const canEdit = allowed.has('edit');
  const form = state.form;
  const values = form?.values ?? formFromEdition(edition, ctx.timeZone);
  const lockVersion = form?.conflict?.current.lockVersion ?? edition.lockVersion;
  const linkable = new Set([...(canEdit ? LINKABLE : []), ...ACTION_FIELDS]);
  const title = edition.title || 'Untitled release';
  return (
    <AdminLayout ctx={ctx} title={title}>
      {form && <ErrorSummary issues={form.issues} linkable={linkable} />}
      {state.issues && <ErrorSummary title={state.issuesTitle ?? 'This could not be done'} issues={state.issues} linkable={linkable} />}
      {state.notice && (
        <div class="success-notice" role="status">
          <p>{state.notice}</p>
        </div>
      )}
      <p>
        <a href="/admin/releases">All releases</a>
      </p>
      <h1>{title}</h1>
      <dl class="release-meta">
        <div>
          <dt>Board</dt>
          <dd>{board.name.en}</dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>{LANGUAGE_LABELS[release.language]}</dd>
        </div>
        <div>
          <dt>Edition</dt>
          <dd>
            {edition.editionNo} <span class={`state state-${edition.state}`}>{stateLabel(edition.state)}</span>
          </dd>
        </div>
        <div>
          <dt>Release</dt>
          <dd>
            {statusLabel(release.status)}
            {release.number !== null && ` (No. ${release.number})`}
          </dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{formatDateTime(edition.updatedAt, ctx.timeZone)}</dd>
        </div>
        {edition.scheduledAt && edition.state === 'scheduled' && (
          <div>
            <dt>Scheduled for</dt>
            <dd>{formatDateTime(edition.scheduledAt, ctx.timeZone)}</dd>
          </div>
        )}
        {release.publicAt && (
          <div>
            <dt>{release.publicAt > ctx.now ? 'Embargoed: public from' : 'Public since'}</dt>
            <dd>{formatDateTime(release.publicAt, ctx.timeZone)}</dd>
          </div>
        )}
      </dl>
      {release.number !== null && release.publicAt && release.publicAt <= ctx.now && (
        <p>
          <a href={urls.release(release.language, board.slug, release.number)}>View the public page</a>
        </p>
      )}
      {release.status === 'withdrawn' && <p class="notice">Withdrawn: {release.withdrawalReason}</p>}
      {edition.state === 'draft' && edition.reviewComment && (
        <div class="notice">
          <h2>Sent back by the reviewer</h2>
          <p>{edition.reviewComment}</p>
        </div>
      )}
      {canEdit ? (
        <>
          {form?.conflict && <ConflictPanel current={form.conflict.current} attempted={form.conflict.attempted} timeZone={ctx.timeZone} />}
          <form method="post" action={`/admin/releases/${release.id}`} novalidate>
            <h2>Edit the draft</h2>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="lockVersion" value={String(lockVersion)} />
            <ReleaseFields values={values} issues={form?.issues ?? []} timeZone={ctx.timeZone} />
            {form?.previewHtml && <BodyPreview html={form.previewHtml} />}
            <div class="form-buttons">
              <button type="submit" name="intent" value="save">
                Save draft
              </button>
              <button type="submit" name="intent" value="preview" class="button-secondary">
                Preview
              </button>
            </div>
          </form>
        </>
      ) : (
        <EditionReadOnly edition={edition} timeZone={ctx.timeZone} />
      )}
      <ActionsSection ctx={ctx} data={data} allowed={allowed} typed={state.typed ?? {}} issues={state.issues ?? []} />
      <AttachmentsSection ctx={ctx} data={data} canEdit={canEdit} issues={state.issues ?? []} uploadMaxBytes={props.uploadMaxBytes} typed={state.typed ?? {}} />
      <RevisionsSection ctx={ctx} data={data} canEdit={canEdit} lockVersion={lockVersion} />
      <PreviewLinksSection ctx={ctx} data={data} allowed={allowed} issues={state.issues ?? []} typed={state.typed ?? {}} newLink={state.newPreviewLink} />
    </AdminLayout>
  );
}
