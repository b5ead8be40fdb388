import { sql, type Kysely } from 'kysely';
import type { QueryClause } from '../../domain/search-text.js';
import type { SearchIndex, SearchQuery } from '../../ports/search-index.js';
import type { Database } from '../db/schema.js';
import { countIndexable, documentFacets, indexableIds, loadSearchDocument, loadSearchDocuments, queryFacets, REBUILD_BATCH, runSearch, type IndexQuery, type SearchDocument, type SearchIndexOptions } from './search-documents.js';

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
});

/**
 * Full-text search on PostgreSQL: a tsvector ('simple') of pre-tokenized text plus facet lexemes,
 * GIN-indexed, next to the filter columns; (language, first publication) b-trees serve newest first.
 */
export function makePostgresSearchIndex(db: Kysely<Database>, options: SearchIndexOptions = {}): SearchIndex {
  async function write(releaseId: number): Promise<void> {
    const doc = await loadSearchDocument(db, releaseId);
    if (!doc) {
      await db.deleteFrom('search_documents').where('release_id', '=', releaseId).execute();
      return;
    }
    await upsert([doc]);
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
   * `index`: matches from the GIN bitmap (counts, few matches). `walk`: the newest-first b-tree.
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
    const hasPhrase = q.clauses.some((c) => c.terms.length > 1);
    const tsquery = facets.length === 0 ? text : sql`(${text} && ${facetQuery(facets)}::tsquery)`;
    // Language, board, department and tags are facet lexemes, answered by the GIN index with the
    // words (a b-tree on language as well only adds a bitmap to AND); dates are columns.
    const where = sql.join(
      [
        sql`document @@ ${tsquery}`,
        sql`public_at <= ${q.now.getTime()}`,
        ...(q.from ? [sql`first_published_at >= ${q.from.getTime()}`] : []),
        ...(q.to ? [sql`first_published_at < ${q.to.getTime()}`] : []),
      ],
      sql` and `,
    );
    return {
      async count(upTo) {
        const rows = await planned('index', (tx) => sql<{ n: string }>`select count(*) as n from (select 1 from search_documents where ${where} limit ${upTo}) matches`.execute(tx));
        return Number(rows.rows[0]?.n ?? 0);
      },
      async newest(limit, offset, many) {
        // Many matches: walk the (first publication, id) b-tree, testing each row, and stop at the
        // page. Few: that walk would test most of the table to find them (a language without the
        // word: every row), so take them from the GIN index and sort; `offset 0` keeps the planner
        // from turning the subquery back into the walk.
        // The planner picks well between the walk and a bitmap for words and facets (at 5% density a
        // bitmap beats walking 20 rows per match), but takes any phrase for a rare one: walk then.
        const walk = (tx: Kysely<Database>) =>
          sql<{ id: number }>`select release_id as id from search_documents where ${where}
            order by first_published_at desc, release_id desc limit ${limit} offset ${offset}`.execute(tx);
        const rows = many
          ? await (hasPhrase ? planned('walk', walk) : walk(db))
          : await planned('index', (tx) =>
              sql<{ id: number }>`select id from (select release_id as id, first_published_at from search_documents where ${where} offset 0) matches
                order by first_published_at desc, id desc limit ${limit} offset ${offset}`.execute(tx),
            );
        return rows.rows.map((r) => r.id);
      },
      async score(ids) {
        if (ids.length === 0) return new Map();
        const rows = await sql<{ id: number; score: number }>`select release_id as id, -ts_rank_cd(document, ${text}) as score from search_documents
          where release_id = any(${ids})`.execute(db);
        return new Map(rows.rows.map((r) => [r.id, Number(r.score)]));
      },
    };
  }

  return {
    indexRelease: write,

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
