import { sql, type Kysely } from 'kysely';
import type { QueryClause } from '../../domain/search-text.js';
import type { SearchIndex } from '../../ports/search-index.js';
import type { Database } from '../db/schema.js';
import { countIndexable, indexableIds, loadSearchDocument, loadSearchDocuments, REBUILD_BATCH, runSearch, type SearchIndexOptions, type SearchDocument } from './search-documents.js';

/** A tsquery text: each clause a phrase (<->) of quoted terms (a lone CJK character as a prefix), ANDed. */
export function tsQuery(clauses: QueryClause[]): string {
  const quote = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return clauses.map((c) => (c.prefix ? `${quote(c.terms[0]!)}:*` : `(${c.terms.map(quote).join(' <-> ')})`)).join(' & ');
}

/** The stored document: title terms weighted A, the rest B. */
const tsvector = (doc: SearchDocument) => sql<string>`setweight(to_tsvector('simple', ${doc.title}), 'A') || setweight(to_tsvector('simple', ${doc.body}), 'B')`;

/** Full-text search on PostgreSQL: a tsvector ('simple') of pre-tokenized text, GIN-indexed. */
export function makePostgresSearchIndex(db: Kysely<Database>, options: SearchIndexOptions = {}): SearchIndex {
  async function write(releaseId: number): Promise<void> {
    const doc = await loadSearchDocument(db, releaseId);
    if (!doc) {
      await db.deleteFrom('search_documents').where('release_id', '=', releaseId).execute();
      return;
    }
    const document = tsvector(doc);
    await db
      .insertInto('search_documents')
      .values({ release_id: doc.releaseId, document })
      .onConflict((oc) => oc.column('release_id').doUpdateSet({ document }))
      .execute();
  }

  return {
    indexRelease: write,

    async rebuild(onProgress) {
      const total = await countIndexable(db);
      await db.deleteFrom('search_documents').execute();
      let done = 0;
      let after = 0;
      onProgress?.(0, total);
      for (;;) {
        const ids = await indexableIds(db, after, REBUILD_BATCH);
        if (ids.length === 0) break;
        const docs = await loadSearchDocuments(db, ids);
        // A release published while the rebuild runs may have been indexed already by its event.
        if (docs.length > 0) {
          await db
            .insertInto('search_documents')
            .values(docs.map((d) => ({ release_id: d.releaseId, document: tsvector(d) })))
            .onConflict((oc) => oc.column('release_id').doUpdateSet((eb) => ({ document: eb.ref('excluded.document') })))
            .execute();
        }
        done += docs.length;
        after = ids[ids.length - 1]!;
        onProgress?.(Math.min(done, total), total);
      }
      return done;
    },

    async search(q) {
      if (q.clauses.length === 0) return { total: 0, items: [] };
      const query = sql`to_tsquery('simple', ${tsQuery(q.clauses)})`;
      return runSearch(db, q, sql<boolean>`releases.id in (select release_id from search_documents where document @@ ${query})`, async (ids) => {
        if (ids.length === 0) return new Map();
        const rows = await sql<{ id: number; score: number }>`select release_id as id, -ts_rank_cd(document, ${query}) as score from search_documents
          where release_id = any(${ids})`.execute(db);
        return new Map(rows.rows.map((r) => [r.id, Number(r.score)]));
      }, options.relevanceWindow);
    },
  };
}
