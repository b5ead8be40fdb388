import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

/** Boards, releases with editions, attachments, number counters and the site content version. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('site_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('content_version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('site_state').values({ id: 1, content_version: 0 }).execute();

  await withIdColumn(db, db.schema.createTable('boards'))
    .addColumn('slug', 'varchar(60)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('name_ko', 'varchar(120)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(120)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('board_counters')
    .addColumn('board_id', 'integer', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    .addColumn('language', 'varchar(5)', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('board_counters_pk', ['board_id', 'language'])
    .execute();

  await withIdColumn(db, db.schema.createTable('releases'))
    .addColumn('board_id', 'integer', (c) => c.notNull().references('boards.id'))
    .addColumn('language', 'varchar(5)', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('unpublished'))
    .addColumn('live_edition_id', 'integer')
    .addColumn('first_published_at', 'bigint')
    .addColumn('public_at', 'bigint')
    .addColumn('embargo_until', 'bigint')
    .addColumn('public_updated_at', 'bigint')
    .addColumn('withdrawn_at', 'bigint')
    .addColumn('withdrawal_reason', 'text')
    .addColumn('translation_group', 'varchar(64)')
    .addColumn('view_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('releases_board_language_number_uq', ['board_id', 'language', 'number'])
    .execute();
  // Covers the public list: filter, order and the visibility rule read from the index alone, so
  // deep pages skip index entries instead of table rows.
  await db.schema
    .createIndex('releases_public_list_idx')
    .on('releases')
    .columns(['board_id', 'language', 'status', 'number', 'public_at'])
    .execute();
  await db.schema.createIndex('releases_public_at_idx').on('releases').column('public_at').execute();
  await db.schema.createIndex('releases_translation_group_idx').on('releases').column('translation_group').execute();

  await withIdColumn(db, db.schema.createTable('editions'))
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('edition_no', 'integer', (c) => c.notNull())
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('subtitle', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('body_markdown', 'text', (c) => c.notNull())
    .addColumn('department', 'varchar(120)', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_name', 'varchar(120)')
    .addColumn('contact_phone', 'varchar(60)')
    .addColumn('contact_email', 'varchar(254)')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('change_note', 'text')
    .addColumn('published_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('lock_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('editions_release_edition_no_uq', ['release_id', 'edition_no'])
    .execute();

  await withIdColumn(db, db.schema.createTable('attachments'))
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'char(64)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('mime_type', 'varchar(127)', (c) => c.notNull())
    .addColumn('byte_size', 'bigint', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('alt_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .execute();
  await db.schema.createIndex('attachments_edition_idx').on('attachments').columns(['edition_id', 'position']).execute();
  await db.schema.createIndex('attachments_sha256_idx').on('attachments').column('sha256').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['attachments', 'editions', 'releases', 'board_counters', 'boards', 'site_state']) {
    await db.schema.dropTable(table).execute();
  }
}
