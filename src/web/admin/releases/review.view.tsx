import { attachmentKind } from '../../../domain/attachment.js';
import type { FieldIssue } from '../../../domain/errors.js';
import { publicationProblems } from '../../../domain/workflow.js';
import { diffContent } from '../../../app/workflow/revisions.js';
import type { AdminContext } from '../shared/admin-context.js';
import { issueMessage } from '../shared/error-summary.view.js';
import { DiffList } from './release-content.view.js';
import type { ReleasePageData } from './release-page.data.js';

/** What this person can fix on the page: the content form, the attachments' texts, the schedule form. */
export interface FixableFields {
  content: boolean;
  attachmentTexts: boolean;
  schedule: boolean;
}

/** The id of the field on this page that fixes an issue, or null when this person has none to fix it with. */
export function fixingFieldId(issue: FieldIssue, fixable: FixableFields): string | null {
  const field = issue.field ?? '';
  const alt = /^attachments\.(\d+)\.(\w+)$/.exec(field);
  if (alt) return fixable.attachmentTexts ? `field-attachment-${alt[1]}-${alt[2]}` : 'field-attachments';
  if (field === 'embargoUntil') return fixable.content ? 'field-embargoUntil' : null;
  if (field === 'scheduledAt') return fixable.schedule ? 'field-scheduledAt' : null;
  if (field === 'approve') return 'field-approve';
  return null;
}

/** The problems that would stop this edition being published, as they stand now. */
export function problemsOf(data: ReleasePageData, now: Date): FieldIssue[] {
  const { edition } = data;
  if (!['draft', 'in_review', 'approved', 'scheduled'].includes(edition.state) || data.release.status === 'withdrawn') return [];
  return publicationProblems({
    now,
    state: edition.state,
    embargoUntil: edition.embargoUntil,
    scheduledAt: edition.scheduledAt,
    images: data.attachments.filter((a) => attachmentKind(a.mimeType) === 'image'),
    approvalStands: data.approvalStands,
  });
}

/**
 * What would block publication, shown on the page whenever the edition is saved, submitted or fixed
 * in review, not first when someone presses Publish (#16). Each item links to the field that fixes it.
 */
export function PublicationChecks(props: { ctx: AdminContext; data: ReleasePageData; fixable: FixableFields }) {
  const { t } = props.ctx;
  const problems = problemsOf(props.data, props.ctx.now);
  if (problems.length === 0) return null;
  return (
    <section class="notice" aria-labelledby="publication-checks-title" id="publication-checks">
      <h2 id="publication-checks-title">{t('reviewChecksTitle')}</h2>
      <p>{t('reviewChecksIntro')}</p>
      <ul>
        {problems.map((issue, i) => {
          const id = fixingFieldId(issue, props.fixable);
          const text = issueMessage(issue, t);
          return <li key={i}>{id ? <a href={`#${id}`}>{text}</a> : text}</li>;
        })}
      </ul>
    </section>
  );
}

/** A correction's changes against the live (public) text, word by word (#16). */
export function CorrectionDiff(props: { ctx: AdminContext; data: ReleasePageData }) {
  const { live, edition } = props.data;
  if (!live) return null;
  const { t } = props.ctx;
  return (
    <section aria-labelledby="correction-diff-title" id="correction-diff">
      <h2 id="correction-diff-title">{t('reviewDiffTitle')}</h2>
      <p>{t('reviewDiffIntro', { edition: live.editionNo })}</p>
      <DiffList diff={diffContent(live, edition)} t={t} />
    </section>
  );
}
