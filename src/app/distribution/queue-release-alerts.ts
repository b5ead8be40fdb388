import { parseQuery } from '../../domain/search-text.js';
import type { Subscription } from '../../domain/subscription.js';
import type { BoardRepo } from '../../ports/board-repo.js';
import type { Clock } from '../../ports/clock.js';
import type { AlertCandidate, AlertItem, AlertRepo, DistributionUnitOfWork, SubscriptionRepo } from '../../ports/distribution.js';
import type { CriteriaLabel, EmailTemplates } from '../../ports/email-templates.js';
import type { SearchIndex } from '../../ports/search-index.js';
import { outboxEmail, type OutboxPolicy } from './compose-email.js';
import { criteriaLabel } from './criteria-label.js';
import type { LinkTokens } from './link-tokens.js';

/** Only editions published (or made public) this recently are alerted: imports of old releases are not news. */
export const ALERT_FRESHNESS_MS = 48 * 3_600_000;

/**
 * Subscriptions per fan-out transaction: their delivery records and emails are written together, so
 * memory and transaction size stay the same for 2,000 subscribers or 200,000.
 */
export const ALERT_BATCH = 200;

/** What one fan-out transaction wrote (told to `onBatch` after its commit). */
export interface AlertBatch {
  releaseId: number;
  editionId: number;
  /** Subscriptions of this batch that matched (saved searches checked). */
  matched: number;
  /** Emails written to the outbox in this batch (not those another process wrote first). */
  queued: number;
}

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
  /** Subscriptions read and written per transaction; ALERT_BATCH unless set. */
  batchSize?: number;
  /** Told after each fan-out transaction commits: progress for the bench, a crash point for tests. */
  onBatch?: (batch: AlertBatch) => void;
}

/** Whether a saved search finds the release, through the same search index as the public search page. */
async function searchFinds(deps: AlertDeps, candidate: AlertCandidate, query: string, now: Date): Promise<boolean> {
  const clauses = parseQuery(query);
  if (clauses.length === 0) return false;
  const at = candidate.firstPublishedAt;
  const hits = await deps.search.search({ clauses, language: candidate.language, boardId: candidate.boardId, from: at, to: new Date(at.getTime() + 1), sort: 'newest', limit: 100, offset: 0, now });
  return hits.items.some((h) => h.releaseId === candidate.releaseId);
}

/** Lets the event loop turn: on SQLite every query is synchronous, so a long fan-out would hold up the web server's requests. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The alert step of the sender loop. Releases are not pushed by the publish command: this step
 * derives them from the releases table (published, public now, the newest edition that is not a
 * minor edit, not alerted yet), so a crash between publication and mailing loses nothing, an
 * embargoed release waits for its time by itself, and a withdrawn one is never mailed. Matching
 * subscriptions are read a page at a time (keyset, by id); each page is one transaction: a delivery
 * record per subscription (unique per subscription, release and edition: whoever inserts it first
 * mails it) and for immediate subscribers the email itself in the outbox. Daily and weekly
 * subscribers' records wait for their digest. Only after the last page is the release edition
 * recorded as alerted, so a crash between pages leaves it a candidate: the next run walks the pages
 * again, and the pages already written add nothing. Returns how many emails were queued.
 */
export function makeQueueReleaseAlerts(deps: AlertDeps) {
  const batchSize = deps.batchSize ?? ALERT_BATCH;
  return async function queueReleaseAlerts(limit = 20): Promise<number> {
    const now = deps.clock.now();
    const candidates = await deps.alerts.candidates(now, new Date(now.getTime() - ALERT_FRESHNESS_MS), limit);
    let queued = 0;
    for (const candidate of candidates) queued += await alertOne(candidate, now);
    return queued;
  };

  async function alertOne(candidate: AlertCandidate, now: Date): Promise<number> {
    // Per release, not per subscriber: a saved search's answer and a criteria label are shared.
    const found = new Map<string, boolean>();
    const labels = new Map<string, Awaited<ReturnType<typeof criteriaLabel>>>();
    let afterId = 0;
    let matchedCount = 0;
    let queued = 0;
    for (;;) {
      // Read again each page: a release withdrawn during a long fan-out stops being mailed.
      const item = await deps.alerts.item(candidate.releaseId, candidate.editionId);
      if (item && !item.isPublished) return queued;
      const page = item ? await deps.subscriptions.matching(candidate, { afterId, limit: batchSize }) : [];
      if (page.length === 0 || !item) break;
      afterId = page[page.length - 1]!.id;
      const matched = await withSavedSearches(candidate, page, found, now);
      matchedCount += matched.length;
      const written = await writeBatch(candidate, item, matched, labels, now);
      queued += written;
      deps.onBatch?.({ releaseId: candidate.releaseId, editionId: candidate.editionId, matched: matched.length, queued: written });
      if (page.length < batchSize) break;
      await turn();
    }
    await deps.uow.run((tx) => tx.alerts.recordAlert(candidate.releaseId, candidate.editionId, now, matchedCount));
    return queued;
  }

  /** The page's subscriptions whose saved search (if any) finds the release. */
  async function withSavedSearches(candidate: AlertCandidate, page: Subscription[], found: Map<string, boolean>, now: Date): Promise<Subscription[]> {
    const queries = [...new Set(page.flatMap((s) => (s.query && !found.has(s.query) ? [s.query] : [])))];
    if (queries.length > 0 && found.size === 0) {
      // The index follows publications after commit; make sure it has this one before asking it.
      await deps.search.indexRelease(candidate.releaseId);
    }
    for (const q of queries) found.set(q, await searchFinds(deps, candidate, q, now));
    return page.filter((s) => s.query === null || found.get(s.query));
  }

  /** One transaction: the page's delivery records, and the emails of those that had none yet. */
  async function writeBatch(candidate: AlertCandidate, item: AlertItem, matched: Subscription[], labels: Map<string, CriteriaLabel>, now: Date): Promise<number> {
    // Links and criteria labels are made before the transaction (tokens and board names are read
    // outside it); each email is rendered inside, one at a time as it is written.
    const releaseUrl = deps.outbox.links.release(item.language, item.boardSlug, item.number);
    const prepared = new Map<number, { s: Subscription; unsubscribeUrl: string; manageUrl: string; label: CriteriaLabel }>();
    for (const s of matched.filter((m) => m.frequency === 'immediate')) {
      const key = `${s.language}|${s.boardId}|${s.tag}|${s.query}`;
      let label = labels.get(key);
      if (!label) {
        label = await criteriaLabel(deps.boards, s);
        labels.set(key, label);
      }
      const unsubscribeUrl = deps.outbox.links.unsubscribe(s.language, await deps.tokens.sign('unsubscribe', s.id, null));
      const manageUrl = deps.outbox.links.manage(s.language, await deps.tokens.sign('manage', s.id, null));
      prepared.set(s.id, { s, unsubscribeUrl, manageUrl, label });
    }
    if (matched.length === 0) return 0;
    return deps.uow.run(async (tx) => {
      const fresh = await tx.alerts.addDeliveries(
        matched.map((s) => ({ subscriptionId: s.id, releaseId: candidate.releaseId, editionId: candidate.editionId, status: s.frequency === 'immediate' ? ('mailed' as const) : ('digest_pending' as const), createdAt: now })),
      );
      let queued = 0;
      for (const id of fresh) {
        const p = prepared.get(id);
        if (!p) continue;
        const content = deps.templates.alert({ language: p.s.language, item, releaseUrl, criteria: p.label, manageUrl: p.manageUrl, unsubscribeUrl: p.unsubscribeUrl });
        const outboxId = await tx.outbox.add(outboxEmail(deps.outbox, { kind: 'alert', to: p.s.email, content, unsubscribeUrl: p.unsubscribeUrl, subscriptionId: p.s.id, at: now }));
        await tx.alerts.setDeliveryOutbox(id, candidate.releaseId, candidate.editionId, outboxId);
        queued += 1;
      }
      return queued;
    });
  }
}
export type QueueReleaseAlerts = ReturnType<typeof makeQueueReleaseAlerts>;
