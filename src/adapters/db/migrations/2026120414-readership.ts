import type { Kysely } from 'kysely';

/**
 * Readership and a readable audit trail (#16). `release_daily_views` keeps a release's page views
 * per calendar day of the newsroom's time zone (`day` is YYYY-MM-DD, so text order is date order);
 * only counts, filled by the same batching as `releases.view_count`: nothing about any reader. The
 * (day, release_id, views) index answers "top releases between two days" without reading the
 * table. The two audit indexes serve the audit page's filters by person and by action, newest first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('release_daily_views')
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('release_daily_views_pk', ['release_id', 'day'])
    .execute();
  await db.schema.createIndex('release_daily_views_day_idx').on('release_daily_views').columns(['day', 'release_id', 'views']).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'id']).execute();
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_action_idx').execute();
  await db.schema.dropIndex('audit_log_actor_idx').execute();
  await db.schema.dropTable('release_daily_views').execute();
}
