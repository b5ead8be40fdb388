/**
 * `<input type="datetime-local">` sends wall-clock time with no zone ("2026-11-21T09:00"). Staff
 * mean the press office's time zone, not the server's or UTC, so conversion names the zone.
 */

import { instantOfWallClock, wallClockAt } from '../../../domain/zoned-time.js';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads a datetime-local value as wall-clock time in `timeZone`. Returns null for anything that is
 * not a real date and time (bad format, 31 February). A time skipped by a DST change moves forward.
 */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  return instantOfWallClock({ year, month, day, hour, minute, second }, timeZone);
}

/** An instant as a datetime-local value in `timeZone`, to fill a form field back in. */
export function toLocalDateTimeValue(date: Date, timeZone: string): string {
  const w = wallClockAt(date, timeZone);
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}
