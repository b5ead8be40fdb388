import type { Kysely } from 'kysely';

/**
 * Autosaves of the release editor (#16) are revisions marked with the time their autosave run
 * started (`autosave_started_at`; null for an explicit save). The same author's autosaves within a
 * few minutes of that start update the revision instead of adding one, so an hour of typing leaves
 * a handful of revisions, not hundreds. `created_at` stays the time its content was last written.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('revisions').addColumn('autosave_started_at', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('revisions').dropColumn('autosave_started_at').execute();
}
