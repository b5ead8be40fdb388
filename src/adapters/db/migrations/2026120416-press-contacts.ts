import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

/**
 * The press-contact directory (#16): contacts kept once, picked on releases. An edition remembers the
 * entry it was picked from (`editions.contact_id`) beside the details it was saved with, so its public
 * page shows the entry's current details; without the entry (deleted) it keeps the saved ones. No
 * foreign key: SQLite cannot drop a column that has one, and deleting an entry clears it itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('press_contacts'))
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('role', 'varchar(120)', (c) => c.notNull())
    .addColumn('phone', 'varchar(60)', (c) => c.notNull())
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('editions').addColumn('contact_id', 'integer').execute();
  await db.schema.createIndex('editions_contact_idx').on('editions').column('contact_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('editions_contact_idx').execute();
  await db.schema.alterTable('editions').dropColumn('contact_id').execute();
  await db.schema.dropTable('press_contacts').execute();
}
