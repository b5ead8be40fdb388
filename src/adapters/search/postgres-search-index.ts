import { sql, type Kysely } from 'kysely';
import type { QueryClause } from '../../domain/search-text.js';
import type { SearchIndex, SearchQuery } from '../../ports/search-index.js';
import type { Database } from '../db/schema.js';
import { checkIndex } from './index-check.js';
import { countIndexable, documentDigest, documentFacets, indexableIds, loadSearchDocument, loadSearchDocuments, queryFacets, REBUILD_BATCH, runSearch, type IndexQuery, type SearchDocument, type SearchIndexOptions } from './search-documents.js';

/** A tsquery text: each clause a phrase (<->) of quoted terms (a lone CJK character as a prefix), ANDed. */
export function tsQuery(clauses: QueryClause[]): string {
  const quote = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return clauses.map((c) => (c.prefix ? `${quote(c.terms[0]!)}:*` : `(${c.terms.map(quote).join(' <-> ')})`)).join(' & ');
}

/**
 * Facet terms as lexemes: '=' first, a character the tokenizer never keeps, so no word a reader types
 * can match one. Migration 2026112809 writes the same lexemes in SQL.
 */
const facetLexeme = (term: string) => `=${term}`;
/** The facets a query requires, as a tsquery text for a plain ::tsquery cast (no parser, no dictionary). */
const facetQuery = (facets: string[]) => facets.map((f) => `'${facetLexeme(f)}'`).join(' & ');

/** The stored document: title terms weighted A, the rest B, then the facet lexemes (no positions). */
const tsvector = (doc: SearchDocument) =>
  sql<string>`setweight(to_tsvector('simple', ${doc.title}), 'A') || setweight(to_tsvector('simple', ${doc.body}), 'B') || array_to_tsvector(${documentFacets(doc).map(facetLexeme)}::text[])`;

const row = (doc: SearchDocument) => ({
  release_id: doc.releaseId,
  language: doc.language,
  board_id: doc.boardId,
  first_published_at: doc.firstPublishedAt,
  public_at: doc.publicAt,
  department: doc.department,
  tags: JSON.stringify(doc.tags),
  document: tsvector(doc),
  digest: documentDigest(doc),
});

/** How many of the newest rows of a search's range are read to judge how dense its matches are. */
export const PROBE_ROWS = 256;
/**
 * The most rows a newest-first walk is expected to read for one page (wanted matches / density);
 * past it the GIN bitmap is cheaper. At 100,000 releases a walk reads a row in about 2.6 µs
 * (tsvectors in line, migration 2026112901); the bitmap then fetches and sorts every match at about
 * 3.5 µs each (500 newest of 5,500 matches: walk 11 ms, bitmap 26 ms).
 */
export const MAX_WALK_ROWS = 8_000;
/**
 * From this share of matching rows a count walks (1,000 matches: about 4,000 rows, 10 ms) rather
 * than decode every posting of every term from the GIN index (a word in 45,000 releases: 7 ms, a
 * phrase of six Korean bigrams: 24 ms, then its positions rechecked row by row).
 */
const DENSE = 0.25;

export interface PostgresSearchIndexOptions extends SearchIndexOptions {
  /** PROBE_ROWS unless set (tests set a few, to take the walk and bitmap paths on a small corpus). */
  probeRows?: number;
  /** MAX_WALK_ROWS unless set. */
  maxWalkRows?: number;
}

/**
 * Full-text search on PostgreSQL: a tsvector ('simple') of pre-tokenized text plus facet lexemes,
 * GIN-indexed, next to the filter columns; (language, first publication) b-trees serve newest first.
 */
export function makePostgresSearchIndex(db: Kysely<Database>, options: PostgresSearchIndexOptions = {}): SearchIndex {
  const { probeRows = PROBE_ROWS, maxWalkRows = MAX_WALK_ROWS } = options;
  async function write(releaseId: number): Promise<void> {
    const doc = await loadSearchDocument(db, releaseId);
    if (!doc) {
      await db.deleteFrom('search_documents').where('release_id', '=', releaseId).execute();
      return;
    }
    await upsert([doc]);
  }

  /** Brings the entries of many releases up to date: the indexable ones upserted, the others deleted. */
  async function writeMany(releaseIds: number[]): Promise<number> {
    const ids = [...new Set(releaseIds)];
    if (ids.length === 0) return 0;
    const docs = await loadSearchDocuments(db, ids);
    const kept = new Set(docs.map((d) => d.releaseId));
    const gone = ids.filter((id) => !kept.has(id));
    if (gone.length > 0) await db.deleteFrom('search_documents').where('release_id', 'in', gone).execute();
    await upsert(docs);
    return docs.length;
  }

  async function upsert(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return;
    await db
      .insertInto('search_documents')
      .values(docs.map(row))
      .onConflict((oc) =>
        oc.column('release_id').doUpdateSet((eb) => ({
          language: eb.ref('excluded.language'),
          board_id: eb.ref('excluded.board_id'),
          first_published_at: eb.ref('excluded.first_published_at'),
          public_at: eb.ref('excluded.public_at'),
          department: eb.ref('excluded.department'),
          tags: eb.ref('excluded.tags'),
          document: eb.ref('excluded.document'),
          digest: eb.ref('excluded.digest'),
        })),
      )
      .execute();
  }

  /**
   * Runs a read under a fixed plan shape. The planner multiplies the selectivities of words, phrases
   * and facets as if independent and rare, and is wrong both ways at 100,000 releases (measured):
   * "budget" in Korean releases looks like 22% of the table, so a scan that stops early looks cheap
   * and reads every row to find none (300 ms); a phrase of six Korean bigrams found in 45,000
   * releases looks like 447, so its newest 500 come from a bitmap of all 45,000 rechecked (470 ms)
   * instead of a walk of the b-tree that stops after about 1,100 rows (5 ms).
   * `index`: matches from the GIN bitmap (counts, few matches). `walk`: a newest-first b-tree.
   */
  async function planned<T>(shape: 'index' | 'walk', read: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
    return db.transaction().execute(async (tx) => {
      // set_config(..., true) is SET LOCAL: both settings in one round trip, gone at commit.
      const other = shape === 'index' ? 'enable_indexscan' : 'enable_bitmapscan';
      await sql`select set_config('enable_seqscan', 'off', true), set_config(${other}, 'off', true)`.execute(tx);
      return read(tx);
    });
  }

  function query(q: SearchQuery): IndexQuery {
    const text = sql`to_tsquery('simple', ${tsQuery(q.clauses)})`;
    const facets = queryFacets(q);
    const tsquery = facets.length === 0 ? text : sql`(${text} && ${facetQuery(facets)}::tsquery)`;
    const dates = [...(q.from ? [sql`first_published_at >= ${q.from.getTime()}`] : []), ...(q.to ? [sql`first_published_at < ${q.to.getTime()}`] : [])];
    // What a row must pass: the words and facets (language, board, department, tags as facet
    // lexemes, answered by the GIN index with the words) and the public time.
    const match = sql`document @@ ${tsquery} and public_at <= ${q.now.getTime()}`;
    const where = sql.join([match, ...dates], sql` and `);
    // The rows a walk reads newest first: the search's language and board as b-tree prefixes (see
    // migration 2026112901), its dates as the b-tree's range.
    const prefix = [...(q.language ? [sql`language = ${q.language}`] : []), ...(q.boardId !== null ? [sql`board_id = ${q.boardId}`] : [])];
    const range = prefix.length + dates.length === 0 ? sql`true` : sql.join([...prefix, ...dates], sql` and `);
    const newestRows = (rows: number) =>
      sql`(select release_id, first_published_at, public_at, document from search_documents where ${range}
        order by first_published_at desc, release_id desc limit ${rows}) r`;

    // Learnt by the count: the share of matches among the newest rows of the range (from the
    // probe), and the number of matches when the count is exact.
    let density = 0;
    let exactTotal: number | null = null;

    /** Reads the newest `probeRows` of the range; `exhausted`: the range holds no more. */
    async function probe(tx: Kysely<Database>) {
      const row = (
        await sql<{ examined: number; matched: number }>`select count(*)::int as examined, (count(*) filter (where ${match}))::int as matched
          from ${newestRows(probeRows)}`.execute(tx)
      ).rows[0]!;
      density = row.examined === 0 ? 0 : row.matched / row.examined;
      return { matched: row.matched, exhausted: row.examined < probeRows };
    }

    /** How many rows a walk for `wanted` matches may read (twice what the density predicts), or null when the bitmap is cheaper. */
    function walkBound(wanted: number): number | null {
      if (density === 0 || wanted / density > maxWalkRows) return null;
      return Math.ceil((2 * wanted) / density) + probeRows;
    }

    /**
     * The newest matches: walking the range newest first (bounded) when the probe found them dense
     * enough, else from the GIN bitmap, sorted. A walk that comes back short (the matches thin out
     * past the newest rows) is answered again from the bitmap, so the bound costs time, never results.
     */
    async function newestMatches(limit: number, offset: number, scored: boolean): Promise<{ id: number; score: number }[]> {
      // ts_rank (frequency, title terms weighted A): ts_rank_cd's cover density costs 32 µs a
      // release for a phrase of six Korean bigrams, ts_rank 10 (500 of them: 16 ms against 5).
      const score = sql`-ts_rank(document, ${text})`;
      const bound = walkBound(limit + offset);
      if (bound !== null) {
        const rows = await planned('walk', (tx) =>
          sql<{ id: number; score: number }>`select release_id as id, ${scored ? score : sql`0`} as score from ${newestRows(bound)} where ${match}
            order by first_published_at desc, release_id desc limit ${limit} offset ${offset}`.execute(tx),
        );
        // Short: the last page, or matches thinning out past the bound.
        if (rows.rows.length === limit || (exactTotal !== null && offset + rows.rows.length >= exactTotal)) return rows.rows;
      }
      // `offset 0` keeps the planner from turning the subquery back into a walk. The page is sorted
      // by its ids and dates only; a ranked page's tsvectors are read again by id.
      const page = sql`(select release_id, first_published_at from (select release_id, first_published_at from search_documents where ${where} offset 0) matches
        order by first_published_at desc, release_id desc limit ${limit} offset ${offset}) page`;
      const rows = await planned('index', (tx) =>
        scored
          ? sql<{ id: number; score: number }>`select d.release_id as id, ${score} as score from ${page} join search_documents d using (release_id)
              order by page.first_published_at desc, page.release_id desc`.execute(tx)
          : sql<{ id: number; score: number }>`select release_id as id, 0 as score from ${page} order by first_published_at desc, release_id desc`.execute(tx),
      );
      return rows.rows;
    }

    /** Counts matches up to `upTo`, walking when they are dense, else from the bitmap. */
    async function countUpTo(upTo: number): Promise<number> {
      // A common word or phrase is counted walking the newest rows, stopping at `upTo` (a word in
      // 90% of the language's releases: 1,100 rows, 5 ms); a rarer one from the GIN bitmap.
      const walked = await planned('walk', async (tx) => {
        const found = await probe(tx);
        if (found.exhausted) return Math.min(found.matched, upTo);
        const bound = density < DENSE ? null : walkBound(upTo);
        if (bound === null) return null;
        const rows = await sql<{ n: number }>`select count(*)::int as n from (select 1 from ${newestRows(bound)} where ${match} limit ${upTo}) m`.execute(tx);
        const n = rows.rows[0]!.n;
        return n >= upTo ? n : null;
      });
      if (walked !== null) return walked;
      const rows = await planned('index', (tx) => sql<{ n: number }>`select count(*)::int as n from (select 1 from search_documents where ${where} limit ${upTo}) matches`.execute(tx));
      return rows.rows[0]!.n;
    }

    return {
      async count(upTo) {
        const counted = await countUpTo(upTo);
        if (counted < upTo) exactTotal = counted;
        return counted;
      },
      async newest(limit, offset) {
        return (await newestMatches(limit, offset, false)).map((r) => r.id);
      },
      newestScored: (limit) => newestMatches(limit, 0, true),
    };
  }

  return {
    indexRelease: write,
    indexReleases: writeMany,
    check: (onProgress) => checkIndex(db, 'search_documents', onProgress),

    async rebuild(onProgress) {
      const total = await countIndexable(db);
      // Truncate, not delete: 100,000 dead rows (and their GIN entries) would double what every
      // count visits until autovacuum came round.
      await sql`truncate search_documents`.execute(db);
      let done = 0;
      let after = 0;
      onProgress?.(0, total);
      for (;;) {
        const ids = await indexableIds(db, after, REBUILD_BATCH);
        if (ids.length === 0) break;
        const docs = await loadSearchDocuments(db, ids);
        // A release published while the rebuild runs may have been indexed already by its event.
        await upsert(docs);
        done += docs.length;
        after = ids[ids.length - 1]!;
        onProgress?.(Math.min(done, total), total);
      }
      // Moves the GIN pending list into the index and refreshes the planner's statistics.
      await sql`vacuum analyze search_documents`.execute(db);
      return done;
    },

    async search(q) {
      if (q.clauses.length === 0) return { total: 0, exact: true, items: [] };
      return runSearch(db, q, query(q), options);
    },
  };
}
