import { parseQuery } from '../../domain/search-text.js';
import type { Subscription } from '../../domain/subscription.js';
import type { BoardRepo } from '../../ports/board-repo.js';
import type { Clock } from '../../ports/clock.js';
import type { AlertCandidate, AlertRepo, DistributionUnitOfWork, SubscriptionRepo } from '../../ports/distribution.js';
import type { EmailTemplates } from '../../ports/email-templates.js';
import type { SearchIndex } from '../../ports/search-index.js';
import { outboxEmail, type OutboxPolicy } from './compose-email.js';
import { criteriaLabel } from './criteria-label.js';
import type { LinkTokens } from './link-tokens.js';

/** Only editions published (or made public) this recently are alerted: imports of old releases are not news. */
export const ALERT_FRESHNESS_MS = 48 * 3_600_000;

export interface AlertDeps {
  uow: DistributionUnitOfWork;
  alerts: AlertRepo;
  subscriptions: SubscriptionRepo;
  search: SearchIndex;
  boards: BoardRepo;
  tokens: LinkTokens;
  templates: EmailTemplates;
  clock: Clock;
  outbox: OutboxPolicy;
}

/** Whether a saved search finds the release, through the same search index as the public search page. */
async function searchFinds(deps: AlertDeps, candidate: AlertCandidate, query: string, now: Date): Promise<boolean> {
  const clauses = parseQuery(query);
  if (clauses.length === 0) return false;
  const at = candidate.firstPublishedAt;
  const hits = await deps.search.search({ clauses, language: candidate.language, boardId: candidate.boardId, from: at, to: new Date(at.getTime() + 1), sort: 'newest', limit: 100, offset: 0, now });
  return hits.items.some((h) => h.releaseId === candidate.releaseId);
}

/**
 * The alert step of the sender loop. Releases are not pushed by the publish command: this step
 * derives them from the releases table (published, public now, the newest edition that is not a
 * minor edit, not alerted yet), so a crash between publication and mailing loses nothing, an
 * embargoed release waits for its time by itself, and a withdrawn one is never mailed. For each, in
 * one transaction: the release edition is recorded as alerted (once, whichever process gets there
 * first), a delivery record per matching subscription (unique per subscription, release and
 * edition), and for immediate subscribers the email itself in the outbox. Daily and weekly
 * subscribers' records wait for their digest. Returns how many emails were queued.
 */
export function makeQueueReleaseAlerts(deps: AlertDeps) {
  return async function queueReleaseAlerts(limit = 20): Promise<number> {
    const now = deps.clock.now();
    const candidates = await deps.alerts.candidates(now, new Date(now.getTime() - ALERT_FRESHNESS_MS), limit);
    let queued = 0;
    for (const candidate of candidates) queued += await alertOne(candidate, now);
    return queued;
  };

  async function alertOne(candidate: AlertCandidate, now: Date): Promise<number> {
    let matched: Subscription[] = await deps.subscriptions.matching(candidate);
    if (matched.some((s) => s.query !== null)) {
      // The index follows publications after commit; make sure it has this one before asking it.
      await deps.search.indexRelease(candidate.releaseId);
      const found = new Map<string, boolean>();
      for (const q of new Set(matched.flatMap((s) => (s.query ? [s.query] : [])))) found.set(q, await searchFinds(deps, candidate, q, now));
      matched = matched.filter((s) => s.query === null || found.get(s.query));
    }
    const item = await deps.alerts.item(candidate.releaseId, candidate.editionId);
    if (!item) matched = [];
    // Links and criteria labels are made before the transaction (tokens and board names are read
    // outside it); each email is rendered inside, one at a time as it is written, so memory stays flat
    // however many subscribers a release has.
    const releaseUrl = item ? deps.outbox.links.release(item.language, item.boardSlug, item.number) : '';
    const labels = new Map<string, Awaited<ReturnType<typeof criteriaLabel>>>();
    const prepared = new Map<number, { s: Subscription; unsubscribeUrl: string; manageUrl: string; label: string }>();
    if (item) {
      for (const s of matched.filter((m) => m.frequency === 'immediate')) {
        const key = `${s.language}|${s.boardId}|${s.tag}|${s.query}`;
        if (!labels.has(key)) labels.set(key, await criteriaLabel(deps.boards, s));
        const unsubscribeUrl = deps.outbox.links.unsubscribe(s.language, await deps.tokens.sign('unsubscribe', s.id, null));
        const manageUrl = deps.outbox.links.manage(s.language, await deps.tokens.sign('manage', s.id, null));
        prepared.set(s.id, { s, unsubscribeUrl, manageUrl, label: key });
      }
    }
    return deps.uow.run(async (tx) => {
      if (!(await tx.alerts.recordAlert(candidate.releaseId, candidate.editionId, now, matched.length))) return 0;
      const fresh = await tx.alerts.addDeliveries(
        matched.map((s) => ({ subscriptionId: s.id, releaseId: candidate.releaseId, editionId: candidate.editionId, status: s.frequency === 'immediate' ? ('mailed' as const) : ('digest_pending' as const), createdAt: now })),
      );
      let queued = 0;
      for (const id of fresh) {
        const p = prepared.get(id);
        if (!p || !item) continue;
        const content = deps.templates.alert({ language: p.s.language, item, releaseUrl, criteria: labels.get(p.label)!, manageUrl: p.manageUrl, unsubscribeUrl: p.unsubscribeUrl });
        const outboxId = await tx.outbox.add(outboxEmail(deps.outbox, { kind: 'alert', to: p.s.email, content, unsubscribeUrl: p.unsubscribeUrl, subscriptionId: p.s.id, at: now }));
        await tx.alerts.setDeliveryOutbox(id, candidate.releaseId, candidate.editionId, outboxId);
        queued += 1;
      }
      return queued;
    });
  }
}
export type QueueReleaseAlerts = ReturnType<typeof makeQueueReleaseAlerts>;
