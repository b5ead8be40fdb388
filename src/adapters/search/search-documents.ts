import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Language } from '../../domain/language.js';
import { INDEXED_TEXT_CHARS } from '../../domain/attachment-text.js';
import { indexText, tokenize, type QueryClause } from '../../domain/search-text.js';
import type { SearchHit, SearchHits, SearchQuery } from '../../ports/search-index.js';
import { listedPublicly } from '../db/public-visibility.js';
import type { Database } from '../db/schema.js';

/**
 * What both search adapters share: which text and which filter columns of a release are indexed,
 * which releases are, and the query around the match (paging, the relevance window, the page's
 * rows). Each adapter answers the count and the newest-first ids from its index alone: the
 * language, board, department, tags, first publication and public time are stored in the index
 * (migration 2026112809-search-filters), so a term found in 50,000 releases is counted without
 * reading `releases` 50,000 times.
 */

export interface SearchDocument {
  releaseId: number;
  /** Tokens of the title. */
  title: string;
  /** Tokens of the subtitle, body, department, tags, attachment captions and the attachments' extracted text (#19). */
  body: string;
  language: Language;
  boardId: number;
  firstPublishedAt: number;
  /** The publication, or the later embargo end: the index may hold a release before this time. */
  publicAt: number;
  department: string;
  tags: string[];
}

/** The live edition of a published release as index text, or null when it must not be indexed. */
export async function loadSearchDocument(db: Kysely<Database>, releaseId: number): Promise<SearchDocument | null> {
  return (await loadSearchDocuments(db, [releaseId]))[0] ?? null;
}

/**
 * Index text and filter columns of the given releases, a batch in two queries (releases with their
 * live editions, then every caption); releases that must not be indexed are left out.
 */
export async function loadSearchDocuments(db: Kysely<Database>, releaseIds: number[]): Promise<SearchDocument[]> {
  if (releaseIds.length === 0) return [];
  const rows = await db
    .selectFrom('releases')
    .innerJoin('editions', 'editions.id', 'releases.live_edition_id')
    .select([
      'releases.id',
      'releases.language',
      'releases.board_id',
      'releases.first_published_at',
      'releases.public_at',
      'editions.id as edition_id',
      'editions.title',
      'editions.subtitle',
      'editions.body_markdown',
      'editions.department',
      'editions.tags',
    ])
    .where('releases.id', 'in', releaseIds)
    // Embargoed releases are indexed (status published) with their public time: every search
    // filters on it, so they are found from that moment on with no reindex.
    .where('releases.status', '=', 'published')
    .where('releases.first_published_at', 'is not', null)
    .where('releases.public_at', 'is not', null)
    .orderBy('releases.id')
    .execute();
  if (rows.length === 0) return [];
  const captions = await db
    .selectFrom('attachments')
    .select(['edition_id', 'caption'])
    .where(
      'edition_id',
      'in',
      rows.map((r) => r.edition_id),
    )
    .orderBy('edition_id')
    .orderBy('position')
    .execute();
  const byEdition = new Map<number, string[]>();
  for (const c of captions) byEdition.set(c.edition_id, [...(byEdition.get(c.edition_id) ?? []), c.caption]);
  // The text views of the live editions' documents (their first INDEXED_TEXT_CHARS characters each).
  for (const t of await attachmentTexts(
    db,
    rows.map((r) => r.edition_id),
  )) {
    byEdition.set(t.edition_id, [...(byEdition.get(t.edition_id) ?? []), t.text]);
  }
  return rows.map((row) => {
    const tags = JSON.parse(row.tags) as string[];
    const body = [...(JSON.parse(row.subtitle) as string[]), row.body_markdown, row.department, ...tags, ...(byEdition.get(row.edition_id) ?? [])].join('\n');
    return {
      releaseId: row.id,
      title: indexText(row.title),
      body: indexText(body),
      language: row.language as Language,
      boardId: row.board_id,
      firstPublishedAt: Number(row.first_published_at),
      publicAt: Number(row.public_at),
      department: row.department,
      tags,
    };
  });
}

/** Extracted texts of the editions' attachments, in attachment order (the indexed part only). */
async function attachmentTexts(db: Kysely<Database>, editionIds: number[]): Promise<{ edition_id: number; file_name: string; text: string }[]> {
  if (editionIds.length === 0) return [];
  return db
    .selectFrom('attachments')
    .innerJoin('attachment_texts', 'attachment_texts.sha256', 'attachments.sha256')
    .select(['attachments.edition_id', 'attachments.file_name', sql<string>`substr(attachment_texts.plain_text, 1, ${INDEXED_TEXT_CHARS})`.as('text')])
    .where('attachments.edition_id', 'in', editionIds)
    .where('attachment_texts.status', '=', 'done')
    .orderBy('attachments.edition_id')
    .orderBy('attachments.position')
    .execute();
}

/** SHA-256 of everything an entry holds: stored with it, so `reindex --check` finds a stale one. */
export function documentDigest(doc: SearchDocument): string {
  const { releaseId, title, body, language, boardId, firstPublishedAt, publicAt, department, tags } = doc;
  return createHash('sha256').update(JSON.stringify([releaseId, title, body, language, boardId, firstPublishedAt, publicAt, department, tags])).digest('hex');
}

/**
 * The filter values of a release as index terms: `len`, `b3`, `d` + the department's UTF-8 in hex,
 * `t` + each tag's. Exact (hex, not words), and made of letters and digits only, so both indexes
 * keep them as they are. Migration 2026112809 writes the same terms in SQL (lower(hex(...)) on
 * SQLite, encode(convert_to(...), 'hex') on PostgreSQL): keep the two in step.
 */
export const facet = {
  language: (language: string) => `l${language}`,
  board: (boardId: number) => `b${boardId}`,
  department: (department: string) => `d${Buffer.from(department, 'utf8').toString('hex')}`,
  tag: (tag: string) => `t${Buffer.from(tag, 'utf8').toString('hex')}`,
};

/** Every facet term of a document. */
export function documentFacets(doc: Pick<SearchDocument, 'language' | 'boardId' | 'department' | 'tags'>): string[] {
  return [facet.language(doc.language), facet.board(doc.boardId), ...(doc.department ? [facet.department(doc.department)] : []), ...doc.tags.filter((t) => t !== '').map(facet.tag)];
}

/** The facet terms a query requires (every one must be present). */
export function queryFacets(q: SearchQuery): string[] {
  return [
    ...(q.language !== null ? [facet.language(q.language)] : []),
    ...(q.boardId !== null ? [facet.board(q.boardId)] : []),
    ...(q.department ? [facet.department(q.department)] : []),
    ...(q.tag ? [facet.tag(q.tag)] : []),
  ];
}

/** Rebuild batches: big enough that a 100,000-release index is a few hundred round trips. */
export const REBUILD_BATCH = 500;

/** Ids of the releases that belong in the index, in id order, a batch at a time. */
export async function indexableIds(db: Kysely<Database>, afterId: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('releases')
    .select('id')
    .where('status', '=', 'published')
    .where('live_edition_id', 'is not', null)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function countIndexable(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('releases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published')
    .where('live_edition_id', 'is not', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Whether a text holds every clause of a query (each word of a phrase, every bigram of a Korean
 * word): the release's own text does, or the hit came from an attachment. A single shared bigram
 * (산악 of 산악정찰교범) is not enough.
 */
function holdsEveryClause(text: string, clauses: QueryClause[]): boolean {
  const terms = new Set(tokenize(text).map((t) => t.term));
  return clauses.every((c) => (c.prefix ? [...terms].some((t) => t.startsWith(c.terms[0]!)) : c.terms.every((term) => terms.has(term))));
}

/**
 * The text snippets are cut from: each subtitle line and the body as plain text, joined with " · "
 * so the last subtitle line does not run into the body's first sentence (#17).
 */
export function snippetSource(subtitle: string[], bodyMarkdown: string): string {
  return [...subtitle, bodyMarkdown]
    .map(plainText)
    .filter((part) => part !== '')
    .join(' · ');
}

/** Markdown as plain text, for snippets. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*>+/gm, ' ')
    .replace(/[#*_`~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How many of the newest matches `relevance` ranks. Ranking every match of a common term (bm25 or
 * ts_rank over ~50,000 documents) costs 30-300 ms; the newest few hundred cost a few, and a reader
 * sorting by relevance looks at the first pages. Past the window, results continue newest first.
 */
export const RELEVANCE_WINDOW = 500;
/** Searches count their matches up to this many; past it the total is "more than 1,000". */
export const COUNT_LIMIT = 1_000;

export interface SearchIndexOptions {
  /** How many of the newest matches `relevance` ranks; RELEVANCE_WINDOW unless set (tests set a few). */
  relevanceWindow?: number;
  /** How far searches count their matches; COUNT_LIMIT unless set (tests set a few). */
  countLimit?: number;
}

/**
 * One search as an adapter answers it from its index alone: every method applies the clauses,
 * the filters and `public_at <= now` (the denormalized columns), newest first publication first.
 */
export interface IndexQuery {
  /** The number of matches, counting no further than `upTo` (min(matches, upTo)). */
  count(upTo: number): Promise<number>;
  /** Release ids of matches, newest first (first publication, then id, both descending). */
  newest(limit: number, offset: number): Promise<number[]>;
  /** The newest `limit` matches, newest first, with their relevance scores (lower is better). */
  newestScored(limit: number): Promise<{ id: number; score: number }[]>;
}

/**
 * Runs a search: the count and the page's ids come from the index (no join with `releases`), then
 * the page's few rows are read with their editions, the visibility rule checked again, so an index
 * that lags behind a withdrawal never shows the withdrawn release.
 */
export async function runSearch(db: Kysely<Database>, q: SearchQuery, index: IndexQuery, options: SearchIndexOptions): Promise<SearchHits> {
  const { relevanceWindow = RELEVANCE_WINDOW, countLimit = COUNT_LIMIT } = options;
  // The count first: an empty result needs no page at all, and the adapter learns how dense the
  // matches are (PostgreSQL picks a newest-first walk or the GIN bitmap for the page by it). Counting
  // stops past COUNT_LIMIT (or past the page asked for): counting every one of 45,000 matches of a
  // common word, or checking every phrase's positions, cost more than the page itself.
  const upTo = Math.max(countLimit, q.offset + q.limit) + 1;
  const counted = await index.count(upTo);
  const exact = counted < upTo;
  const total = exact ? counted : upTo - 1;
  let ids: number[] = [];
  if (total > q.offset) {
    if (q.sort === 'relevance' && q.offset < relevanceWindow) {
      // Rank the newest `relevanceWindow` matches (all of them when there are fewer); a page that
      // runs past the window is completed from the newest-first order.
      const window = (await index.newestScored(relevanceWindow)).map((r, position) => ({ ...r, position }));
      const ranked = window.sort((a, b) => Number(a.score) - Number(b.score) || a.position - b.position);
      ids = ranked.slice(q.offset, q.offset + q.limit).map((r) => r.id);
      if (ids.length < q.limit && total > relevanceWindow) ids.push(...(await index.newest(q.limit - ids.length, relevanceWindow)));
    } else {
      ids = await index.newest(q.limit, q.offset);
    }
  }
  return { total, exact, items: await hitsFor(db, ids, q.now, q.clauses) };
}

/**
 * The page's rows, in the order of `ids`; the visibility rule again, for a withdrawal in between. A
 * release whose own text does not hold the words was found in an attachment: its snippet quotes
 * the first attachment that does, and names it.
 */
async function hitsFor(db: Kysely<Database>, ids: number[], now: Date, clauses: QueryClause[]): Promise<SearchHit[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('releases')
    .innerJoin('editions', 'editions.id', 'releases.live_edition_id')
    .innerJoin('boards', 'boards.id', 'releases.board_id')
    .select([
      'releases.id',
      'releases.language',
      'releases.number',
      'releases.first_published_at',
      'releases.public_at',
      'boards.slug',
      'editions.id as edition_id',
      'editions.title',
      'editions.subtitle',
      'editions.body_markdown',
      'editions.department',
      'editions.tags',
    ])
    .where('releases.id', 'in', ids)
    .where((eb) => listedPublicly(eb, now))
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ownText = new Map(rows.map((r) => [r.id, plainText([...(JSON.parse(r.subtitle) as string[]), r.body_markdown].join('\n'))]));
  const elsewhere = rows.filter((r) => !holdsEveryClause([r.title, ownText.get(r.id)!, r.department, r.tags].join('\n'), clauses));
  const inAttachment = new Map<number, { fileName: string; text: string }>();
  for (const t of await attachmentTexts(db, elsewhere.map((r) => r.edition_id))) {
    if (inAttachment.has(t.edition_id) || !holdsEveryClause(t.text, clauses)) continue;
    inAttachment.set(t.edition_id, { fileName: t.file_name, text: t.text.replace(/\s+/g, ' ') });
  }
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const attachment = inAttachment.get(r.edition_id);
    return [
      {
        releaseId: r.id,
        boardSlug: r.slug,
        language: r.language as Language,
        number: Number(r.number),
        title: r.title,
        department: r.department,
        tags: JSON.parse(r.tags) as string[],
        firstPublishedAt: new Date(Number(r.first_published_at ?? r.public_at)),
        text: attachment?.text ?? snippetSource(JSON.parse(r.subtitle) as string[], r.body_markdown),
        attachmentName: attachment?.fileName ?? null,
      },
    ];
  });
}
