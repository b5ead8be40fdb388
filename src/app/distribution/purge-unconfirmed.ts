import { SUBSCRIPTION_LIMITS } from '../../domain/subscription.js';
import type { Clock } from '../../ports/clock.js';
import type { DistributionUnitOfWork } from '../../ports/distribution.js';
import { PUBLIC_SUBSCRIBER } from './subscribe.js';

/** Deletes subscriptions never confirmed within 7 days: an address nobody confirmed is not kept. */
export function makePurgeUnconfirmed(deps: { uow: DistributionUnitOfWork; clock: Clock }) {
  return async function purgeUnconfirmed(): Promise<number> {
    const now = deps.clock.now();
    return deps.uow.run(async (tx) => {
      const purged = await tx.subscriptions.purgeUnconfirmed(new Date(now.getTime() - SUBSCRIPTION_LIMITS.unconfirmedTtlMs));
      if (purged > 0) await tx.audit.record({ at: now, actor: { ...PUBLIC_SUBSCRIBER, label: 'system:distribution' }, action: 'subscription.purged', subjectType: 'subscription', subjectId: null, details: { count: purged } });
      return purged;
    });
  };
}
