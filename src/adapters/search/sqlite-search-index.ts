import { sql, type Kysely, type Transaction } from 'kysely';
import type { QueryClause } from '../../domain/search-text.js';
import type { SearchIndex, SearchQuery } from '../../ports/search-index.js';
import type { Database } from '../db/schema.js';
import { checkIndex } from './index-check.js';
import { countIndexable, documentDigest, documentFacets, indexableIds, loadSearchDocument, loadSearchDocuments, queryFacets, REBUILD_BATCH, runSearch, type IndexQuery, type SearchDocument, type SearchIndexOptions } from './search-documents.js';

/** An FTS5 MATCH expression: each clause a quoted phrase (a lone CJK character as a prefix), ANDed. */
export function fts5Query(clauses: QueryClause[]): string {
  return clauses.map((c) => `"${c.terms.join(' ').replace(/"/g, '""')}"${c.prefix ? '*' : ''}`).join(' ');
}

/**
 * The whole MATCH of a search: the reader's clauses in the title and body, and every facet term the
 * filters require in the `facets` column (which holds nothing else, so a word never matches a facet).
 */
export function fts5SearchMatch(clauses: QueryClause[], facets: string[]): string {
  const text = `{title body} : (${fts5Query(clauses)})`;
  return facets.length === 0 ? text : `${text} AND facets : (${facets.map((f) => `"${f}"`).join(' ')})`;
}

/**
 * The FTS5 rowid of an entry: first publication (epoch ms) x 2^20 + the release id's low 20 bits,
 * so rowid order is newest-first order (ties by id) and a date range is a rowid range, both of
 * which FTS5 answers from the doclists without reading any other table. Kept as a bigint (it
 * passes 2^53). Unique: a clash (two releases in the same millisecond whose ids differ by a
 * multiple of 2^20) moves to the next free key.
 */
const KEY_SHIFT = 1_048_576n;
const KEY_ID_MASK = 1_048_576;
const sortKeyOf = (doc: Pick<SearchDocument, 'firstPublishedAt' | 'releaseId'>) => BigInt(doc.firstPublishedAt) * KEY_SHIFT + BigInt(doc.releaseId % KEY_ID_MASK);
const boundKey = (at: Date) => BigInt(at.getTime()) * KEY_SHIFT;

type Db = Kysely<Database> | Transaction<Database>;

/** The longest of a phrase's terms, the first of equal length: likely its rarest, the one that scores it. */
const longestTerm = (terms: string[]) => terms.reduce((longest, term) => ([...term].length > [...longest].length ? term : longest));

/** Removes releases from the index (both tables). */
async function remove(tx: Db, releaseIds: number[]): Promise<void> {
  if (releaseIds.length === 0) return;
  await sql`delete from search_fts where rowid in (select sort_key from search_fts_entries where release_id in (${sql.join(releaseIds)}))`.execute(tx);
  await tx.deleteFrom('search_fts_entries').where('release_id', 'in', releaseIds).execute();
}

/** Adds documents (not in the index) to both tables. */
async function add(tx: Db, docs: SearchDocument[]): Promise<void> {
  if (docs.length === 0) return;
  const wanted = docs.map(sortKeyOf);
  const taken = new Set(
    (await sql<{ k: string }>`select cast(sort_key as text) as k from search_fts_entries where sort_key in (${sql.join(wanted)})`.execute(tx)).rows.map((r) => r.k),
  );
  const keys: bigint[] = [];
  for (let key of wanted) {
    while (taken.has(key.toString())) {
      key += 1n;
      if (await isTaken(tx, key)) taken.add(key.toString());
    }
    taken.add(key.toString());
    keys.push(key);
  }
  await tx
    .insertInto('search_fts_entries')
    .values(
      docs.map((d, i) => ({
        release_id: d.releaseId,
        sort_key: keys[i]!,
        language: d.language,
        board_id: d.boardId,
        first_published_at: d.firstPublishedAt,
        public_at: d.publicAt,
        department: d.department,
        tags: JSON.stringify(d.tags),
        digest: documentDigest(d),
      })),
    )
    .execute();
  await tx
    .insertInto('search_fts')
    .values(docs.map((d, i) => ({ rowid: keys[i]!, title: d.title, body: d.body, facets: documentFacets(d).join(' ') })))
    .execute();
}

async function isTaken(tx: Db, key: bigint): Promise<boolean> {
  return (await sql`select 1 from search_fts_entries where sort_key = ${key}`.execute(tx)).rows.length > 0;
}

/**
 * Full-text search on SQLite: a contentless FTS5 table over pre-tokenized text with the filters as
 * facet terms and newest-first rowids, and `search_fts_entries` (one row per indexed release: its
 * key and filter columns, `public_at` indexed for the few releases still under embargo).
 */
export function makeSqliteSearchIndex(db: Kysely<Database>, options: SearchIndexOptions = {}): SearchIndex {
  async function write(releaseId: number): Promise<void> {
    const doc = await loadSearchDocument(db, releaseId);
    await db.transaction().execute(async (tx) => {
      await remove(tx, [releaseId]);
      if (doc) await add(tx, [doc]);
    });
  }

  /** Brings the entries of many releases up to date in one transaction: removed, then added again when indexable. */
  async function writeMany(releaseIds: number[]): Promise<number> {
    const ids = [...new Set(releaseIds)];
    if (ids.length === 0) return 0;
    const docs = await loadSearchDocuments(db, ids);
    await db.transaction().execute(async (tx) => {
      await remove(tx, ids);
      await add(tx, docs);
    });
    return docs.length;
  }

  function query(q: SearchQuery): IndexQuery {
    const facets = queryFacets(q);
    const match = fts5SearchMatch(q.clauses, facets);
    // bm25 counts every phrase of its MATCH once more (for the IDF): the language facet would cost a
    // pass over half the index (6 ms), and the window's rowid range rarely holds many other-language
    // rows that match the words. Narrower facets (board, department, tag) stay, as they shrink the range.
    // A phrase is scored by its longest word (the first of equal length): the window's entries all
    // hold the phrase already, and bm25 reads the whole doclist of every phrase it scores for the
    // IDF: a phrase's positions in every candidate (43 ms for the six Korean bigrams of
    // 합동참모본부는 in 45,000 releases), each of its words 5-6 ms (all six: 31 ms), one word 6 ms.
    const scoreClauses = q.clauses.map((c) => (c.prefix || c.terms.length === 1 ? c : { terms: [longestTerm(c.terms)], prefix: false }));
    const scoreMatch = fts5SearchMatch(scoreClauses, queryFacets({ ...q, language: null }));
    const range = sql.join(
      [sql`search_fts match ${match}`, ...(q.from ? [sql`rowid >= ${boundKey(q.from)}`] : []), ...(q.to ? [sql`rowid < ${boundKey(q.to)}`] : [])],
      sql` and `,
    );
    // Releases indexed under an embargo that has not lifted yet: few, read from the public_at index.
    const notYetPublic = sql`select sort_key from search_fts_entries where public_at > ${q.now.getTime()}`;
    /** The newest matches: their releases and index keys (as text: a key passes 2^53). */
    async function newestEntries(limit: number, offset: number) {
      const rows = await sql<{ id: number; key: string }>`select (select release_id from search_fts_entries where sort_key = search_fts.rowid) as id,
        cast(rowid as text) as key from search_fts
        where ${range} and rowid not in (${notYetPublic}) order by rowid desc limit ${limit} offset ${offset}`.execute(db);
      return rows.rows;
    }

    return {
      async count(upTo) {
        const row = await sql<{ n: number }>`select count(*) as n from (select 1 from search_fts
          where ${range} and rowid not in (${notYetPublic}) limit ${upTo})`.execute(db);
        return Number(row.rows[0]?.n ?? 0);
      },
      async newest(limit, offset) {
        return (await newestEntries(limit, offset)).map((r) => r.id);
      },
      async newestScored(limit) {
        const entries = await newestEntries(limit, 0);
        if (entries.length === 0) return [];
        // bm25 needs a MATCH query of its own; the window's key range (newest first: the last entry's
        // key to the first's), not a list of probes, keeps it to one pass.
        const lo = BigInt(entries[entries.length - 1]!.key);
        const hi = BigInt(entries[0]!.key);
        const rows = await sql<{ key: string; score: number }>`select cast(rowid as text) as key, bm25(search_fts, 5.0, 1.0, 0.0) as score from search_fts
          where search_fts match ${scoreMatch} and rowid >= ${lo} and rowid <= ${hi}`.execute(db);
        const scores = new Map(rows.rows.map((r) => [r.key, r.score]));
        return entries.map(({ id, key }) => ({ id, score: scores.get(key) ?? 0 }));
      },
    };
  }

  return {
    indexRelease: write,
    indexReleases: writeMany,
    check: (onProgress) => checkIndex(db, 'search_fts_entries', onProgress),

    async rebuild(onProgress) {
      const total = await countIndexable(db);
      await db.transaction().execute(async (tx) => {
        // 'delete-all' empties a contentless index at once (row deletes would leave tombstones).
        await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(tx);
        await tx.deleteFrom('search_fts_entries').execute();
      });
      let done = 0;
      let after = 0;
      onProgress?.(0, total);
      for (;;) {
        const ids = await indexableIds(db, after, REBUILD_BATCH);
        if (ids.length === 0) break;
        const docs = await loadSearchDocuments(db, ids);
        // Remove first: a release published while the rebuild runs may have been indexed by its event.
        await db.transaction().execute(async (tx) => {
          await remove(tx, ids);
          await add(tx, docs);
        });
        done += docs.length;
        after = ids[ids.length - 1]!;
        onProgress?.(Math.min(done, total), total);
      }
      // One b-tree per term instead of the many segments the batches left: faster to read.
      await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db);
      return done;
    },

    async search(q) {
      if (q.clauses.length === 0) return { total: 0, exact: true, items: [] };
      return runSearch(db, q, query(q), options);
    },
  };
}
