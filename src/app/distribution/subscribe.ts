import { ValidationError } from '../../domain/errors.js';
import type { Language } from '../../domain/language.js';
import { SUBSCRIPTION_LIMITS, type Frequency, type SubscriptionCriteria } from '../../domain/subscription.js';
import type { Actor } from '../../ports/audit-log.js';
import type { BoardRepo } from '../../ports/board-repo.js';
import type { Clock } from '../../ports/clock.js';
import type { DistributionUnitOfWork } from '../../ports/distribution.js';
import type { EmailTemplates } from '../../ports/email-templates.js';
import { outboxEmail, type OutboxPolicy } from './compose-email.js';
import { criteriaLabel } from './criteria-label.js';
import { normalizeEmailAddress } from './email-address.js';
import type { LinkTokens } from './link-tokens.js';

export interface SubscribeInput {
  email: string;
  language: Language;
  boardSlug: string | null;
  tag: string | null;
  query: string | null;
  frequency: Frequency;
}

/** Anonymous visitors act as this; no address or IP is kept in the audit trail. */
export const PUBLIC_SUBSCRIBER: Actor = { userId: null, label: 'public:subscriber', ip: null };

/**
 * subscribe: the first half of double opt-in. A new address gets a confirmation email with a link
 * that expires; asking again for a pending subscription sends a fresh link; an address already
 * subscribed gets a note with its manage link. The answer is the same in every case, so the form
 * never tells anyone whether an address is subscribed. The email is an outbox row written in the
 * same transaction as the subscription.
 */
export function makeSubscribe(deps: { uow: DistributionUnitOfWork; boards: BoardRepo; tokens: LinkTokens; templates: EmailTemplates; clock: Clock; outbox: OutboxPolicy }) {
  return async function subscribe(input: SubscribeInput): Promise<void> {
    const address = normalizeEmailAddress(input.email);
    if (!address.ok) throw new ValidationError('The email address cannot be used', [{ code: `email_${address.reason}`, message: 'Enter an email address like name@example.com', field: 'email' }]);
    const board = input.boardSlug ? await deps.boards.bySlug(input.boardSlug) : null;
    if (input.boardSlug && !board) throw new ValidationError('Unknown board', [{ code: 'board_unknown', message: 'Choose a board from the site', field: 'board' }]);
    const tag = input.tag?.trim().slice(0, SUBSCRIPTION_LIMITS.tagMaxChars) || null;
    const query = input.query?.trim().replace(/\s+/g, ' ').slice(0, SUBSCRIPTION_LIMITS.queryMaxChars) || null;
    const criteria: SubscriptionCriteria = { language: input.language, boardId: board?.id ?? null, tag, query };
    const label = await criteriaLabel(deps.boards, criteria);
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + SUBSCRIPTION_LIMITS.confirmTtlMs);
    await deps.tokens.ready();
    await deps.uow.run(async (tx) => {
      const existing = await tx.subscriptions.findSame(address.address, criteria);
      if (existing?.status === 'confirmed') {
        const manageUrl = deps.outbox.links.manage(existing.language, await deps.tokens.sign('manage', existing.id, null));
        const content = deps.templates.alreadySubscribed({ language: existing.language, criteria: label, manageUrl });
        await tx.outbox.add(outboxEmail(deps.outbox, { kind: 'already_subscribed', to: address.address, content, subscriptionId: existing.id, at: now }));
        return;
      }
      const subscription = existing ?? (await tx.subscriptions.create({ ...criteria, email: address.address, frequency: input.frequency, createdAt: now }));
      if (existing) {
        await tx.subscriptions.touch(existing.id, now);
        if (existing.frequency !== input.frequency) await tx.subscriptions.setFrequency(existing.id, input.frequency, now);
      }
      const confirmUrl = deps.outbox.links.confirm(criteria.language, await deps.tokens.sign('confirm', subscription.id, expiresAt));
      const content = deps.templates.confirm({ language: criteria.language, criteria: label, frequency: input.frequency, confirmUrl, expiresAt });
      await tx.outbox.add(outboxEmail(deps.outbox, { kind: 'confirm', to: address.address, content, subscriptionId: subscription.id, at: now }));
      await tx.audit.record({ at: now, actor: PUBLIC_SUBSCRIBER, action: 'subscription.requested', subjectType: 'subscription', subjectId: String(subscription.id), details: { language: criteria.language, boardId: criteria.boardId, tag, query, frequency: input.frequency, repeated: Boolean(existing) } });
    });
  };
}
export type Subscribe = ReturnType<typeof makeSubscribe>;
