import type { Frequency, Subscription } from '../../domain/subscription.js';
import type { BoardRepo } from '../../ports/board-repo.js';
import type { Clock } from '../../ports/clock.js';
import type { DistributionUnitOfWork } from '../../ports/distribution.js';
import type { CriteriaLabel } from '../../ports/email-templates.js';
import { criteriaLabel } from './criteria-label.js';
import type { LinkTokens } from './link-tokens.js';
import { PUBLIC_SUBSCRIBER } from './subscribe.js';

export type ManageView = { status: 'ok'; subscription: Subscription; criteria: CriteriaLabel; unsubscribeToken: string } | { status: 'invalid' };

/**
 * The manage page's reads and its one write (the frequency), reached by a signed link with no
 * password. A forged link, or one for a subscription that no longer exists, is `invalid`.
 */
export function makeManageSubscription(deps: { uow: DistributionUnitOfWork; boards: BoardRepo; tokens: LinkTokens; clock: Clock }) {
  async function load(token: string): Promise<ManageView> {
    const check = await deps.tokens.verify(token, 'manage');
    if (!check.ok) return { status: 'invalid' };
    const subscription = await deps.uow.run((tx) => tx.subscriptions.get(check.subscriptionId));
    if (!subscription || subscription.status !== 'confirmed') return { status: 'invalid' };
    return { status: 'ok', subscription, criteria: await criteriaLabel(deps.boards, subscription), unsubscribeToken: await deps.tokens.sign('unsubscribe', subscription.id, null) };
  }
  return {
    load,
    /** Changes how often the subscriber hears from us; the next digest collects everything since the last email. */
    async setFrequency(token: string, frequency: Frequency): Promise<ManageView> {
      const view = await load(token);
      if (view.status !== 'ok') return view;
      const now = deps.clock.now();
      await deps.uow.run(async (tx) => {
        await tx.subscriptions.setFrequency(view.subscription.id, frequency, now);
        await tx.audit.record({ at: now, actor: PUBLIC_SUBSCRIBER, action: 'subscription.frequency_changed', subjectType: 'subscription', subjectId: String(view.subscription.id), details: { from: view.subscription.frequency, to: frequency } });
      });
      return { ...view, subscription: { ...view.subscription, frequency } };
    },
  };
}
export type ManageSubscription = ReturnType<typeof makeManageSubscription>;
