import type { Expression, Kysely, SqlBool } from 'kysely';
import { indexText } from '../../domain/search-text.js';
import type { SearchHits, SearchQuery } from '../../ports/search-index.js';
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
  const row = await db
    .selectFrom('releases')
    .innerJoin('editions', 'editions.id', 'releases.live_edition_id')
    .select(['releases.id', 'releases.status', 'editions.id as edition_id', 'editions.title', 'editions.subtitle', 'editions.body_markdown', 'editions.department', 'editions.tags'])
    .where('releases.id', '=', releaseId)
    .executeTakeFirst();
  // Embargoed releases are indexed (status published): the query hides them until their time.
  if (!row || row.status !== 'published') return null;
  const captions = await db.selectFrom('attachments').select('caption').where('edition_id', '=', row.edition_id).orderBy('position').execute();
  const body = [...(JSON.parse(row.subtitle) as string[]), row.body_markdown, row.department, ...(JSON.parse(row.tags) as string[]), ...captions.map((c) => c.caption)].join('\n');
  return { releaseId: row.id, title: indexText(row.title), body: indexText(body) };
}

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

/** Runs a search: `matches` holds for releases whose index entry matches; `rank` is lower-is-better. */
export async function runSearch(db: Kysely<Database>, q: SearchQuery, matches: Expression<SqlBool>, rank: Expression<number>): Promise<SearchHits> {
  let base = db
    .selectFrom('releases')
    .innerJoin('editions', 'editions.id', 'releases.live_edition_id')
    .innerJoin('boards', 'boards.id', 'releases.board_id')
    .where((eb) => listedPublicly(eb, q.now))
    .where('releases.language', '=', q.language)
    .where(matches);
  if (q.boardId !== null) base = base.where('releases.board_id', '=', q.boardId);
  if (q.from) base = base.where('releases.first_published_at', '>=', q.from.getTime());
  if (q.to) base = base.where('releases.first_published_at', '<', q.to.getTime());
  let ordered = base.select([
    'releases.id',
    'releases.number',
    'releases.first_published_at',
    'releases.public_at',
    'boards.slug',
    'editions.title',
    'editions.subtitle',
    'editions.body_markdown',
  ]);
  if (q.sort === 'relevance') ordered = ordered.orderBy(rank);
  const [countRow, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ordered.orderBy('releases.first_published_at', 'desc').orderBy('releases.id', 'desc').limit(q.limit).offset(q.offset).execute(),
  ]);
  return {
    total: Number(countRow?.n ?? 0),
    items: rows.map((r) => ({
      releaseId: r.id,
      boardSlug: r.slug,
      number: Number(r.number),
      title: r.title,
      firstPublishedAt: new Date(Number(r.first_published_at ?? r.public_at)),
      text: plainText([...(JSON.parse(r.subtitle) as string[]), r.body_markdown].join('\n')),
    })),
  };
}
