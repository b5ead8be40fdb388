import { NotFoundError } from '../../../domain/errors.js';
import { attachmentKind, type Attachment, type ImageDerivative } from '../../../domain/attachment.js';
import { isExtractable, type TextViewState } from '../../../domain/attachment-text.js';
import type { Board } from '../../../domain/board.js';
import type { Edition, EditionContent, Release } from '../../../domain/release.js';
import { approvalStands, workflowRefusals, type WorkflowAction } from '../../../domain/workflow.js';
import type { UserRepo } from '../../../ports/user-repo.js';
import type { Revisions } from '../../../app/workflow/revisions.js';
import type { PreviewLinks } from '../../../app/workflow/preview-links.js';
import type { AttachmentTexts } from '../../../ports/attachment-texts.js';
import type { BoardRepo } from '../../../ports/board-repo.js';
import type { AttachmentRepo } from '../../../ports/attachment-repo.js';
import type { EditionRepo } from '../../../ports/edition-repo.js';
import type { ReleaseRepo } from '../../../ports/release-repo.js';
import type { TranslationRepo } from '../../../ports/translation-repo.js';
import type { PreviewLink } from '../../../ports/preview-link-repo.js';
import type { Revision } from '../../../ports/edition-repo.js';
import type { FieldIssue } from '../../../domain/errors.js';
import type { User } from '../../../domain/user.js';
import type { LanguageVersion } from '../../../domain/translation.js';
import type { DirectoryContact } from '../../../domain/press-contact.js';
import type { PressContactRepo } from '../../../ports/press-contacts.js';
import type { Translate } from '../../i18n/messages.js';
import type { ReleaseFormValues } from './release-form.js';

export interface ReleasePageData {
  release: Release;
  edition: Edition;
  board: Board;
  attachments: Attachment[];
  /** WebP copies of its photos: the attachment table's thumbnails use the narrowest (#16). */
  derivatives: ImageDerivative[];
  /** Text-view state of the documents among them, by SHA-256 (#19); a document missing here is queued at the next start. */
  textViews: Map<string, TextViewState>;
  revisions: Revision[];
  previewLinks: PreviewLink[];
  /** Every language version of the release's translation group (itself included). */
  versions: LanguageVersion[];
  /** The press-contact directory, to pick from (#16). */
  contacts: DirectoryContact[];
  /** The live edition when this one is a correction of it (its changes are shown against it, #16). */
  live: Edition | null;
  /** Active editors and admins: who may be asked to review (#16). */
  reviewers: { id: number; name: string }[];
  /** Whether the edition's approval holds under the two-person rule (its approver has not edited it since). */
  approvalStands: boolean;
}

/** The reads a release's admin page is made from (every route that shows the page, refusals included, needs them). */
export type ReleasePageSystem = {
  releases: Pick<ReleaseRepo, 'getRelease'>;
  editions: Pick<EditionRepo, 'latestEdition' | 'getEdition'>;
  attachments: Pick<AttachmentRepo, 'attachmentsOf' | 'imageDerivativesOf'>;
  boards: Pick<BoardRepo, 'byId'>;
  revisions: Pick<Revisions, 'list'>;
  previewLinks: Pick<PreviewLinks, 'list'>;
  translations: Pick<TranslationRepo, 'versionsOf'>;
  texts: { store: Pick<AttachmentTexts, 'states'> };
  contacts: { repo: Pick<PressContactRepo, 'list' | 'byId'> };
  accounts: { users: Pick<UserRepo, 'list'> };
};

/** Authors of the edition as its page knows them: its creator and whoever saved a revision (the two-person rule). */
function authorIds(edition: Edition, revisions: Revision[]): Set<number> {
  const ids = new Set<number>(revisions.flatMap((r) => (r.authorId === null ? [] : [r.authorId])));
  if (edition.createdBy !== null) ids.add(edition.createdBy);
  return ids;
}

/** A release's latest edition with everything its admin page shows. */
export async function loadReleasePage(system: ReleasePageSystem, releaseId: number, allowSelfApproval = false): Promise<ReleasePageData> {
  const release = await system.releases.getRelease(releaseId);
  const edition = release ? await system.editions.latestEdition(releaseId) : null;
  const board = release ? await system.boards.byId(release.boardId) : null;
  if (!release || !edition || !board) throw new NotFoundError(`No release ${releaseId}`);
  const correcting = release.liveEditionId !== null && release.liveEditionId !== edition.id;
  const [attachments, revisions, previewLinks, versions, contacts, live, users] = await Promise.all([
    system.attachments.attachmentsOf(edition.id),
    system.revisions.list(edition.id),
    system.previewLinks.list(releaseId),
    system.translations.versionsOf(releaseId),
    system.contacts.repo.list(),
    correcting ? system.editions.getEdition(release.liveEditionId!) : Promise.resolve(null),
    system.accounts.users.list(),
  ]);
  const [textViews, derivatives] = await Promise.all([
    system.texts.store.states(attachments.filter((a) => isExtractable(a.mimeType)).map((a) => a.sha256)),
    system.attachments.imageDerivativesOf(attachments.filter((a) => attachmentKind(a.mimeType) === 'image').map((a) => a.sha256)),
  ]);
  const reviewers = users.filter((u) => u.disabledAt === null && (u.role === 'editor' || u.role === 'admin')).map((u) => ({ id: u.id, name: u.name }));
  return { release, edition, board, attachments, derivatives, textViews, revisions, previewLinks, versions, contacts, live, reviewers, approvalStands: approvalStands(edition.approvedBy, authorIds(edition, revisions), allowSelfApproval) };
}

/** Which workflow actions this person may take now: the same domain rule the commands apply. */
export function allowedActions(data: ReleasePageData, user: Pick<User, 'id' | 'role'>, allowSelfApproval = false): Set<WorkflowAction> {
  const authors = authorIds(data.edition, data.revisions);
  const ctx = {
    role: user.role,
    // Whoever created the edition or saved a revision of it is an author (the two-person rule).
    isAuthor: authors.has(user.id),
    editionState: data.edition.state,
    releaseStatus: data.release.status,
    allowSelfApproval,
    isSubmitter: data.edition.submittedBy === user.id || data.edition.createdBy === user.id,
    approvalStands: data.approvalStands,
  };
  const actions: WorkflowAction[] = ['edit', 'submit', 'approve', 'reject', 'schedule', 'unschedule', 'publish', 'correct', 'withdraw', 'share_preview', 'revise', 'recall', 'assign_reviewer'];
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

const NOTICES = ['recalled', 'reviewer_assigned', 'revised', 'created', 'saved', 'submitted', 'approved', 'rejected', 'scheduled', 'unscheduled', 'published', 'corrected', 'correction', 'withdrawn', 'content_removed', 'attached', 'attachment_updated', 'attachment_moved', 'attachment_removed', 'restored', 'revoked', 'translation_started', 'translation_flag_saved', 'authoritative_set', 'translations_paired', 'translations_unpaired'] as const;

/** The short notice after a successful POST (Post/Redirect/Get), in the staff member's language. */
export function noticeFor(done: unknown, t: Translate): string | null {
  return typeof done === 'string' && (NOTICES as readonly string[]).includes(done) ? t(`adminNotice_${done as (typeof NOTICES)[number]}`) : null;
}
