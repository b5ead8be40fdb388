import type { Kysely } from 'kysely';
import type { QueueName, QueueStat, QueueStats } from '../../ports/queue-stats.js';
import type { Database } from './schema.js';

type Row = { depth: number | string | null; oldest: number | string | null };
const toStat = (queue: QueueName, row: Row | undefined): QueueStat => ({
  queue,
  depth: Number(row?.depth ?? 0),
  oldestDueAt: row?.oldest === null || row?.oldest === undefined ? null : new Date(Number(row.oldest)),
});

/**
 * Backlogs from the queue tables themselves: due work (pending or queued, its time come) plus work
 * being done (running or sending). A publication scheduled for next week is not a backlog.
 */
export function makeQueueStats(db: Kysely<Database>): QueueStats {
  return {
    async read(now) {
      const t = now.getTime();
      const [jobs, texts, search, mail, hooks] = await Promise.all([
        db
          .selectFrom('jobs')
          .select((eb) => [eb.fn.countAll<number>().as('depth'), eb.fn.min('run_at').as('oldest')])
          .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', t)]), eb('status', '=', 'running')]))
          .executeTakeFirst(),
        db
          .selectFrom('attachment_texts')
          .select((eb) => [eb.fn.countAll<number>().as('depth'), eb.fn.min('run_at').as('oldest')])
          .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', t)]), eb('status', '=', 'running')]))
          .executeTakeFirst(),
        db.selectFrom('search_outbox').select((eb) => [eb.fn.countAll<number>().as('depth'), eb.fn.min('queued_at').as('oldest')]).executeTakeFirst(),
        db
          .selectFrom('outbox_emails')
          .select((eb) => [eb.fn.countAll<number>().as('depth'), eb.fn.min('next_attempt_at').as('oldest')])
          .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', t)]), eb('status', '=', 'sending')]))
          .executeTakeFirst(),
        db
          .selectFrom('webhook_deliveries')
          .select((eb) => [eb.fn.countAll<number>().as('depth'), eb.fn.min('next_attempt_at').as('oldest')])
          .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', t)]), eb('status', '=', 'sending')]))
          .executeTakeFirst(),
      ]);
      return [toStat('scheduled_jobs', jobs), toStat('attachment_texts', texts), toStat('search_outbox', search), toStat('mail_outbox', mail), toStat('webhooks', hooks)];
    },
  };
}
