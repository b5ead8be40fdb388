import { addDays, dayAt, startOfDay } from '../domain/calendar-day.js';
import type { Clock } from '../ports/clock.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

/**
 * Counts page views in memory and writes them in one batch, so reading a release never waits for a
 * database write. Each view is kept under the calendar day (newsroom time zone) it happened on, so
 * the daily counts of the readership pages are exact across midnight even though a batch is written
 * seconds later. Counts still pending at shutdown are flushed by the composition root.
 */
export function makeViewCounter(deps: { uow: UnitOfWork; clock: Clock; timeZone: string }) {
  /** Views per day, then per release. */
  let pending = new Map<string, Map<number, number>>();
  // The current day and the instant it ends: a view costs one comparison, not a time-zone lookup.
  let today = { day: '', endsAt: Number.NEGATIVE_INFINITY, startsAt: Number.POSITIVE_INFINITY };
  const dayOf = (now: Date): string => {
    const ms = now.getTime();
    if (ms >= today.startsAt && ms < today.endsAt) return today.day;
    const day = dayAt(now, deps.timeZone);
    today = { day, startsAt: startOfDay(day, deps.timeZone).getTime(), endsAt: startOfDay(addDays(day, 1), deps.timeZone).getTime() };
    return day;
  };
  return {
    record(releaseId: number): void {
      const day = dayOf(deps.clock.now());
      let counts = pending.get(day);
      if (!counts) pending.set(day, (counts = new Map()));
      counts.set(releaseId, (counts.get(releaseId) ?? 0) + 1);
    },
    pendingFor(releaseId: number): number {
      let n = 0;
      for (const counts of pending.values()) n += counts.get(releaseId) ?? 0;
      return n;
    },
    /** Writes pending counts (totals and days, in one transaction); on failure they are put back so no view is lost. */
    async flush(): Promise<number> {
      if (pending.size === 0) return 0;
      const batch = pending;
      pending = new Map();
      const totals = new Map<number, number>();
      for (const counts of batch.values()) for (const [id, n] of counts) totals.set(id, (totals.get(id) ?? 0) + n);
      try {
        // One transaction for the whole batch: a commit per release was three times slower.
        await deps.uow.run(async (tx) => {
          await tx.siteState.addViews(totals);
          for (const [day, counts] of batch) await tx.readership.addDailyViews(day, counts);
        });
      } catch (error) {
        for (const [day, counts] of batch) {
          let back = pending.get(day);
          if (!back) pending.set(day, (back = new Map()));
          for (const [id, n] of counts) back.set(id, (back.get(id) ?? 0) + n);
        }
        throw error;
      }
      let total = 0;
      for (const n of totals.values()) total += n;
      return total;
    },
  };
}
export type ViewCounter = ReturnType<typeof makeViewCounter>;
