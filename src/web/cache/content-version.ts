import type { Clock } from '../../ports/clock.js';
import type { PublicCatalog } from '../../ports/public-catalog.js';

/**
 * Tells page caches when public content may have changed: after a local write (event), after a write
 * by another process (the database's content version, polled), and at the exact moment a scheduled
 * or embargoed release becomes public (the next public transition time, checked on every read and
 * on every poll, so a CDN in front that answers every read still hears of it: `onTransition`).
 * Local writes reach it through `localChange`, which src/main/subscribers.ts wires to the event bus.
 */
export function makeContentVersionTracker(deps: {
  catalog: PublicCatalog;
  clock: Clock;
  pollMs?: number;
  onError?: (e: unknown) => void;
  /** Told when a public transition has passed (an embargo lifted), with the time it was noticed. */
  onTransition?: (upTo: Date) => void;
}) {
  let dbVersion = 0;
  let localEpoch = 0;
  let nextTransition: number | null = null;
  /** After a transition, until the next one is read: treated as imminent, so no shared cache keeps a page long. */
  let transitionUnknown = false;
  /** Transitions passed so far: a read begun before the latest one must not restore what it replaced. */
  let passed = 0;
  let timer: NodeJS.Timeout | null = null;
  let refreshing: Promise<void> | null = null;

  let requestedAgain = false;

  async function readOnce(): Promise<void> {
    try {
      const now = deps.clock.now();
      const passedAtStart = passed;
      const [version, transition] = await Promise.all([deps.catalog.contentVersion(), deps.catalog.nextPublicTransition(now)]);
      dbVersion = version;
      if (passed === passedAtStart) {
        nextTransition = transition?.getTime() ?? null;
        transitionUnknown = false;
      }
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

  /** Turns the caches over once the next public transition has passed (and says so). */
  function passTransition(): void {
    const now = deps.clock.now();
    if (nextTransition === null || now.getTime() < nextTransition) return;
    nextTransition = null;
    transitionUnknown = true;
    passed += 1;
    localEpoch += 1;
    void refresh();
    try {
      deps.onTransition?.(now);
    } catch (error) {
      deps.onError?.(error);
    }
  }

  return {
    /** The current version key; cached pages made under another key are stale. */
    current(): string {
      passTransition();
      return `${dbVersion}.${localEpoch}`;
    },
    /** Milliseconds until the next public transition (0 when it is due or not yet re-read); null when none is known. */
    msUntilTransition(): number | null {
      passTransition();
      if (transitionUnknown) return 0;
      return nextTransition === null ? null : Math.max(0, nextTransition - deps.clock.now().getTime());
    },
    refresh,
    /** A write of this process changed public content: cached pages are stale now, and the version is re-read. */
    localChange(): void {
      localEpoch += 1;
      void refresh();
    },
    start(): void {
      timer ??= setInterval(() => {
        passTransition();
        void refresh();
      }, deps.pollMs ?? 1000);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
export type ContentVersionTracker = ReturnType<typeof makeContentVersionTracker>;
