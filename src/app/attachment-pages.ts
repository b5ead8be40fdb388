import { attachmentKind, type Attachment } from '../domain/attachment.js';
import type { AttachmentText } from '../domain/attachment-text.js';
import type { Board } from '../domain/board.js';
import { GoneError, NotFoundError } from '../domain/errors.js';
import type { Language } from '../domain/language.js';
import type { Edition, Release } from '../domain/release.js';
import type { AttachmentTexts } from '../ports/attachment-texts.js';
import type { BoardRepo } from '../ports/board-repo.js';
import type { Clock } from '../ports/clock.js';
import type { PublicCatalog } from '../ports/public-catalog.js';

export interface AttachmentPage {
  board: Board;
  release: Release;
  edition: Edition;
  attachment: Attachment;
  /** null while its text is still being read (or was never queued). */
  text: AttachmentText | null;
}

export interface MediaKit {
  board: Board;
  release: Release;
  edition: Edition;
  /** The photos, in page order: their sanitised originals go into the zip. */
  photos: Attachment[];
}

/**
 * The public reads of a release's files by release (#19): an attachment's text view and the
 * photos' media kit. Both follow the files' own rule through `PublicCatalog.releaseFiles`: nothing
 * before publication or under embargo (404), nothing once the content was taken down (410), exactly
 * as `/files/...` answers.
 */
export function makeAttachmentPages(deps: { boards: BoardRepo; catalog: PublicCatalog; texts: Pick<AttachmentTexts, 'get' | 'statuses'>; clock: Clock }) {
  async function filesOf(slug: string, language: Language, number: number) {
    const board = await deps.boards.bySlug(slug);
    if (!board) throw new NotFoundError(`No board "${slug}"`);
    const now = deps.clock.now();
    const detail = await deps.catalog.release(board.id, language, number, now);
    if (!detail) throw new NotFoundError(`No public release ${number} in "${slug}"`);
    const files = await deps.catalog.releaseFiles(detail.release.id, now);
    if (!files) throw new NotFoundError(`Release ${number} in "${slug}" has no public files`);
    if (files.contentRemoved) throw new GoneError('The files of this release were removed with its content');
    return { board, release: detail.release, edition: detail.edition, attachments: files.attachments };
  }

  return {
    /** A document attachment's text view; 404 for photos and for files not on the release's live edition. */
    async textView(slug: string, language: Language, number: number, attachmentId: number): Promise<AttachmentPage> {
      const { attachments, ...rest } = await filesOf(slug, language, number);
      const attachment = attachments.find((a) => a.id === attachmentId && attachmentKind(a.mimeType) === 'document');
      if (!attachment) throw new NotFoundError(`No document ${attachmentId} on release ${number}`);
      return { ...rest, attachment, text: await deps.texts.get(attachment.sha256) };
    },

    /** The photos of a release for its media kit; 404 when it has none. */
    async mediaKit(slug: string, language: Language, number: number): Promise<MediaKit> {
      const { attachments, ...rest } = await filesOf(slug, language, number);
      const photos = attachments.filter((a) => attachmentKind(a.mimeType) === 'image');
      if (photos.length === 0) throw new NotFoundError(`Release ${number} has no photos`);
      return { ...rest, photos };
    },

    /** Which of these files have a text view ready: the release page links "Read online" for them. */
    async readable(sha256s: string[]): Promise<Set<string>> {
      const statuses = await deps.texts.statuses(sha256s);
      return new Set([...statuses].filter(([, s]) => s === 'done').map(([sha]) => sha));
    },
  };
}
export type AttachmentPages = ReturnType<typeof makeAttachmentPages>;
