import { sql, type Kysely } from 'kysely';
import type { QueryClause } from '../../domain/search-text.js';
import type { SearchIndex } from '../../ports/search-index.js';
import type { Database } from '../db/schema.js';
import { countIndexable, indexableIds, loadSearchDocument, runSearch } from './search-documents.js';

/** An FTS5 MATCH expression: each clause a quoted phrase (a lone CJK character as a prefix), ANDed. */
export function fts5Query(clauses: QueryClause[]): string {
  return clauses.map((c) => `"${c.terms.join(' ').replace(/"/g, '""')}"${c.prefix ? '*' : ''}`).join(' ');
}

/** Full-text search on SQLite: an FTS5 table over pre-tokenized text, rowid = release id. */
export function makeSqliteSearchIndex(db: Kysely<Database>): SearchIndex {
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
        const ids = await indexableIds(db, after, 200);
        if (ids.length === 0) break;
        for (const id of ids) await write(id);
        done += ids.length;
        after = ids[ids.length - 1]!;
        onProgress?.(Math.min(done, total), total);
      }
      return done;
    },

    async search(q) {
      if (q.clauses.length === 0) return { total: 0, items: [] };
      const match = fts5Query(q.clauses);
      return runSearch(
        db,
        q,
        sql<boolean>`releases.id in (select rowid from search_fts where search_fts match ${match})`,
        sql<number>`(select bm25(search_fts, 5.0, 1.0) from search_fts where search_fts match ${match} and rowid = releases.id)`,
      );
    },
  };
}
