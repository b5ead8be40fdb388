import { sql, type Kysely } from 'kysely';
import { withIdColumn } from '../dialect.js';

/**
 * Email distribution (#14): public subscriptions (double opt-in), the durable outbox every email is
 * written to before it is sent, the releases already alerted, one delivery record per
 * (subscription, release, edition) so nothing is mailed twice, and secrets shared by every server
 * process (the HMAC key of subscription links). Times are epoch ms.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('subscriptions'))
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('board_id', 'integer', (c) => c.references('boards.id').onDelete('cascade'))
    .addColumn('tag', 'varchar(100)')
    .addColumn('query', 'varchar(200)')
    .addColumn('criteria_key', 'varchar(400)', (c) => c.notNull())
    .addColumn('frequency', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('confirmed_at', 'bigint')
    .addColumn('last_digest_at', 'bigint')
    .execute();
  await db.schema.createIndex('subscriptions_identity_uq').on('subscriptions').columns(['email', 'language', 'criteria_key']).unique().execute();
  await db.schema.createIndex('subscriptions_match_idx').on('subscriptions').columns(['status', 'language', 'frequency']).execute();

  await withIdColumn(db, db.schema.createTable('outbox_emails'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('recipient', 'varchar(320)', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('message_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_by', 'varchar(200)')
    .addColumn('locked_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('subscription_id', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema.createIndex('outbox_emails_due_idx').on('outbox_emails').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_emails_recipient_idx').on('outbox_emails').column('recipient').execute();

  await db.schema
    .createTable('release_alerts')
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('edition_id', 'integer', (c) => c.notNull())
    .addColumn('alerted_at', 'bigint', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('release_alerts_pk', ['release_id', 'edition_id'])
    .execute();

  await db.schema
    .createTable('subscription_deliveries')
    .addColumn('subscription_id', 'integer', (c) => c.notNull().references('subscriptions.id').onDelete('cascade'))
    .addColumn('release_id', 'integer', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('edition_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('outbox_id', 'integer')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('subscription_deliveries_pk', ['subscription_id', 'release_id', 'edition_id'])
    .execute();
  await db.schema.createIndex('subscription_deliveries_pending_idx').on('subscription_deliveries').columns(['subscription_id', 'status']).execute();

  await db.schema
    .createTable('app_secrets')
    .addColumn('name', 'varchar(60)', (c) => c.primaryKey())
    .addColumn('value', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  // Alerts look for editions published recently; without this they would scan every edition.
  await sql`create index editions_published_at_idx on editions (published_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index editions_published_at_idx`.execute(db);
  for (const table of ['app_secrets', 'subscription_deliveries', 'release_alerts', 'outbox_emails', 'subscriptions']) await db.schema.dropTable(table).execute();
}
