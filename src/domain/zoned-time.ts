/**
 * Wall-clock time in an IANA time zone, and back: the one converter for the press office's zone
 * (datetime-local form fields, imported dates without an offset, digest times, calendar days).
 */

/** The zone a newsroom runs in when none is configured (PRESSROOM_TIME_ZONE). */
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** What a clock on the wall in `timeZone` shows at an instant. */
export function wallClockAt(date: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(partsFormatter(timeZone).formatToParts(date).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** The zone's offset from UTC at an instant, in milliseconds (+9 h for Asia/Seoul). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClockAt(new Date(instant), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `timeZone` names. Two passes settle the offset on both sides of
 * a daylight-saving change; a time skipped by the change moves forward. The fields are not checked
 * (31 February rolls over): callers that read user input check the day first.
 */
export function instantOfWallClock(time: Omit<WallClock, 'second'> & { second?: number }, timeZone: string): Date {
  const asUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second ?? 0);
  let instant = asUtc - offsetAt(asUtc, timeZone);
  instant = asUtc - offsetAt(instant, timeZone);
  return new Date(instant);
}
