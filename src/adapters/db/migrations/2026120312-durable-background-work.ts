import { sql, type Kysely } from 'kysely';
import { isPostgres, withIdColumn } from '../dialect.js';

/**
 * Background work that survives a crash (kill -9, power loss):
 *
 * - `jobs.scheduled_for`: the publication time a job was made for. `run_at` moves when a failed job
 *   is retried; this does not, and a job whose edition is no longer scheduled for exactly this time
 *   does nothing. Existing jobs take their edition's current time when they are that edition's
 *   latest job (the one its last scheduling made), otherwise their own `run_at`, so a job left over
 *   from an earlier schedule never matches a later one.
 * - `jobs.lease_until`: a claim is a lease that expires; a `running` job whose lease has run out (or
 *   that has none, as every job running before this migration) is claimed again.
 * - `search_outbox`: releases whose search entry must be brought up to date, written in the same
 *   transaction as the change; the indexer deletes a row once the entry is written.
 * - the search entries' `digest` (SHA-256 of what was indexed): `pressroom reindex --check` compares
 *   it with what would be indexed now. Entries written before this migration have none (only their
 *   filter columns are compared) until the next `pressroom reindex`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('scheduled_for', 'bigint').execute();
  await db.schema.alterTable('jobs').addColumn('lease_until', 'bigint').execute();
  await sql`update jobs set scheduled_for = coalesce(
      case when id = (select max(j2.id) from jobs j2 where j2.edition_id = jobs.edition_id)
        then (select e.scheduled_at from editions e where e.id = jobs.edition_id and e.state = 'scheduled') end,
      run_at)`.execute(db);

  await withIdColumn(db, db.schema.createTable('search_outbox'))
    .addColumn('release_id', 'integer', (c) => c.notNull())
    .addColumn('queued_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable(isPostgres(db) ? 'search_documents' : 'search_fts_entries')
    .addColumn('digest', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable(isPostgres(db) ? 'search_documents' : 'search_fts_entries').dropColumn('digest').execute();
  await db.schema.dropTable('search_outbox').execute();
  await db.schema.alterTable('jobs').dropColumn('lease_until').execute();
  await db.schema.alterTable('jobs').dropColumn('scheduled_for').execute();
}
