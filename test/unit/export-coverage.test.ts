import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectDatabase, migrateToLatest } from '../../src/adapters/db/connect.js';
import { attachmentRecord, editionRecord, releaseRecord, revisionRecord, STREAMS } from '../../src/app/transfer/export-format.js';

const keys = (schema: { shape: object }, ...without: string[]) => Object.keys(schema.shape).filter((k) => !without.includes(k));

/**
 * Where every column of the schema goes in an export: the format's own fields (plus the parent id a
 * nested record implies), or a documented exclusion (docs/export-format.md, "Deliberately not exported").
 */
const COLUMNS: Record<string, string[]> = {
  boards: keys(STREAMS.boards),
  board_counters: keys(STREAMS.board_counters),
  users: [...keys(STREAMS.users), 'password_hash', 'password_changed_at', 'totp_secret', 'totp_pending_secret', 'totp_enabled_at', 'totp_last_step', 'notify_by_email'],
  releases: keys(releaseRecord, 'editions'),
  editions: [...keys(editionRecord, 'attachments', 'revisions'), 'release_id', 'contact_id'],
  attachments: [...keys(attachmentRecord), 'edition_id'],
  revisions: [...keys(revisionRecord), 'edition_id', 'autosave_started_at'],
  image_derivatives: keys(STREAMS.image_derivatives),
  jobs: keys(STREAMS.jobs),
  preview_links: keys(STREAMS.preview_links),
  import_sources: keys(STREAMS.import_sources),
  audit_log: keys(STREAMS.audit_log),
};
/** Secrets, short-lived security state and derived data. */
const EXCLUDED_TABLES = ['recovery_codes', 'sessions', 'login_throttle', 'rate_windows', 'api_tokens', 'site_state', 'subscriptions', 'outbox_emails', 'release_alerts', 'subscription_deliveries', 'app_secrets', 'search_outbox', 'attachment_texts', 'journalist_lists', 'journalists', 'embargo_sends', 'staff_notifications', 'notified_audit_entries', 'webhook_endpoints', 'webhook_events', 'webhook_deliveries', 'press_contacts', 'staff_invitations', 'release_daily_views'];

test('every table and column is in the export format or deliberately excluded', async () => {
  const db = connectDatabase({ kind: 'sqlite', file: ':memory:' });
  try {
    await migrateToLatest(db);
    for (const table of await db.introspection.getTables()) {
      if (EXCLUDED_TABLES.includes(table.name) || table.name.startsWith('search_fts')) continue;
      const expected = COLUMNS[table.name];
      assert.ok(expected, `table ${table.name} is neither exported nor excluded: add it to src/app/transfer/export-format.ts or to docs/export-format.md`);
      assert.deepEqual(
        table.columns.map((c) => c.name).sort(),
        [...expected].sort(),
        `${table.name}: a column is missing from the export format (or the format names one the table lacks)`,
      );
    }
  } finally {
    await db.destroy();
  }
});
