import { createHash, randomBytes } from 'node:crypto';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { attachmentKind, type Attachment, type ImageDerivative } from '../../domain/attachment.js';
import type { Board } from '../../domain/board.js';
import { plannedPublicAt } from '../../domain/embargo.js';
import { isPagePublic, type Edition, type Release } from '../../domain/release.js';
import type { Clock } from '../../ports/clock.js';
import type { PreviewLink } from '../../ports/preview-link-repo.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import type { StaffActor } from './actor.js';
import { auditRelease, loadForAction } from './load-for-action.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface PreviewView {
  link: PreviewLink;
  board: Board;
  release: Release;
  edition: Edition;
  attachments: Attachment[];
  /** WebP copies of its photos: the preview page uses them as the public page does. */
  derivatives: ImageDerivative[];
  /** Public now (the embargo has lifted): the preview sends the journalist to the public page. */
  isPublic: boolean;
  /** When it is planned to become public (the scheduled time or the embargo); null if not planned. */
  plannedAt: Date | null;
}

/**
 * Embargoed pre-release to journalists: a secret link per recipient (only its hash is stored),
 * revocable, and every opening is logged.
 */
export function makePreviewLinks(deps: { uow: UnitOfWork; clock: Clock }) {
  function resolve(token: string, ip: string | null, record: boolean): Promise<PreviewView> {
    return deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const link = await tx.previewLinks.byTokenHash(hashToken(token));
      if (!link || link.revokedAt) throw new NotFoundError('No such preview');
      const release = await tx.releases.getRelease(link.releaseId);
      if (!release || release.status === 'withdrawn') throw new NotFoundError('No such preview');
      const edition = release.liveEditionId !== null ? await tx.editions.getEdition(release.liveEditionId) : await tx.editions.latestEdition(release.id);
      const board = await tx.boards.byId(release.boardId);
      if (!edition || !board) throw new NotFoundError('No such preview');
      if (record) {
        await tx.previewLinks.recordOpen(link.id, now);
        await tx.audit.record({ at: now, actor: { userId: null, label: `preview:${link.recipient}`, ip }, action: 'preview_link.opened', subjectType: 'release', subjectId: String(release.id), details: { linkId: link.id } });
      }
      const attachments = await tx.attachments.attachmentsOf(edition.id);
      const derivatives = await tx.attachments.imageDerivativesOf(attachments.filter((a) => attachmentKind(a.mimeType) === 'image').map((a) => a.sha256));
      return { link, board, release, edition, attachments, derivatives, isPublic: isPagePublic(release, now), plannedAt: plannedPublicAt(release, edition) };
    });
  }

  return {
    /** Creates a link; the token is returned once and cannot be shown again. */
    async create(releaseId: number, recipient: string, actor: StaffActor): Promise<{ link: PreviewLink; token: string }> {
      const name = recipient.trim();
      if (name === '' || name.length > 254) throw new ValidationError('Name the recipient', [{ code: 'recipient_missing', message: 'Name the journalist or outlet', field: 'recipient' }]);
      return deps.uow.run(async (tx) => {
        const now = deps.clock.now();
        await loadForAction(tx, releaseId, 'share_preview', actor);
        const token = randomBytes(32).toString('base64url');
        const link = await tx.previewLinks.create({ releaseId, tokenHash: hashToken(token), recipient: name, createdBy: actor.userId, createdAt: now });
        await auditRelease(tx, actor, 'preview_link.created', releaseId, now, { linkId: link.id, recipient: name });
        return { link, token };
      });
    },

    async revoke(linkId: number, actor: StaffActor): Promise<void> {
      await deps.uow.run(async (tx) => {
        const now = deps.clock.now();
        const link = await tx.previewLinks.get(linkId);
        if (!link) throw new NotFoundError(`No preview link ${linkId}`);
        await loadForAction(tx, link.releaseId, 'share_preview', actor);
        await tx.previewLinks.revoke(linkId, now);
        await auditRelease(tx, actor, 'preview_link.revoked', link.releaseId, now, { linkId, recipient: link.recipient });
      });
    },

    /** Opens a link and logs it (even when it only leads to the public page): the edition, or NotFound for a bad or revoked token. */
    open(token: string, ip: string | null): Promise<PreviewView> {
      return resolve(token, ip, true);
    },

    /** Resolves a link for its files without counting another opening. */
    resolveForFiles(token: string): Promise<PreviewView> {
      return resolve(token, null, false);
    },

    list(releaseId: number): Promise<PreviewLink[]> {
      return deps.uow.run((tx) => tx.previewLinks.listFor(releaseId));
    },
  };
}
export type PreviewLinks = ReturnType<typeof makePreviewLinks>;
