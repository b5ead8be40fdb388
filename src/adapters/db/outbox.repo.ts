import { sql, type Kysely, type Selectable } from 'kysely';
import type { OutboxEmail, OutboxRepo, OutboxStatus } from '../../ports/distribution.js';
import { isPostgres } from './dialect.js';
import type { Database } from './schema.js';
import type { OutboxEmailsTable } from './schema-distribution.js';

function toEmail(r: Selectable<OutboxEmailsTable>): OutboxEmail {
  return {
    id: r.id,
    kind: r.kind as OutboxEmail['kind'],
    recipient: r.recipient,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    headers: JSON.parse(r.headers) as Record<string, string>,
    messageId: r.message_id,
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    nextAttemptAt: new Date(Number(r.next_attempt_at)),
    lastError: r.last_error,
    subscriptionId: r.subscription_id,
    createdAt: new Date(Number(r.created_at)),
    sentAt: r.sent_at === null ? null : new Date(Number(r.sent_at)),
  };
}

/** The durable outbox table; claims work like the job queue's (SKIP LOCKED on PostgreSQL). */
export function makeOutboxRepo(db: Kysely<Database>): OutboxRepo {
  return {
    async add(e) {
      const row = await db
        .insertInto('outbox_emails')
        .values({
          kind: e.kind,
          recipient: e.recipient,
          subject: e.subject,
          text_body: e.text,
          html_body: e.html,
          headers: JSON.stringify(e.headers),
          message_id: e.messageId,
          status: e.status,
          next_attempt_at: e.createdAt.getTime(),
          subscription_id: e.subscriptionId,
          created_at: e.createdAt.getTime(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async claimDue(now, workerId, limit, leaseMs) {
      let due = db
        .selectFrom('outbox_emails')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now.getTime())]),
            eb.and([eb('status', '=', 'sending'), eb('locked_at', '<', now.getTime() - leaseMs)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit);
      if (isPostgres(db)) due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('outbox_emails')
        .set({ status: 'sending', locked_by: workerId, locked_at: now.getTime(), attempts: sql`attempts + 1` })
        .where('id', 'in', due)
        .returningAll()
        .execute();
      return rows.map(toEmail).sort((a, b) => a.id - b.id);
    },
    async markSent(id, at) {
      await db.updateTable('outbox_emails').set({ status: 'sent', sent_at: at.getTime(), locked_at: null, last_error: null }).where('id', '=', id).execute();
    },
    async markRetry(id, error, nextAttemptAt) {
      await db.updateTable('outbox_emails').set({ status: 'queued', next_attempt_at: nextAttemptAt.getTime(), locked_at: null, last_error: error }).where('id', '=', id).execute();
    },
    async markFailed(id, error) {
      await db.updateTable('outbox_emails').set({ status: 'failed', locked_at: null, last_error: error }).where('id', '=', id).execute();
    },
    async get(id) {
      const row = await db.selectFrom('outbox_emails').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toEmail(row) : null;
    },
    async list(q) {
      let query = db.selectFrom('outbox_emails').selectAll().orderBy('id', 'desc').limit(q.limit);
      if (q.status) query = query.where('status', '=', q.status);
      if (q.beforeId) query = query.where('id', '<', q.beforeId);
      return (await query.execute()).map(toEmail);
    },
    async listByRecipient(email) {
      return (await db.selectFrom('outbox_emails').selectAll().where('recipient', '=', email).orderBy('id').execute()).map(toEmail);
    },
    async removeByRecipient(email) {
      const r = await db.deleteFrom('outbox_emails').where('recipient', '=', email).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
