import type { Kysely } from 'kysely';

/**
 * Text views of attachments (#19): one row per stored file (by content address, so a file carried by
 * several editions or releases is read once). The row is also the extraction's durable job: `pending`
 * rows are claimed with a lease (`locked_by`, `lease_until`) like scheduled publications, so a worker
 * that dies mid-extraction loses nothing. `done` rows hold sanitized HTML and plain text; `failed`
 * rows say why there is no text view (`reason`); `partial` marks a view cut at a limit or read from
 * a preview stream only (HWP 5).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachment_texts')
    .addColumn('sha256', 'char(64)', (c) => c.primaryKey())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('html', 'text')
    .addColumn('plain_text', 'text')
    .addColumn('language', 'text')
    .addColumn('partial', 'text')
    .addColumn('reason', 'text')
    .addColumn('page_count', 'integer')
    .addColumn('queued_at', 'bigint', (c) => c.notNull())
    .addColumn('extracted_at', 'bigint')
    .execute();
  await db.schema.createIndex('attachment_texts_due_idx').on('attachment_texts').columns(['status', 'run_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachment_texts').execute();
}
