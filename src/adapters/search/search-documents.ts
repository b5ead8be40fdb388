import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Language } from '../../domain/language.js';
import { indexText } from '../../domain/search-text.js';
import type { SearchHit, SearchHits, SearchQuery } from '../../ports/search-index.js';
import { listedPublicly } from '../db/public-visibility.js';
import type { Database } from '../db/schema.js';

/**
 * What both search adapters share: which text of a release is indexed, which releases are, and the
 * query around the match (visibility rule, filters, paging). Each adapter adds only its own match
 * condition and relevance expression.
 */

export interface SearchDocument {
  releaseId: number;
  /** Tokens of the title. */
  title: string;
  /** Tokens of the subtitle, body, department, tags and attachment captions. */
  body: string;
}

/** The live edition of a published release as index text, or null when it must not be indexed. */
export async function loadSearchDocument(db: Kysely<Database>, releaseId: number): Promise<SearchDocument | null> {
  return (await loadSearchDocuments(db, [releaseId]))[0] ?? null;
}

/**
 * Index text of the given releases, a batch in two queries (releases with their live editions,
 * then every caption); releases that must not be indexed are left out.
 */
export async function loadSearchDocuments(db: Kysely<Database>, releaseIds: number[]): Promise<SearchDocument[]> {
  if (releaseIds.length === 0) return [];
  const rows = await db
    .selectFrom('releases')
    .innerJoin('editions', 'editions.id', 'releases.live_edition_id')
    .select(['releases.id', 'editions.id as edition_id', 'editions.title', 'editions.subtitle', 'editions.body_markdown', 'editions.department', 'editions.tags'])
    .where('releases.id', 'in', releaseIds)
    // Embargoed releases are indexed (status published): the query hides them until their time.
    .where('releases.status', '=', 'published')
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
  return rows.map((row) => {
    const body = [...(JSON.parse(row.subtitle) as string[]), row.body_markdown, row.department, ...(JSON.parse(row.tags) as string[]), ...(byEdition.get(row.edition_id) ?? [])].join('\n');
    return { releaseId: row.id, title: indexText(row.title), body: indexText(body) };
  });
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
 * ts_rank_cd over ~50,000 documents) costs 30-300 ms; the newest few hundred cost a few, and a reader
 * sorting by relevance looks at the first pages. Past the window, results continue newest first.
 */
export const RELEVANCE_WINDOW = 500;

export interface SearchIndexOptions {
  /** How many of the newest matches `relevance` ranks; RELEVANCE_WINDOW unless set (tests set a few). */
  relevanceWindow?: number;
}

/** Scores for some releases (lower is better); each adapter asks its own index. */
export type ScoreReleases = (releaseIds: number[]) => Promise<Map<number, number>>;

/**
 * Runs a search: `matches` holds for releases whose index entry matches; `score` ranks a window of
 * them for `relevance`. Two phases: the ids on the page are found reading only `releases` (and the
 * index), then the page's few rows are read with their editions, so a term found in 50,000 releases
 * never drags 50,000 bodies through a sort.
 */
export async function runSearch(db: Kysely<Database>, q: SearchQuery, matches: Expression<SqlBool>, score: ScoreReleases, relevanceWindow = RELEVANCE_WINDOW): Promise<SearchHits> {
  let base = db
    .selectFrom('releases')
    .where((eb) => listedPublicly(eb, q.now))
    .where(matches);
  if (q.language !== null) base = base.where('releases.language', '=', q.language);
  if (q.boardId !== null) base = base.where('releases.board_id', '=', q.boardId);
  if (q.from) base = base.where('releases.first_published_at', '>=', q.from.getTime());
  if (q.to) base = base.where('releases.first_published_at', '<', q.to.getTime());
  if (q.department || q.tag) {
    const { department, tag } = q;
    base = base.where((eb) => {
      let edition = eb.selectFrom('editions').select('editions.id').whereRef('editions.id', '=', 'releases.live_edition_id');
      if (department) edition = edition.where('editions.department', '=', department);
      // Exact tag, as the catalog tests it: the tag's JSON string occurs in the stored array.
      if (tag) edition = edition.where(sql<boolean>`replace(editions.tags, ${JSON.stringify(tag)}, '') <> editions.tags`);
      return eb.exists(edition);
    });
  }
  const newest = (limit: number, offset: number) =>
    base.select('releases.id').orderBy('releases.first_published_at', 'desc').orderBy('releases.id', 'desc').limit(limit).offset(offset).execute();

  const countRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const total = Number(countRow?.n ?? 0);
  let ids: number[] = [];
  if (total > q.offset) {
    if (q.sort === 'relevance' && q.offset < relevanceWindow) {
      // Rank the newest `relevanceWindow` matches (all of them when there are fewer); a page that
      // runs past the window is completed from the newest-first order.
      const window = (await newest(relevanceWindow, 0)).map((r) => r.id);
      const scores = await score(window);
      const position = new Map(window.map((id, i) => [id, i]));
      const ranked = [...window].sort((a, b) => (scores.get(a) ?? 0) - (scores.get(b) ?? 0) || position.get(a)! - position.get(b)!);
      ids = ranked.slice(q.offset, q.offset + q.limit);
      if (ids.length < q.limit && total > relevanceWindow) ids.push(...(await newest(q.limit - ids.length, relevanceWindow)).map((r) => r.id));
    } else {
      ids = (await newest(q.limit, q.offset)).map((r) => r.id);
    }
  }
  return { total, items: await hitsFor(db, ids, q.now) };
}

/** The page's rows, in the order of `ids`; the visibility rule again, for a withdrawal in between. */
async function hitsFor(db: Kysely<Database>, ids: number[], now: Date): Promise<SearchHit[]> {
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
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
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
        text: plainText([...(JSON.parse(r.subtitle) as string[]), r.body_markdown].join('\n')),
      },
    ];
  });
}
