import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

/**
 * API tokens for the JSON API's write endpoints: named, owned by a staff user, scoped, optionally
 * expiring, revocable. Only the SHA-256 of the secret is stored; `token_hint` is its public prefix
 * so people can tell tokens apart. `scopes` is a JSON array of scope names.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('api_tokens'))
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'char(64)', (c) => c.notNull().unique())
    .addColumn('token_hint', 'varchar(20)', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .addColumn('revoked_by', 'integer')
    .addColumn('last_used_at', 'bigint')
    .execute();
  await db.schema.createIndex('api_tokens_owner_idx').on('api_tokens').column('owner_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_tokens').execute();
}
