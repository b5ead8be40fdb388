import type { Clock } from '../../ports/clock.js';
import type { CdnPurger, CdnPurgeTargets } from '../../ports/cdn-purger.js';
import { releaseChangeKeys } from './surrogate-keys.js';

export interface CdnPurgeCounts {
  /** Purge requests delivered. */
  sent: number;
  /** Purges given up after the purger's retries (logged; the cache holds the page for s-maxage at most). */
  failed: number;
}

/**
 * Purges a shared cache after commit, never in the way of a write: on every release event (publish,
 * correction, withdrawal, takedown, language versions, text views) the release's keys, and when an
 * embargo lifts (no event fires then: the content-version tracker notices the moment) the keys of
 * every release that became public since the last lift it handled. Purges run one at a time in the
 * background; a failure is counted and reported, not thrown.
 *
 * With several servers a release change is purged twice: at once, and again `repeatAfterMs` later.
 * The other servers learn of the write by polling the content version (every second), so a cache
 * refilling from one of them right after the first purge can get, and keep for s-maxage, the page as
 * it was; the second purge, sent once every server has caught up, drops that copy.
 */
export function makeCdnPurging(deps: { purger: CdnPurger; targets: CdnPurgeTargets; clock: Clock; onError?: (error: unknown, keys: readonly string[]) => void; repeatAfterMs?: number }) {
  const counts: CdnPurgeCounts = { sent: 0, failed: 0 };
  /** Embargo lifts up to this time have been purged; the next window starts here. */
  let liftsCoveredUpTo = deps.clock.now();
  let queue: Promise<void> = Promise.resolve();
  /** Second purges waiting for their time (idle() waits for them too). */
  const repeats = new Set<Promise<void>>();

  /** Purges `keys` again once the other servers have followed the write (see above). */
  function repeatLater(keys: string[]): void {
    const delay = deps.repeatAfterMs ?? 0;
    if (delay <= 0) return;
    const repeat = new Promise<void>((resolve) => setTimeout(resolve, delay)).then(() => enqueue(async () => keys));
    repeats.add(repeat);
    void repeat.finally(() => repeats.delete(repeat));
  }

  /** Runs after what is queued, so purges reach the cache in the order the changes were made. */
  function enqueue(work: () => Promise<string[]>, then?: (keys: string[]) => void): Promise<void> {
    queue = queue.then(async () => {
      let keys: string[] = [];
      try {
        keys = await work();
        if (keys.length === 0) return;
        await deps.purger.purge(keys);
        counts.sent += 1;
        then?.(keys);
      } catch (error) {
        counts.failed += 1;
        deps.onError?.(error, keys);
      }
    });
    return queue;
  }

  async function keysOf(releaseIds: readonly number[]): Promise<string[]> {
    const targets = await deps.targets.releases(releaseIds);
    return [...new Set(targets.flatMap(releaseChangeKeys))];
  }

  // Releases changed since the last purge was sent: a burst of events (an import) becomes one purge.
  const pending = new Set<number>();
  let flush: Promise<void> | null = null;

  /** Purges what shows these releases (called after their change committed). */
  const releasesChanged = (releaseIds: readonly number[]): Promise<void> => {
    for (const id of releaseIds) pending.add(id);
    flush ??= enqueue(() => {
      flush = null;
      const ids = [...pending];
      pending.clear();
      return keysOf(ids);
    }, repeatLater);
    return flush;
  };

  return {
    counts,
    releasesChanged,
    /** Purges what shows the releases whose embargo ended since the last call, up to `upTo`. */
    embargoesLifted(upTo: Date): Promise<void> {
      return enqueue(async () => {
        const after = liftsCoveredUpTo;
        if (upTo <= after) return [];
        const ids = await deps.targets.embargoesLifted(after, upTo);
        liftsCoveredUpTo = upTo;
        return ids.length === 0 ? [] : keysOf(ids);
      });
    },
    /** Resolves once every purge queued so far, second purges included, was sent or given up (shutdown, the CLI, tests). */
    async idle(): Promise<void> {
      while (repeats.size > 0) await Promise.all([...repeats]);
      await queue;
    },
  };
}
export type CdnPurging = ReturnType<typeof makeCdnPurging>;
