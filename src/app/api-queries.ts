import type { Board } from '../domain/board.js';
import { GoneError, NotFoundError } from '../domain/errors.js';
import type { Language } from '../domain/language.js';
import { isContentRemoved } from '../domain/release.js';
import type { BoardRepo } from '../ports/board-repo.js';
import type { Clock } from '../ports/clock.js';
import type { ListedRelease, ListedReleaseCursor, PublicCatalog, PublicReleaseDetail, TagCount } from '../ports/public-catalog.js';

export interface ReleaseListQuery {
  boardSlug: string | null;
  language: Language | null;
  tag: string | null;
  since: Date | null;
  until: Date | null;
  after: ListedReleaseCursor | null;
  limit: number;
}

export interface ReleaseListPage {
  items: ListedRelease[];
  /** Where the next page starts, or null on the last page. */
  next: ListedReleaseCursor | null;
}

/**
 * The JSON API's read use cases. Like the public pages, each passes the clock's time to the
 * catalog, which applies the visibility rule, so drafts, embargoed and withdrawn items stay out.
 */
export function makeApiQueries(deps: { boards: BoardRepo; catalog: PublicCatalog; clock: Clock }) {
  async function boardOrThrow(slug: string): Promise<Board> {
    const board = await deps.boards.bySlug(slug);
    if (!board) throw new NotFoundError(`No board "${slug}"`, [{ code: 'NOT_FOUND', message: `No board "${slug}"`, field: 'board' }]);
    return board;
  }

  return {
    boards(): Promise<Board[]> {
      return deps.boards.list();
    },

    /** One keyset page; one extra row is read to know whether another page follows. */
    async releases(q: ReleaseListQuery): Promise<ReleaseListPage> {
      const board = q.boardSlug === null ? null : await boardOrThrow(q.boardSlug);
      const rows = await deps.catalog.listedReleases({
        boardId: board?.id ?? null,
        language: q.language,
        tag: q.tag,
        since: q.since,
        until: q.until,
        after: q.after,
        limit: q.limit + 1,
        now: deps.clock.now(),
      });
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return { items, next: rows.length > q.limit && last ? { firstPublishedAt: last.firstPublishedAt, releaseId: last.releaseId } : null };
    },

    /**
     * A release page's content; a withdrawn one still answers, with its status and reason. One whose
     * content was taken down is 410 Gone, the notice in the error (its page keeps title and notice).
     */
    async release(slug: string, language: Language, number: number): Promise<PublicReleaseDetail> {
      const board = await boardOrThrow(slug);
      const detail = await deps.catalog.release(board.id, language, number, deps.clock.now());
      if (!detail) throw new NotFoundError(`No public release ${number} in "${slug}"`);
      if (isContentRemoved(detail.release)) {
        const { release, edition } = detail;
        const message = `"${edition.title}" was withdrawn on ${release.withdrawnAt?.toISOString() ?? 'an earlier date'} and its content removed: ${release.withdrawalReason ?? ''}`;
        throw new GoneError(message, [{ code: 'content_removed', message }]);
      }
      return detail;
    },

    tags(language: Language | null): Promise<TagCount[]> {
      return deps.catalog.tagCounts(language, deps.clock.now());
    },
  };
}
export type ApiQueries = ReturnType<typeof makeApiQueries>;
