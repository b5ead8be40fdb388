import type { Kysely } from 'kysely';
import type { HeldLeases } from '../../ports/held-leases.js';
import type { Database } from './schema.js';

/** The four queue tables' claims, handed back in one transaction: the rows are pending or queued again, with no holder. */
export function makeHeldLeases(db: Kysely<Database>): HeldLeases {
  return {
    async releaseAll(workerId) {
      return db.transaction().execute(async (trx) => {
        const count = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows);
        const jobs = await trx.updateTable('jobs').set({ status: 'pending', locked_by: null, lease_until: null }).where('status', '=', 'running').where('locked_by', '=', workerId).executeTakeFirst();
        const texts = await trx.updateTable('attachment_texts').set({ status: 'pending', locked_by: null, lease_until: null }).where('status', '=', 'running').where('locked_by', '=', workerId).executeTakeFirst();
        const mail = await trx.updateTable('outbox_emails').set({ status: 'queued', locked_by: null, locked_at: null }).where('status', '=', 'sending').where('locked_by', '=', workerId).executeTakeFirst();
        const hooks = await trx.updateTable('webhook_deliveries').set({ status: 'queued', locked_by: null, locked_at: null }).where('status', '=', 'sending').where('locked_by', '=', workerId).executeTakeFirst();
        return { scheduledJobs: count(jobs), attachmentTexts: count(texts), mailOutbox: count(mail), webhooks: count(hooks) };
      });
    },
  };
}
