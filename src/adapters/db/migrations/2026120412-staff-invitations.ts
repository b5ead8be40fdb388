import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

/**
 * Staff invitations (#16): an administrator invites a person by a one-time link; only the SHA-256
 * of the link's secret is stored. A link is used once (`used_at`), lapses at `expires_at`, and can be
 * revoked; the account it created is `user_id`. Times are epoch ms.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('staff_invitations'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_by_label', 'varchar(254)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addColumn('user_id', 'integer')
    .execute();
  await db.schema.createIndex('staff_invitations_email_idx').on('staff_invitations').column('email').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_invitations').execute();
}
