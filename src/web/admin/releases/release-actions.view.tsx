import type { ComponentChildren } from 'preact';
import { DATA_TEXT } from '../shared/html.js';
import type { FieldIssue } from '../../../domain/errors.js';
import { roleMayTake, type WorkflowAction } from '../../../domain/workflow.js';
import type { AdminContext } from '../shared/admin-context.js';
import { CsrfField } from '../shared/admin-layout.view.js';
import { FieldErrors } from '../shared/error-summary.view.js';
import type { Translate } from '../../i18n/messages.js';
import type { ReleasePageData } from './release-page.data.js';

/** One workflow step's form; it carries the edition it was shown (number and version), so a step on changed text is refused. */
function ActionForm(props: { ctx: AdminContext; releaseId: number; edition: { editionNo: number; lockVersion: number }; action: string; label: string; danger?: boolean; children?: ComponentChildren }) {
  return (
    <form method="post" action={`/admin/releases/${props.releaseId}/${props.action}`}>
      <CsrfField ctx={props.ctx} />
      <input type="hidden" name="edition" value={String(props.edition.editionNo)} />
      <input type="hidden" name="version" value={String(props.edition.lockVersion)} />
      {props.children}
      <button type="submit" class={props.danger ? 'button-danger' : undefined}>
        {props.label}
      </button>
    </form>
  );
}

function TextArea(props: { id: string; name: string; label: string; hint?: string; value: string; issues: FieldIssue[]; required?: boolean; t: Translate }) {
  return (
    <div class="form-group">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldErrors issues={props.issues} id={props.id} t={props.t} />
      <textarea id={props.id} name={props.name} rows={3} required={props.required} aria-describedby={props.hint ? `${props.id}-hint` : undefined}>
        {props.value}
      </textarea>
    </div>
  );
}

/**
 * The workflow steps this person may take now, each its own form and endpoint. A step the domain
 * would refuse is not offered at all.
 */
export function ActionsSection(props: { ctx: AdminContext; data: ReleasePageData; allowed: Set<WorkflowAction>; typed: Record<string, string>; issues: FieldIssue[] }) {
  const { ctx, data, allowed, typed, issues } = props;
  const { t } = ctx;
  const id = data.release.id;
  const correcting = data.release.liveEditionId !== null && data.edition.state !== 'published';
  const shown = (['submit', 'approve', 'reject', 'schedule', 'unschedule', 'publish', 'correct', 'withdraw', 'recall', 'assign_reviewer'] as const).filter((a) => allowed.has(a));
  const reviewer = data.edition.reviewerId === null ? null : (data.reviewers.find((r) => r.id === data.edition.reviewerId)?.name ?? null);
  // A withdrawal acts on the public site at once: a required box confirms it, with or without script (#16).
  const confirmBox = (label: string) => (
    <div class="form-group">
      <FieldErrors issues={issues} id="field-confirm" t={t} />
      <input type="checkbox" id="field-confirm" name="confirm" value="1" required checked={typed.confirm === '1'} />{' '}
      <label for="field-confirm" class="inline-label">
        {label}
      </label>
    </div>
  );
  // A takedown can come after an ordinary withdrawal: the same endpoint, with the content removed.
  const canTakeDown = data.release.status === 'withdrawn' && data.release.contentRemovedAt === null && roleMayTake('withdraw', ctx.user.role);
  const removeContentBox = (
    <div class="form-group">
      <p class="hint" id="field-removeContent-hint">
        {t('adminRemoveContentHint')}
      </p>
      <input type="checkbox" id="field-removeContent" name="removeContent" value="1" checked={typed.removeContent === '1'} aria-describedby="field-removeContent-hint" />{' '}
      <label for="field-removeContent" class="inline-label">
        {t('adminRemoveContent')}
      </label>
    </div>
  );
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t('adminWorkflow')}</h2>
      {reviewer && data.edition.state === 'in_review' && <p>{t('reviewAssignedTo', { name: reviewer })}</p>}
      {!data.approvalStands && (data.edition.state === 'approved' || data.edition.state === 'scheduled') && (
        <p class="notice" id="field-approve" tabIndex={-1}>
          {t('reviewApprovalNeeded')}
        </p>
      )}
      {shown.length === 0 && !canTakeDown ? (
        <p>{t('adminNothingToDo')}</p>
      ) : (
        <div class="actions">
          {allowed.has('submit') && <ActionForm ctx={ctx} releaseId={id} edition={data.edition} action="submit" label={t('adminSendForReview')} />}
          {allowed.has('approve') && <ActionForm ctx={ctx} releaseId={id} edition={data.edition} action="approve" label={t('adminApprove')} />}
          {allowed.has('recall') && (
            <ActionForm ctx={ctx} releaseId={id} edition={data.edition} action="recall" label={t('reviewRecall')}>
              <p class="hint">{t('reviewRecallHint')}</p>
            </ActionForm>
          )}
          {allowed.has('assign_reviewer') && (
            <ActionForm ctx={ctx} releaseId={id} edition={data.edition} action="assign" label={t('reviewAssign')}>
              <div class="form-group">
                <label for="field-reviewerId">{t('reviewReviewer')}</label>
                <FieldErrors issues={issues} id="field-reviewerId" t={t} />
                <select id="field-reviewerId" name="reviewerId">
                  <option value="">{t('reviewNobody')}</option>
                  {data.reviewers.map((r) => (
                    <option key={r.id} value={String(r.id)} selected={String(r.id) === (typed.reviewerId ?? String(data.edition.reviewerId ?? ''))} {...DATA_TEXT}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </div>
            </ActionForm>
          )}
          {allowed.has('reject') && (
            <ActionForm ctx={ctx} releaseId={id} edition={data.edition} action="reject" label={t('adminSendBack')}>
              <TextArea id="field-comment" name="comment" label={t('adminWhatToChange')} value={typed.comment ?? ''} issues={issues} required t={t} />
            </ActionForm>
          )}
          {allowed.has('schedule') && (
            <ActionForm ctx={ctx} releaseId={id} edition={data.edition} action="schedule" label={data.edition.state === 'scheduled' ? t('reviewReschedule') : t('adminSchedule')}>
              <div class="form-group">
                <label for="field-scheduledAt">{t('adminPublishAt')}</label>
                <p class="hint" id="field-scheduledAt-hint">
                  {t('adminDateTimeIn', { zone: ctx.timeZone })}
                </p>
                <FieldErrors issues={issues} id="field-scheduledAt" t={t} />
                <input type="datetime-local" id="field-scheduledAt" name="scheduledAt" value={typed.scheduledAt ?? ''} required aria-describedby="field-scheduledAt-hint" />
              </div>
            </ActionForm>
          )}
          {allowed.has('unschedule') && <ActionForm ctx={ctx} releaseId={id} edition={data.edition} action="unschedule" label={t('adminUnschedule')} />}
          {allowed.has('publish') && (
            <ActionForm ctx={ctx} releaseId={id} edition={data.edition} action="publish" label={correcting ? t('adminPublishCorrection') : t('adminPublishNow')}>
              {correcting && (
                <fieldset>
                  <legend>{t('adminPublicChangeNote')}</legend>
                  <TextArea id="field-changeNote" name="changeNote" label={t('adminChangeNote')} hint={t('adminChangeNoteHint')} value={typed.changeNote ?? ''} issues={issues} t={t} />
                  <div class="form-group">
                    <input type="checkbox" id="field-isMinorChange" name="isMinorChange" value="1" checked={typed.isMinorChange === '1'} />{' '}
                    <label for="field-isMinorChange" class="inline-label">
                      {t('adminMinorEdit')}
                    </label>
                  </div>
                </fieldset>
              )}
            </ActionForm>
          )}
          {allowed.has('correct') && <ActionForm ctx={ctx} releaseId={id} edition={data.edition} action="correct" label={t('adminStartCorrection')} />}
          {allowed.has('withdraw') && (
            <ActionForm ctx={ctx} releaseId={id} edition={data.edition} action="withdraw" label={t('adminWithdraw')} danger>
              <TextArea id="field-reason" name="reason" label={t('adminWithdrawReason')} value={typed.reason ?? ''} issues={issues} required t={t} />
              {removeContentBox}
              {confirmBox(t('reviewConfirmWithdraw'))}
            </ActionForm>
          )}
          {canTakeDown && (
            <ActionForm ctx={ctx} releaseId={id} edition={data.edition} action="withdraw" label={t('adminTakeDown')} danger>
              <input type="hidden" name="removeContent" value="1" />
              <p class="hint">{t('adminRemoveContentHint')}</p>
              <TextArea id="field-reason" name="reason" label={t('adminWithdrawReason')} value={typed.reason ?? data.release.withdrawalReason ?? ''} issues={issues} required t={t} />
              {confirmBox(t('reviewConfirmTakeDown'))}
            </ActionForm>
          )}
        </div>
      )}
    </section>
  );
}
