import { sql, type Kysely } from 'kysely';
import type { QueryClause } from '../../domain/search-text.js';
import type { SearchIndex } from '../../ports/search-index.js';
import type { Database } from '../db/schema.js';
import { countIndexable, indexableIds, loadSearchDocument, loadSearchDocuments, REBUILD_BATCH, runSearch, type SearchIndexOptions } from './search-documents.js';

/** An FTS5 MATCH expression: each clause a quoted phrase (a lone CJK character as a prefix), ANDed. */
export function fts5Query(clauses: QueryClause[]): string {
  return clauses.map((c) => `"${c.terms.join(' ').replace(/"/g, '""')}"${c.prefix ? '*' : ''}`).join(' ');
}

/** Full-text search on SQLite: an FTS5 table over pre-tokenized text, rowid = release id. */
export function makeSqliteSearchIndex(db: Kysely<Database>, options: SearchIndexOptions = {}): SearchIndex {
  async function write(releaseId: number): Promise<void> {
    const doc = await loadSearchDocument(db, releaseId);
    await db.transaction().execute(async (tx) => {
      await tx.deleteFrom('search_fts').where('rowid', '=', releaseId).execute();
      if (doc) await tx.insertInto('search_fts').values({ rowid: doc.releaseId, title: doc.title, body: doc.body }).execute();
    });
  }

  return {
    indexRelease: write,

    async rebuild(onProgress) {
      const total = await countIndexable(db);
      await db.deleteFrom('search_fts').execute();
      let done = 0;
      let after = 0;
      onProgress?.(0, total);
      for (;;) {
        const ids = await indexableIds(db, after, REBUILD_BATCH);
        if (ids.length === 0) break;
        const docs = await loadSearchDocuments(db, ids);
        // Delete first: a release published while the rebuild runs may have been indexed by its event.
        await db.transaction().execute(async (tx) => {
          await tx.deleteFrom('search_fts').where('rowid', 'in', ids).execute();
          if (docs.length > 0) await tx.insertInto('search_fts').values(docs.map((d) => ({ rowid: d.releaseId, title: d.title, body: d.body }))).execute();
        });
        done += docs.length;
        after = ids[ids.length - 1]!;
        onProgress?.(Math.min(done, total), total);
      }
      return done;
    },

    async search(q) {
      if (q.clauses.length === 0) return { total: 0, items: [] };
      const match = fts5Query(q.clauses);
      return runSearch(db, q, sql<boolean>`releases.id in (select rowid from search_fts where search_fts match ${match})`, async (ids) => {
        if (ids.length === 0) return new Map();
        // bm25 needs a MATCH query of its own; a rowid range (not a list of probes) keeps it to one pass.
        const rows = await sql<{ id: number; score: number }>`select rowid as id, bm25(search_fts, 5.0, 1.0) as score from search_fts
          where search_fts match ${match} and rowid >= ${Math.min(...ids)} and rowid <= ${Math.max(...ids)}`.execute(db);
        return new Map(rows.rows.map((r) => [r.id, r.score]));
      }, options.relevanceWindow);
    },
  };
}
