import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/events.js';
import type { PublicCatalog } from '../../ports/public-catalog.js';

/**
 * Tells page caches when public content may have changed: after a local write (event), after a write
 * by another process (the database's content version, polled), and at the exact moment a scheduled
 * or embargoed release becomes public (the next public transition time, checked on every read).
 */
export function makeContentVersionTracker(deps: { catalog: PublicCatalog; clock: Clock; events: EventBus; pollMs?: number; onError?: (e: unknown) => void }) {
  let dbVersion = 0;
  let localEpoch = 0;
  let nextTransition: number | null = null;
  let timer: NodeJS.Timeout | null = null;
  let refreshing: Promise<void> | null = null;

  let requestedAgain = false;

  async function readOnce(): Promise<void> {
    try {
      const now = deps.clock.now();
      const [version, transition] = await Promise.all([deps.catalog.contentVersion(), deps.catalog.nextPublicTransition(now)]);
      dbVersion = version;
      nextTransition = transition?.getTime() ?? null;
    } catch (error) {
      deps.onError?.(error);
    }
  }

  /**
   * Re-reads the version and the next transition. A request made while a read is running cannot
   * join it (that read may have started before the write it is about): it runs one more read after.
   */
  async function refresh(): Promise<void> {
    if (refreshing) {
      requestedAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      try {
        do {
          requestedAgain = false;
          await readOnce();
        } while (requestedAgain);
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  deps.events.subscribe((event) => {
    if (event.type.startsWith('release.')) {
      localEpoch += 1;
      void refresh();
    }
  });

  return {
    /** The current version key; cached pages made under another key are stale. */
    current(): string {
      if (nextTransition !== null && deps.clock.now().getTime() >= nextTransition) {
        nextTransition = null;
        localEpoch += 1;
        void refresh();
      }
      return `${dbVersion}.${localEpoch}`;
    },
    refresh,
    start(): void {
      timer ??= setInterval(() => void refresh(), deps.pollMs ?? 1000);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type ContentVersionTracker = ReturnType<typeof makeContentVersionTracker>;
