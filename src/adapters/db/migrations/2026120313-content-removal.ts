import type { Kysely } from 'kysely';

/**
 * Withdrawal with the content taken down (a legal or safety takedown, #13): when set, the public
 * page keeps only the title, dates and the withdrawal notice, and the release's files, image copies,
 * API body and print view answer 410 Gone. Epoch milliseconds, like every other time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('releases').addColumn('content_removed_at', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('releases').dropColumn('content_removed_at').execute();
}
