import type { Frequency } from './subscription.js';
import { instantOfWallClock, wallClockAt } from './zoned-time.js';

/**
 * The most recent digest time at or before `now`: today's (or yesterday's) `time` ("07:00") in
 * the press office's zone for daily digests, the latest Monday's for weekly ones. A subscription
 * whose last digest is older than this is due one; null for immediate subscriptions.
 */
export function lastDigestBoundary(now: Date, frequency: Frequency, time: string, timeZone: string): Date | null {
  if (frequency === 'immediate') return null;
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const w = wallClockAt(now, timeZone);
  // Work on the local calendar date as a UTC date, so stepping back a day is plain arithmetic.
  let day = Date.UTC(w.year, w.month - 1, w.day);
  if (w.hour * 60 + w.minute < hour * 60 + minute) day -= 86_400_000;
  if (frequency === 'weekly') while (new Date(day).getUTCDay() !== 1) day -= 86_400_000;
  const date = new Date(day);
  return instantOfWallClock({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour, minute }, timeZone);
}
