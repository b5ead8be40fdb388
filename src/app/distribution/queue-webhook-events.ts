import type { Language } from '../../domain/language.js';
import type { WebhookPayload } from '../../domain/webhook.js';
import type { Clock } from '../../ports/clock.js';
import type { WebhookUnitOfWork, WebhookRepo } from '../../ports/webhooks.js';

/** How far back the audit trail is read for events not recorded yet (an embargo longer than this still sends embargo_lifted). */
export const WEBHOOK_LOOKBACK_MS = 30 * 86_400_000;

/**
 * The webhook step of the sender loop. Events are not pushed by the workflow commands (publishing
 * never waits for, or fails because of, a webhook): they are derived from the audit trail, written
 * in the same transaction as each publication, correction and withdrawal, and from the releases
 * table for embargoes that ended. An event whose release is not public yet waits. Each event is
 * recorded once (unique key, whichever process is first) with a queued delivery per enabled
 * endpoint that wants it, in one transaction. Returns how many deliveries were queued.
 */
export function makeQueueWebhookEvents(deps: { uow: WebhookUnitOfWork; webhooks: WebhookRepo; clock: Clock; publicUrl: (language: Language, board: string, number: number) => string }) {
  return async function queueWebhookEvents(limit = 100): Promise<number> {
    const now = deps.clock.now();
    const candidates = await deps.webhooks.candidates(now, new Date(now.getTime() - WEBHOOK_LOOKBACK_MS), limit);
    let queued = 0;
    for (const c of candidates) {
      queued += await deps.uow.run(async (tx) => {
        // `id` is the event's unique key: a receiver that sees it twice (a retry after a lost answer) can ignore it.
        const body: WebhookPayload = {
          id: c.key,
          event: c.event,
          releaseId: c.releaseId,
          language: c.language,
          board: c.boardSlug,
          number: c.number,
          title: c.title,
          url: c.number === null ? null : deps.publicUrl(c.language, c.boardSlug, c.number),
          occurredAt: c.occurredAt.toISOString(),
        };
        const id = await tx.webhooks.recordEvent(c, JSON.stringify(body), c.occurredAt);
        if (id === null) return 0;
        return tx.webhooks.addDeliveries(id, c.event, now);
      });
    }
    return queued;
  };
}
