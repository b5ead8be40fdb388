import type { Frequency } from './subscription.js';

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(instant: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), min: Number(p.minute), s: Number(p.second) };
}

/** The instant a wall-clock time in `timeZone` names (two passes settle the offset around DST). */
function instantOf(y: number, m: number, d: number, h: number, min: number, timeZone: string): number {
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  const offset = (at: number) => {
    const w = wallClock(at, timeZone);
    return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(at / 1000) * 1000;
  };
  const first = asUtc - offset(asUtc);
  return asUtc - offset(first);
}

/**
 * The most recent digest time at or before `now`: today's (or yesterday's) `time` ("07:00") in
 * the press office's zone for daily digests, the latest Monday's for weekly ones. A subscription
 * whose last digest is older than this is due one; null for immediate subscriptions.
 */
export function lastDigestBoundary(now: Date, frequency: Frequency, time: string, timeZone: string): Date | null {
  if (frequency === 'immediate') return null;
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const w = wallClock(now.getTime(), timeZone);
  // Work on the local calendar date as a UTC date, so stepping back a day is plain arithmetic.
  let day = Date.UTC(w.y, w.m - 1, w.d);
  if (w.h * 60 + w.min < hour * 60 + minute) day -= 86_400_000;
  if (frequency === 'weekly') while (new Date(day).getUTCDay() !== 1) day -= 86_400_000;
  const date = new Date(day);
  return new Date(instantOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), hour, minute, timeZone));
}
