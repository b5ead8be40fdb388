import type { Subscription } from '../../domain/subscription.js';
import type { Clock } from '../../ports/clock.js';
import type { DistributionUnitOfWork } from '../../ports/distribution.js';
import type { LinkTokens } from './link-tokens.js';
import { PUBLIC_SUBSCRIBER } from './subscribe.js';

export type ConfirmResult =
  | { status: 'confirmed' | 'already_confirmed'; subscription: Subscription; manageToken: string }
  /** A link from a confirmation email older than its expiry, for a subscription still pending. */
  | { status: 'expired' }
  /** Forged or altered, or the subscription no longer exists (unsubscribed, erased, or purged). */
  | { status: 'invalid' };

/**
 * confirm: the second half of double opt-in. Following the link twice is harmless (the second
 * time says it is already confirmed); an expired link asks the person to subscribe again.
 */
export function makeConfirmSubscription(deps: { uow: DistributionUnitOfWork; tokens: LinkTokens; clock: Clock }) {
  return async function confirmSubscription(token: string): Promise<ConfirmResult> {
    const check = await deps.tokens.verify(token, 'confirm');
    if (!check.ok && check.reason === 'invalid') return { status: 'invalid' };
    const now = deps.clock.now();
    await deps.tokens.ready();
    return deps.uow.run(async (tx): Promise<ConfirmResult> => {
      const id = check.ok ? check.subscriptionId : Number(/^c(\d+)/.exec(token)?.[1]);
      const subscription = await tx.subscriptions.get(id);
      if (!subscription) return { status: 'invalid' };
      const manageToken = await deps.tokens.sign('manage', subscription.id, null);
      if (subscription.status === 'confirmed') return { status: 'already_confirmed', subscription, manageToken };
      if (!check.ok) return { status: 'expired' };
      await tx.subscriptions.confirm(subscription.id, now);
      await tx.audit.record({ at: now, actor: PUBLIC_SUBSCRIBER, action: 'subscription.confirmed', subjectType: 'subscription', subjectId: String(subscription.id), details: {} });
      return { status: 'confirmed', subscription: { ...subscription, status: 'confirmed', confirmedAt: now }, manageToken };
    });
  };
}
