import type { Kysely } from 'kysely';

/**
 * The reviewer an editor assigned to an edition in review (#16): the dashboard's "assigned to me"
 * and the notification read it. No foreign key, like the edition's other people columns
 * (created_by, submitted_by, approved_by): an account is disabled, never deleted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('editions').addColumn('reviewer_id', 'integer').execute();
  await db.schema.createIndex('editions_reviewer').on('editions').column('reviewer_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('editions_reviewer').execute();
  await db.schema.alterTable('editions').dropColumn('reviewer_id').execute();
}
