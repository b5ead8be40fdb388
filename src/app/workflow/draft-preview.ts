import { attachmentKind, type Attachment, type ImageDerivative } from '../../domain/attachment.js';
import type { Board } from '../../domain/board.js';
import { plannedPublicAt } from '../../domain/embargo.js';
import { NotFoundError } from '../../domain/errors.js';
import type { ChangeNote, Edition, Release } from '../../domain/release.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';

/** A release's latest edition (a draft, one in review, a correction) with what its public page would show. */
export interface DraftPreview {
  board: Board;
  release: Release;
  edition: Edition;
  attachments: Attachment[];
  /** WebP copies of its photos, as the public page uses them. */
  derivatives: ImageDerivative[];
  /** Public change notes already published (a correction in progress adds its own at publication). */
  changeNotes: ChangeNote[];
  /** When it is planned to become public (scheduled time or embargo); null when not planned. */
  plannedAt: Date | null;
}

/**
 * The staff preview's reads (#16): the latest edition of any release, whatever its state, for the
 * signed-in staff who may see its admin page. Reads only; the public visibility rule does not apply,
 * which is why its routes are staff-only and never cached publicly.
 */
export function makeDraftPreview(deps: { uow: UnitOfWork }) {
  return {
    /** The latest edition of a release and everything its page shows; NotFound when there is none. */
    load(releaseId: number): Promise<DraftPreview> {
      return deps.uow.run(async (tx) => {
        const release = await tx.releases.getRelease(releaseId);
        const edition = release ? await tx.editions.latestEdition(releaseId) : null;
        const board = release ? await tx.boards.byId(release.boardId) : null;
        if (!release || !edition || !board) throw new NotFoundError(`No release ${releaseId}`);
        const attachments = await tx.attachments.attachmentsOf(edition.id);
        const derivatives = await tx.attachments.imageDerivativesOf(attachments.filter((a) => attachmentKind(a.mimeType) === 'image').map((a) => a.sha256));
        const changeNotes = await tx.releases.changeNotes(releaseId);
        return { board, release, edition, attachments, derivatives, changeNotes, plannedAt: plannedPublicAt(release, edition) };
      });
    },
  };
}
export type DraftPreviews = ReturnType<typeof makeDraftPreview>;
