import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * PostgreSQL only: searches with many matches read them newest first along a b-tree, testing each
 * row's tsvector (adapters/search/postgres-search-index.ts), and that test must be cheap.
 *
 * - The tsvector stays in the row (storage MAIN) instead of TOAST: a tsvector of 2-3 kB does not
 *   compress, so it was stored out of line, and reading it back (a TOAST index lookup and two
 *   chunks) was most of a walk's cost: 500 matches of a common word in 6.5 ms, 2.7 ms in line
 *   (measured at 100,000 releases). Existing rows are rewritten so they move in line too.
 * - (language, board, first publication) and (board, first publication) b-trees, so a search
 *   within one board walks that board's releases rather than every release of the language.
 *
 * SQLite's FTS5 keeps its own posting lists: nothing changes there.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table search_documents alter column document set storage main`.execute(db);
  // A new value (the same lexemes) is stored under the new storage; an unchanged one keeps its
  // TOAST pointer.
  await sql`update search_documents set document = document || ''::tsvector`.execute(db);
  await sql`create index search_documents_language_board_newest_idx on search_documents (language, board_id, first_published_at desc, release_id desc)`.execute(db);
  await sql`create index search_documents_board_newest_idx on search_documents (board_id, first_published_at desc, release_id desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop index search_documents_board_newest_idx`.execute(db);
  await sql`drop index search_documents_language_board_newest_idx`.execute(db);
  await sql`alter table search_documents alter column document set storage extended`.execute(db);
}
