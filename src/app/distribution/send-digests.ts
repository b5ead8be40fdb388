import { lastDigestBoundary } from '../../domain/digest-schedule.js';
import type { AlertItem } from '../../ports/distribution.js';
import { outboxEmail } from './compose-email.js';
import { criteriaLabel } from './criteria-label.js';
import type { AlertDeps } from './queue-release-alerts.js';

/**
 * The digest step of the sender loop: at the configured local time (daily; weekly on Mondays),
 * each due daily or weekly subscription is claimed (one process wins: the claim moves its
 * last-digest time), and everything matched for it since its last digest goes into one email,
 * written to the outbox in the same transaction. Withdrawn releases are left out; a digest with
 * nothing in it is not sent. Returns how many digests were queued.
 */
export function makeSendDigests(deps: AlertDeps & { digestTime: string; timeZone: string }) {
  return async function sendDigests(limit = 200): Promise<number> {
    const now = deps.clock.now();
    let queued = 0;
    for (const frequency of ['daily', 'weekly'] as const) {
      const boundary = lastDigestBoundary(now, frequency, deps.digestTime, deps.timeZone)!;
      for (const s of await deps.subscriptions.dueDigests(frequency, boundary, limit)) {
        const unsubscribeUrl = deps.outbox.links.unsubscribe(s.language, await deps.tokens.sign('unsubscribe', s.id, null));
        const manageUrl = deps.outbox.links.manage(s.language, await deps.tokens.sign('manage', s.id, null));
        const criteria = await criteriaLabel(deps.boards, s);
        const pending = await deps.alerts.pendingDigest(s.id);
        const items: { item: AlertItem; releaseUrl: string }[] = [];
        for (const p of pending) {
          const item = await deps.alerts.item(p.releaseId, p.editionId);
          if (item?.isPublished) items.push({ item, releaseUrl: deps.outbox.links.release(item.language, item.boardSlug, item.number) });
        }
        const content = items.length > 0 ? deps.templates.digest({ language: s.language, frequency, items, criteria, manageUrl, unsubscribeUrl }) : null;
        queued += await deps.uow.run(async (tx) => {
          if (!(await tx.subscriptions.claimDigest(s.id, boundary, now))) return 0;
          const outboxId = content ? await tx.outbox.add(outboxEmail(deps.outbox, { kind: 'digest', to: s.email, content, unsubscribeUrl, subscriptionId: s.id, at: now })) : null;
          await tx.alerts.markDigested(s.id, pending, outboxId);
          return outboxId === null ? 0 : 1;
        });
      }
    }
    return queued;
  };
}
