import type { DomainEvent, EventBus } from '../ports/events.js';

/**
 * The one place where domain events are connected to their side effects. Commands only record
 * events (`tx.events.record`); the unit of work publishes them after commit; every reaction is
 * listed here, so a new side effect (mail, a second cache) is added next to the others and none
 * can be forgotten by a command.
 *
 * System-wide (one per composed system, `composeSystem`):
 * - search indexing: every event works the search outbox off (the outbox row itself was written in
 *   the command's transaction, so a lost event loses nothing);
 * - CDN purge: every release event purges the release's surrogate keys, when a shared cache is
 *   configured (embargo lifts fire no event: the content-version tracker tells the purge, web-app.ts).
 *
 * Per web server (`createWebApp`; several apps may share one system in tests, each with its own caches):
 * - page caches: the content-version tracker turns every page, API and search cache over;
 * - email alerts: a publication or correction wakes the sender loop at once (it also runs on a timer).
 */

/** Reactions that belong to the composed system; the returned function disconnects them. */
export function wireSystemSubscribers(deps: {
  events: EventBus;
  indexing: { kick(): void };
  cdn: { purgesOnEvents: boolean; releasesChanged(releaseIds: readonly number[]): Promise<void> };
}): () => void {
  const off = [deps.events.subscribe(() => deps.indexing.kick())];
  if (deps.cdn.purgesOnEvents) off.push(
      deps.events.subscribe((event) => {
        if (changesPublicContent(event)) void deps.cdn.releasesChanged([event.releaseId]);
      }),
    );
  return () => off.forEach((unsubscribe) => unsubscribe());
}

/** Events that change what the public sees of a release: every one, today (all are `release.*`). */
export const changesPublicContent = (event: DomainEvent): boolean => event.type.startsWith('release.');

/** Events after which new email alerts may be due: a publication or a correction. */
export const mayDueAlerts = (event: DomainEvent): boolean => event.type === 'release.published' || event.type === 'release.corrected';

/** Reactions that belong to one web server; the returned function disconnects them (at stop). */
export function wireWebSubscribers(deps: {
  events: EventBus;
  /** The page caches' content version. */
  version: { localChange(): void };
  /** Wakes the email sender loop; null when the loop is off (tests tick it by hand). */
  wakeMail: (() => void) | null;
}): () => void {
  const { wakeMail } = deps;
  const off = [
    deps.events.subscribe((event) => {
      if (changesPublicContent(event)) deps.version.localChange();
    }),
  ];
  if (wakeMail) {
    off.push(
      deps.events.subscribe((event) => {
        if (mayDueAlerts(event)) wakeMail();
      }),
    );
  }
  return () => off.forEach((unsubscribe) => unsubscribe());
}
