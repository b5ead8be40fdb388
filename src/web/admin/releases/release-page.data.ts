import { NotFoundError } from '../../../domain/errors.js';
import type { Attachment } from '../../../domain/attachment.js';
import type { Board } from '../../../domain/board.js';
import type { Edition, EditionContent, Release } from '../../../domain/release.js';
import { workflowRefusals, type WorkflowAction } from '../../../domain/workflow.js';
import type { System } from '../../../main/compose.js';
import type { PreviewLink } from '../../../ports/preview-link-repo.js';
import type { Revision } from '../../../ports/release-repo.js';
import type { FieldIssue } from '../../../domain/errors.js';
import type { StaffUser } from '../shared/staff.js';
import type { ReleaseFormValues } from './release-form.js';

export interface ReleasePageData {
  release: Release;
  edition: Edition;
  board: Board;
  attachments: Attachment[];
  revisions: Revision[];
  previewLinks: PreviewLink[];
}

/** A release's latest edition with everything its admin page shows. */
export async function loadReleasePage(system: System, releaseId: number): Promise<ReleasePageData> {
  const release = await system.releases.getRelease(releaseId);
  const edition = release ? await system.releases.latestEdition(releaseId) : null;
  const board = release ? await system.boards.byId(release.boardId) : null;
  if (!release || !edition || !board) throw new NotFoundError(`No release ${releaseId}`);
  const [attachments, revisions, previewLinks] = await Promise.all([
    system.releases.attachmentsOf(edition.id),
    system.revisions.list(edition.id),
    system.previewLinks.list(releaseId),
  ]);
  return { release, edition, board, attachments, revisions, previewLinks };
}

/** Which workflow actions this person may take now: the same domain rule the commands apply. */
export function allowedActions(data: ReleasePageData, user: StaffUser, allowSelfApproval = false): Set<WorkflowAction> {
  const ctx = {
    role: user.role,
    isAuthor: data.edition.createdBy === user.id,
    editionState: data.edition.state,
    releaseStatus: data.release.status,
    allowSelfApproval,
  };
  const actions: WorkflowAction[] = ['edit', 'submit', 'approve', 'reject', 'schedule', 'unschedule', 'publish', 'correct', 'withdraw', 'share_preview'];
  return new Set(actions.filter((a) => workflowRefusals(a, ctx).length === 0 && (a !== 'withdraw' || data.release.status === 'published')));
}

/** What a POST hands back to the page it re-renders. */
export interface ReleasePageState {
  form?: { values: ReleaseFormValues; issues: FieldIssue[]; previewHtml?: string | null; conflict?: { current: Edition; attempted: EditionContent } };
  /** A refused action: every reason. */
  issues?: FieldIssue[];
  issuesTitle?: string;
  /** Values typed into the action forms (comment, time, note, reason, recipient). */
  typed?: Record<string, string>;
  notice?: string | null;
  /** A just-created preview link: its URL is shown this once. */
  newPreviewLink?: { recipient: string; url: string };
}

const NOTICES: Record<string, string> = {
  created: 'Draft created.',
  saved: 'Saved.',
  submitted: 'Sent for review.',
  approved: 'Approved.',
  rejected: 'Sent back to the writer with your comment.',
  scheduled: 'Scheduled for publication.',
  unscheduled: 'Unscheduled: the edition is approved and waits to be published or scheduled again.',
  published: 'Published.',
  corrected: 'The correction is published.',
  correction: 'A correction draft has been started. The live version stays public until the correction is published.',
  withdrawn: 'Withdrawn. The page stays online with the withdrawal notice.',
  attached: 'Files attached.',
  attachment_updated: 'The attachment has been saved.',
  attachment_moved: 'The attachments have been reordered.',
  attachment_removed: 'The attachment has been removed.',
  restored: 'The revision has been restored as a new revision.',
  revoked: 'The preview link has been revoked.',
};

export function noticeFor(done: unknown): string | null {
  return typeof done === 'string' ? (NOTICES[done] ?? null) : null;
}
