import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

/**
 * Embargoed distribution to journalists (#14): staff-kept lists of journalists, and one record per
 * (address, release, edition) mailed, with the planned public time the journalist was told, so a
 * release is never mailed twice to one address and a moved or lifted embargo is noticed from state.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('journalist_lists'))
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await withIdColumn(db, db.schema.createTable('journalists'))
    .addColumn('list_id', 'integer', (c) => c.notNull().references('journalist_lists.id').onDelete('cascade'))
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('outlet', 'varchar(120)', (c) => c.notNull())
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('accredited', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('journalists_list_email_uq').on('journalists').columns(['list_id', 'email']).unique().execute();

  await withIdColumn(db, db.schema.createTable('embargo_sends'))
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('edition_id', 'integer', (c) => c.notNull())
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('journalist_name', 'varchar(120)', (c) => c.notNull())
    .addColumn('preview_link_id', 'integer', (c) => c.notNull())
    .addColumn('outbox_id', 'integer', (c) => c.notNull())
    .addColumn('announced_public_at', 'bigint')
    .addColumn('settled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('embargo_sends_once_uq').on('embargo_sends').columns(['email', 'release_id', 'edition_id']).unique().execute();
  await db.schema.createIndex('embargo_sends_unsettled_idx').on('embargo_sends').columns(['settled', 'release_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['embargo_sends', 'journalists', 'journalist_lists']) await db.schema.dropTable(table).execute();
}
