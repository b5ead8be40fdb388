/** Attempts counted for one key in its current window. */
export interface RateWindow {
  hits: number;
  startedAt: Date;
}

/**
 * Attempt counts per key in fixed windows, kept in the database so that every server behind a load
 * balancer counts against the same allowance (API token guessing, subscribe requests).
 */
export interface RateWindows {
  /** The key's current window (one that started after `now - windowMs`), or null. */
  current(key: string, now: Date, windowMs: number): Promise<RateWindow | null>;
  /** Counts one attempt atomically (concurrent servers each count); a window that has ended starts again at `now` with one. */
  hit(key: string, now: Date, windowMs: number): Promise<RateWindow>;
  /** Forgets windows that started before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}
