import type { Board } from '../domain/board.js';
import { GoneError, NotFoundError } from '../domain/errors.js';
import type { Language } from '../domain/language.js';
import { LIMITS } from '../domain/limits.js';
import { isContentRemoved } from '../domain/release.js';
import type { BoardRepo } from '../ports/board-repo.js';
import type { Clock } from '../ports/clock.js';
import type { BoardLastModified, BoardPage, FeedEntry, ListedRelease, ListedReleaseCursor, Neighbours, PublicCatalog, PublicFile, PublicReleaseDetail, ReleaseSummary, SitemapRelease } from '../ports/public-catalog.js';

/** Feeds carry the 20 newest listed releases. */
export const FEED_ITEMS = 20;

/** What a feed lists: the whole site, one board, or one tag. */
export type FeedScope = { kind: 'site' } | { kind: 'board'; slug: string } | { kind: 'tag'; tag: string };

export interface FeedListing {
  scope: FeedScope;
  board: Board | null;
  entries: FeedEntry[];
}

/** A tag page (#16): listed releases carrying the tag, newest first, a keyset page at a time. */
export interface TagListing {
  tag: string;
  items: ListedRelease[];
  /** Where the next (older) page starts, or null on the last page. */
  next: ListedReleaseCursor | null;
}

/** Releases a tag page shows at once. */
export const TAG_PAGE_SIZE = 20;

export interface SitemapOverview {
  boards: Board[];
  boardsLastModified: BoardLastModified[];
  listedCount: number;
}

export interface HomeSection {
  board: Board;
  latest: ReleaseSummary[];
}

export interface BoardListing extends BoardPage {
  board: Board;
  page: number;
  pageCount: number;
  pageSize: number;
  filter: string | null;
}

/**
 * The public site's read use cases. Each applies the visibility rule through the catalog with the
 * clock's time, so nothing unpublished or under embargo is ever returned.
 */
export function makePublicPages(deps: { boards: BoardRepo; catalog: PublicCatalog; clock: Clock; readable?: (sha256s: string[]) => Promise<Set<string>> }) {
  async function boardOrThrow(slug: string): Promise<Board> {
    const board = await deps.boards.bySlug(slug);
    if (!board) throw new NotFoundError(`No board "${slug}"`);
    return board;
  }

  return {
    async home(language: Language, perBoard = 5): Promise<HomeSection[]> {
      const now = deps.clock.now();
      const boards = await deps.boards.list();
      return Promise.all(boards.map(async (board) => ({ board, latest: await deps.catalog.latest(board.id, language, perBoard, now) })));
    },

    async boardListing(slug: string, language: Language, page: number, filter: string | null, pageSize: number = LIMITS.boardPageSize): Promise<BoardListing> {
      const board = await boardOrThrow(slug);
      const result = await deps.catalog.boardPage({ boardId: board.id, language, page, pageSize, filter, now: deps.clock.now() });
      return { ...result, board, page, pageSize, filter, pageCount: Math.max(1, Math.ceil(result.total / pageSize)) };
    },

    /**
     * A release page, or its print view. A release whose content was taken down keeps its page (title,
     * dates, notice) but has no print view: that is 410 Gone.
     */
    async release(slug: string, language: Language, number: number, view: 'page' | 'print' = 'page'): Promise<PublicReleaseDetail & { neighbours: Neighbours; readable: Set<string> }> {
      const board = await boardOrThrow(slug);
      const now = deps.clock.now();
      const detail = await deps.catalog.release(board.id, language, number, now);
      if (!detail) throw new NotFoundError(`No public release ${number} in "${slug}"`);
      if (view === 'print' && isContentRemoved(detail.release)) throw new GoneError(`The content of release ${number} in "${slug}" was removed`);
      const neighbours = detail.release.status === 'published' ? await deps.catalog.neighbours(detail.release, now) : { previous: null, next: null };
      // Documents whose text view is ready get a "Read online" link (#19).
      const readable = deps.readable ? await deps.readable(detail.attachments.map((a) => a.sha256)) : new Set<string>();
      return { ...detail, neighbours, readable };
    },

    /** The newest listed releases of a feed; an unknown board, or a tag with none, is a 404. */
    async feed(language: Language, scope: FeedScope, limit: number = FEED_ITEMS): Promise<FeedListing> {
      const board = scope.kind === 'board' ? await boardOrThrow(scope.slug) : null;
      const tag = scope.kind === 'tag' ? scope.tag : null;
      const entries = await deps.catalog.feedEntries({ language, boardId: board?.id ?? null, tag, limit, now: deps.clock.now() });
      if (tag !== null && entries.length === 0) throw new NotFoundError(`No public release tagged "${tag}"`);
      return { scope, board, entries };
    },

    /** A tag's listed releases in one language, every board; a tag no listed release carries is a 404 (as its feed). */
    async tagListing(language: Language, tag: string, after: ListedReleaseCursor | null): Promise<TagListing> {
      const rows = await deps.catalog.listedReleases({ boardId: null, language, tag, since: null, until: null, after, limit: TAG_PAGE_SIZE + 1, now: deps.clock.now() });
      if (rows.length === 0) throw new NotFoundError(`No public release tagged "${tag}"`);
      const items = rows.slice(0, TAG_PAGE_SIZE);
      const last = items.at(-1);
      return { tag, items, next: rows.length > TAG_PAGE_SIZE && last ? { firstPublishedAt: last.firstPublishedAt, releaseId: last.releaseId } : null };
    },

    async sitemapOverview(): Promise<SitemapOverview> {
      const now = deps.clock.now();
      const [boards, boardsLastModified, listedCount] = await Promise.all([deps.boards.list(), deps.catalog.boardsLastModified(now), deps.catalog.listedCount(now)]);
      return { boards, boardsLastModified, listedCount };
    },

    sitemapReleases(offset: number, limit: number): Promise<SitemapRelease[]> {
      return deps.catalog.sitemapReleases(deps.clock.now(), offset, limit);
    },

    async file(sha256: string, fileName?: string): Promise<PublicFile> {
      const now = deps.clock.now();
      const file = await deps.catalog.file(sha256, now, fileName);
      if (!file && (await deps.catalog.fileRemoved(sha256, now))) throw new GoneError('This file was removed with the release it belonged to');
      if (!file) throw new NotFoundError('No such file');
      return file;
    },
  };
}
export type PublicPages = ReturnType<typeof makePublicPages>;
