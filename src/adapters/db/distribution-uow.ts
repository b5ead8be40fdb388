import type { Kysely } from 'kysely';
import type { DistributionUnitOfWork, SecretStore } from '../../ports/distribution.js';
import { makeAlertRepo } from './alert.repo.js';
import { makeAuditLog } from './audit-log.js';
import { makeOutboxRepo } from './outbox.repo.js';
import type { Database } from './schema.js';
import { makeSubscriptionRepo } from './subscription.repo.js';

/** Runs distribution writes in one transaction: subscriptions, deliveries, outbox rows, audit. */
export function makeDistributionUnitOfWork(db: Kysely<Database>): DistributionUnitOfWork {
  return {
    run: (work) => db.transaction().execute((trx) => work({ subscriptions: makeSubscriptionRepo(trx), outbox: makeOutboxRepo(trx), alerts: makeAlertRepo(trx), audit: makeAuditLog(trx) })),
  };
}

/** Secrets in the `app_secrets` table: the first process to need one creates it, every other reads it. */
export function makeSecretStore(db: Kysely<Database>): SecretStore {
  return {
    async getOrCreate(name, make, at) {
      await db.insertInto('app_secrets').values({ name, value: make(), created_at: at.getTime() }).onConflict((oc) => oc.column('name').doNothing()).execute();
      const row = await db.selectFrom('app_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
      return row.value;
    },
  };
}
