/**
 * Calendar days (YYYY-MM-DD) of the newsroom's time zone: what readership counts are kept by, and
 * how date pickers' values are read. Built on the one wall-clock converter (zoned-time.ts).
 */
import { instantOfWallClock, wallClockAt } from './zoned-time.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day a wall clock in `timeZone` shows at an instant. */
export function dayAt(date: Date, timeZone: string): string {
  const w = wallClockAt(date, timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1);
}

/** The instant `day` starts in `timeZone` (its midnight; a midnight skipped by a clock change moves forward). */
export function startOfDay(day: string, timeZone: string): Date {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`Not a day: ${day}`);
  return instantOfWallClock({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 }, timeZone);
}
