import type { Attachment, ImageDerivative } from '../domain/attachment.js';
import type { Board } from '../domain/board.js';
import type { Language } from '../domain/language.js';
import type { ChangeNote, Edition, Release } from '../domain/release.js';

/** One row of a public board list. */
export interface ReleaseSummary {
  releaseId: number;
  number: number;
  title: string;
  firstPublishedAt: Date;
  viewCount: number;
  hasAttachments: boolean;
  /** The first image, for photo boards and home cards. */
  thumbnail: Pick<Attachment, 'sha256' | 'fileName' | 'altText'> | null;
}

export interface BoardPageQuery {
  boardId: number;
  language: Language;
  /** 1-based page number. */
  page: number;
  pageSize: number;
  /** Plain title/body filter; real search is the SearchIndex's job. */
  filter: string | null;
  now: Date;
}

export interface BoardPage {
  items: ReleaseSummary[];
  total: number;
}

export interface PublicReleaseDetail {
  board: Board;
  release: Release;
  edition: Edition;
  attachments: Attachment[];
  /** WebP copies of the photos among the attachments, for their srcset. */
  derivatives: ImageDerivative[];
  /** Public corrections, newest first. */
  changeNotes: ChangeNote[];
}

export interface Neighbours {
  previous: { number: number; title: string } | null;
  next: { number: number; title: string } | null;
}

export interface PublicFile {
  sha256: string;
  fileName: string;
  mimeType: string;
  byteSize: number;
}

/** The files of a public release's live edition, under the files' rule (#19: text views, media kits). */
export interface ReleaseFiles {
  /** Its content was taken down: the files answer 410 Gone. */
  contentRemoved: boolean;
  attachments: Attachment[];
}

/** A listed release as feeds show it: its live edition's content and files. */
export interface FeedEntry {
  releaseId: number;
  boardSlug: string;
  language: Language;
  number: number;
  title: string;
  subtitle: string[];
  bodyMarkdown: string;
  tags: string[];
  firstPublishedAt: Date;
  /** Last public change (publication or published correction). */
  publicUpdatedAt: Date;
  /** When it became public (later than publication under embargo). */
  publicAt: Date;
  attachments: PublicFile[];
}

export interface FeedQuery {
  language: Language;
  /** One board's feed, or null for the whole site. */
  boardId: number | null;
  /** One tag's feed (exact match), or null. */
  tag: string | null;
  limit: number;
  now: Date;
}

/** One public release page for the sitemap. */
export interface SitemapRelease {
  boardSlug: string;
  language: Language;
  number: number;
  lastModified: Date;
}

/** The newest change among the listed releases of one board in one language. */
export interface BoardLastModified {
  boardId: number;
  language: Language;
  lastModified: Date;
}

/** A listed release as the JSON API lists it: its live edition's headline fields. */
export interface ListedRelease {
  releaseId: number;
  boardSlug: string;
  language: Language;
  number: number;
  title: string;
  subtitle: string[];
  department: string;
  tags: string[];
  firstPublishedAt: Date;
  /** Last public change (publication or published correction). */
  publicUpdatedAt: Date;
  hasAttachments: boolean;
}

/** Where a keyset page starts: strictly after this (firstPublishedAt, releaseId) in newest-first order. */
export interface ListedReleaseCursor {
  firstPublishedAt: Date;
  releaseId: number;
}

export interface ListedReleaseQuery {
  boardId: number | null;
  language: Language | null;
  /** Exact tag, or null. */
  tag: string | null;
  /** First publication at or after this time. */
  since: Date | null;
  /** First publication before this time. */
  until: Date | null;
  after: ListedReleaseCursor | null;
  limit: number;
  now: Date;
}

/** A tag of the listed releases with how many carry it. */
export interface TagCount {
  tag: string;
  count: number;
}

/**
 * Read-side queries for the public site. Every method applies the public-visibility rule itself,
 * so no page, list, count, neighbour link or file URL can show an unpublished or embargoed release.
 */
export interface PublicCatalog {
  boardPage(query: BoardPageQuery): Promise<BoardPage>;
  latest(boardId: number, language: Language, limit: number, now: Date): Promise<ReleaseSummary[]>;
  release(boardId: number, language: Language, number: number, now: Date): Promise<PublicReleaseDetail | null>;
  neighbours(release: Release, now: Date): Promise<Neighbours>;
  /**
   * A file attached to the live edition of a public release whose content was not taken down, or a
   * WebP copy of such a photo, by content address. Identical bytes may be attached under several
   * names: `fileName` (the URL's) picks the attachment whose name it is, when one is public.
   */
  file(sha256: string, now: Date, fileName?: string): Promise<PublicFile | null>;
  /**
   * Whether a file `file` does not serve belongs to a public release whose content was taken down
   * (then it is 410 Gone, not 404). A file another public release still carries is served by `file`.
   */
  fileRemoved(sha256: string, now: Date): Promise<boolean>;
  /**
   * The attachments of a release's live edition when its page is public (the same rule as `file`),
   * with whether its content was taken down; null when it has none public (unpublished, embargoed).
   */
  releaseFiles(releaseId: number, now: Date): Promise<ReleaseFiles | null>;
  /** The earliest public time still in the future: page caches must be dropped at that moment. */
  nextPublicTransition(now: Date): Promise<Date | null>;
  contentVersion(): Promise<number>;
  /** The newest listed releases (by public time) of the site, a board or a tag, for feeds. */
  feedEntries(query: FeedQuery): Promise<FeedEntry[]>;
  /** How many releases are listed now: sizes the sitemap and its chunks. */
  listedCount(now: Date): Promise<number>;
  /** Listed releases in a stable order (board, language, number), a slice at a time. */
  sitemapReleases(now: Date, offset: number, limit: number): Promise<SitemapRelease[]>;
  /** Last change per (board, language) that has listed releases. */
  boardsLastModified(now: Date): Promise<BoardLastModified[]>;
  /** Listed releases newest first (first publication, then id), a keyset page at a time. */
  listedReleases(query: ListedReleaseQuery): Promise<ListedRelease[]>;
  /** Tags of the listed releases (optionally of one language) with counts, most used first. */
  tagCounts(language: Language | null, now: Date): Promise<TagCount[]>;
}
