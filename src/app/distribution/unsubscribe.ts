import type { Language } from '../../domain/language.js';
import type { Clock } from '../../ports/clock.js';
import type { DistributionUnitOfWork } from '../../ports/distribution.js';
import type { LinkTokens } from './link-tokens.js';
import { PUBLIC_SUBSCRIBER } from './subscribe.js';

export type UnsubscribeResult = { status: 'unsubscribed'; language: Language } | { status: 'already_gone' } | { status: 'invalid' };

/**
 * unsubscribe: deletes the subscription and its delivery records (the address is no longer kept
 * for it). Works from the link in every email and from RFC 8058 one-click POSTs, which carry no
 * cookie or CSRF token: the signed link is the authority. Using the link twice is harmless.
 */
export function makeUnsubscribe(deps: { uow: DistributionUnitOfWork; tokens: LinkTokens; clock: Clock }) {
  return async function unsubscribe(token: string): Promise<UnsubscribeResult> {
    const check = await deps.tokens.verify(token, 'unsubscribe');
    if (!check.ok) return { status: 'invalid' };
    const now = deps.clock.now();
    return deps.uow.run(async (tx): Promise<UnsubscribeResult> => {
      const subscription = await tx.subscriptions.get(check.subscriptionId);
      if (!subscription || !(await tx.subscriptions.remove(subscription.id))) return { status: 'already_gone' };
      await tx.audit.record({ at: now, actor: PUBLIC_SUBSCRIBER, action: 'subscription.cancelled', subjectType: 'subscription', subjectId: String(subscription.id), details: {} });
      return { status: 'unsubscribed', language: subscription.language };
    });
  };
}
