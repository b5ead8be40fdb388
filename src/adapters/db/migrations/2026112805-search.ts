import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

/**
 * Full-text search. Both databases store the same pre-tokenized text (domain/search-text.ts):
 * SQLite in an FTS5 table (unicode61 over the tokens, rowid = release id), PostgreSQL as a
 * tsvector ('simple' configuration over the tokens) with a GIN index. Run `pressroom reindex` to
 * fill it for releases published before this migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await db.schema
      .createTable('search_documents')
      .addColumn('release_id', 'integer', (c) => c.primaryKey().references('releases.id').onDelete('cascade'))
      .addColumn('document', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index search_documents_document_idx on search_documents using gin (document)`.execute(db);
    return;
  }
  await sql`create virtual table search_fts using fts5(title, body, tokenize = 'unicode61')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await db.schema.dropTable('search_documents').execute();
  else await sql`drop table search_fts`.execute(db);
}
