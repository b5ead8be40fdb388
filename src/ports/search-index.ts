import type { Language } from '../domain/language.js';
import type { QueryClause } from '../domain/search-text.js';

export type SearchSort = 'newest' | 'relevance';

export interface SearchQuery {
  /** Parsed with parseQuery (domain/search-text.ts); every clause must match. */
  clauses: QueryClause[];
  /** null: every language. */
  language: Language | null;
  boardId: number | null;
  /** The live edition's department, exactly; null or absent: any. */
  department?: string | null;
  /** One of the live edition's tags, exactly; null or absent: any. */
  tag?: string | null;
  /** First publication within [from, to), either end open when null. */
  from: Date | null;
  to: Date | null;
  sort: SearchSort;
  limit: number;
  offset: number;
  now: Date;
}

export interface SearchHit {
  releaseId: number;
  boardSlug: string;
  language: Language;
  number: number;
  title: string;
  department: string;
  tags: string[];
  firstPublishedAt: Date;
  /** Subtitle and body as plain text, for the snippet; the attachment's text when the match is only there. */
  text: string;
  /** The attachment whose text `text` is, when the words were found only in it (#19); otherwise null. */
  attachmentName: string | null;
}

export interface SearchHits {
  /** The number of matches when `exact`; otherwise a lower bound (more than `total` match). */
  total: number;
  exact: boolean;
  items: SearchHit[];
}

/**
 * Full-text search over the live editions of public releases. The index holds each published
 * release with its filter values (language, board, department, tags, first publication, public
 * time): counts and pages come from the index alone, skipping releases whose public time has not
 * come, so an embargo lifts with no reindex. The index may lag behind a withdrawal or correction
 * for a moment: the page's rows are read again under the public-visibility rule, so nothing
 * unpublished, embargoed or withdrawn is ever shown.
 */
/** Where the index and the database disagree (`pressroom reindex --check`); release ids. */
export interface IndexDrift {
  /** Releases looked at. */
  checked: number;
  /** Public (or embargoed) releases the index does not hold. */
  missing: number[];
  /** Entries that differ from what would be indexed now (text, filters or public time). */
  stale: number[];
  /** Entries for releases that must not be in the index (withdrawn, unpublished, gone). */
  extra: number[];
}

export interface SearchIndex {
  /** Indexes the release's live edition, or removes it when it has none or is withdrawn. */
  indexRelease(releaseId: number): Promise<void>;
  /** indexRelease for many releases at once (a few statements per batch); resolves with how many are now in the index. */
  indexReleases(releaseIds: number[]): Promise<number>;
  /** Compares every entry with what would be indexed now; changes nothing. */
  check(onProgress?: (done: number, total: number) => void): Promise<IndexDrift>;
  /** Empties the index and indexes every published release again; returns how many. */
  rebuild(onProgress?: (done: number, total: number) => void): Promise<number>;
  search(query: SearchQuery): Promise<SearchHits>;
}
