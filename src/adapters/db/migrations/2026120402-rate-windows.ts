import type { Kysely } from 'kysely';

/**
 * Request allowances shared by every server (#18): attempts per key (`api-token:<address>`,
 * `subscribe-client:<address>`, `subscribe-address:<sha-256 of the address>`) within a fixed window
 * that starts with the first attempt. Kept in memory per process before, so N servers behind a load
 * balancer allowed N times as many guesses. Times are epoch ms.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_windows')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_windows_started_idx').on('rate_windows').column('started_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_windows').execute();
}
