import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

/**
 * Where imported releases came from, so a second run of an importer recognises every item it has
 * already brought in: one row per source item, keyed by the SHA-256 of its identity (the source URL,
 * feed GUID or Atom id, WordPress GUID, or a hash of the content when the source names none).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('import_sources'))
    .addColumn('key_hash', 'char(64)', (c) => c.notNull().unique())
    .addColumn('source_key', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('content_hash', 'char(64)', (c) => c.notNull())
    .addColumn('release_id', 'integer', (c) => c.references('releases.id').onDelete('set null'))
    .addColumn('imported_at', 'bigint', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('import_sources_release_idx').on('import_sources').column('release_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_sources').execute();
}
