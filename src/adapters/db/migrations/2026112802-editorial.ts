import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

/** The editions' workflow columns. */
const EDITION_COLUMNS = [
  ['created_by', 'integer'],
  ['submitted_by', 'integer'],
  ['approved_by', 'integer'],
  ['scheduled_at', 'bigint'],
  ['embargo_until', 'bigint'],
  ['review_comment', 'text'],
  ['is_minor_change', 'integer'],
] as const;

/** Workflow, revisions, scheduling jobs, embargo preview links and the audit trail. */
export async function up(db: Kysely<any>): Promise<void> {
  for (const [column, type] of EDITION_COLUMNS) await db.schema.alterTable('editions').addColumn(column, type).execute();

  await withIdColumn(db, db.schema.createTable('revisions'))
    .addColumn('edition_id', 'integer', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('revision_no', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer')
    .addColumn('author_label', 'varchar(254)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('revisions_edition_no_uq', ['edition_id', 'revision_no'])
    .execute();

  await withIdColumn(db, db.schema.createTable('jobs'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('edition_id', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'varchar(120)')
    .addColumn('locked_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();

  await withIdColumn(db, db.schema.createTable('preview_links'))
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('token_hash', 'char(64)', (c) => c.notNull().unique())
    .addColumn('recipient', 'varchar(254)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .addColumn('last_opened_at', 'bigint')
    .addColumn('open_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withIdColumn(db, db.schema.createTable('audit_log'))
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_label', 'varchar(254)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('action', 'varchar(60)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(30)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(64)')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_subject_idx').on('audit_log').columns(['subject_type', 'subject_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'preview_links', 'jobs', 'revisions']) await db.schema.dropTable(table).execute();
  // The editions' workflow columns too (missing until #20: down then up failed on "duplicate column").
  for (const [column] of [...EDITION_COLUMNS].reverse()) await db.schema.alterTable('editions').dropColumn(column).execute();
}
