import { parseLocalDateTime } from './admin/shared/datetime-local.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `text` is a real calendar day written YYYY-MM-DD (no 2026-02-31). */
export function isCalendarDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text;
}

/** The day after a YYYY-MM-DD day, in the same form. */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Whole days as instants, read in the site's time zone (a reader in Seoul means Seoul's
 * 2026-11-20, which starts at 15:00 UTC the day before): `from` at the start of its day, `to`
 * inclusive, so the range ends at the start of the next day. Shared by the search page and the API.
 */
export function dayRange(from: string | null, to: string | null, timeZone: string): { from: Date | null; to: Date | null } {
  return {
    from: from ? parseLocalDateTime(`${from}T00:00`, timeZone) : null,
    to: to ? parseLocalDateTime(`${nextDay(to)}T00:00`, timeZone) : null,
  };
}
