import { NotFoundError } from '../domain/errors.js';
import type { Language } from '../domain/language.js';
import { parseQuery, snippetHtml, snippetWithMatches, type Snippet } from '../domain/search-text.js';
import type { BoardRepo } from '../ports/board-repo.js';
import type { Clock } from '../ports/clock.js';
import type { SearchIndex, SearchSort } from '../ports/search-index.js';

export const SEARCH_PAGE_SIZE = 10;

export interface SearchInput {
  query: string;
  /** null: every language (the JSON API); the search page always names its own. */
  language: Language | null;
  /** A board's slug, or null for every board. */
  board: string | null;
  /** Exact department / tag of the live edition; null or absent: any. */
  department?: string | null;
  tag?: string | null;
  from: Date | null;
  to: Date | null;
  sort: SearchSort;
  /** 1-based. */
  page: number;
  pageSize?: number;
}

export interface SearchResultItem {
  releaseId: number;
  number: number;
  boardSlug: string;
  language: Language;
  title: string;
  department: string;
  tags: string[];
  date: Date;
  /** Plain text with the ranges of the matches. */
  snippet: Snippet;
  /** The same snippet as escaped HTML with the matches wrapped in <mark>. */
  snippetHtml: string;
}

export interface SearchResults {
  query: string;
  /** How many releases match when `totalExact`; otherwise more than this many do (counting stopped). */
  total: number;
  totalExact: boolean;
  page: number;
  /** The number of pages; when the total is not exact, at least this many (one past the counted matches). */
  pageCount: number;
  items: SearchResultItem[];
}

/**
 * A snippet quoted from an attachment says so first: "in 붙임1_세부내용.hwpx: …" (Korean pages:
 * "붙임1_세부내용.hwpx 내용: …"); the match ranges move with the text.
 */
export function inAttachment(snippet: Snippet, fileName: string | null, language: Language | null): Snippet {
  if (fileName === null) return snippet;
  const lead = language === 'ko' ? `${fileName} 내용: ` : `in ${fileName}: `;
  return { text: lead + snippet.text, matches: snippet.matches.map(([s, e]) => [s + lead.length, e + lead.length]) };
}

/** Full-text search of the public releases in one language, newest first or by relevance. */
export function makeSearchReleases(deps: { index: SearchIndex; boards: BoardRepo; clock: Clock }) {
  return async function searchReleases(input: SearchInput): Promise<SearchResults> {
    const pageSize = input.pageSize ?? SEARCH_PAGE_SIZE;
    let boardId: number | null = null;
    if (input.board !== null) {
      const board = await deps.boards.bySlug(input.board);
      if (!board) throw new NotFoundError(`No board "${input.board}"`);
      boardId = board.id;
    }
    const clauses = parseQuery(input.query);
    const hits = await deps.index.search({
      clauses,
      language: input.language,
      boardId,
      department: input.department ?? null,
      tag: input.tag ?? null,
      from: input.from,
      to: input.to,
      sort: input.sort,
      limit: pageSize,
      offset: (input.page - 1) * pageSize,
      now: deps.clock.now(),
    });
    return {
      query: input.query,
      total: hits.total,
      totalExact: hits.exact,
      page: input.page,
      pageCount: Math.max(1, Math.ceil((hits.exact ? hits.total : hits.total + 1) / pageSize)),
      items: hits.items.map((h) => {
        const snippet = inAttachment(snippetWithMatches(h.text, clauses), h.attachmentName, input.language);
        return {
          releaseId: h.releaseId,
          number: h.number,
          boardSlug: h.boardSlug,
          language: h.language,
          title: h.title,
          department: h.department,
          tags: h.tags,
          date: h.firstPublishedAt,
          snippet,
          snippetHtml: snippetHtml(snippet),
        };
      }),
    };
  };
}
export type SearchReleases = ReturnType<typeof makeSearchReleases>;
