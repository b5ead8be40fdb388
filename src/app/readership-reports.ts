import { addDays, dayAt, daysBetween } from '../domain/calendar-day.js';
import { NotFoundError } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import type { DailyViews, DailyViewsRow, RankedRelease, Readership, ReadershipRelease } from '../ports/readership.js';

/** A period of whole days of the newsroom's time zone, both ends included (YYYY-MM-DD). */
export interface DayPeriod {
  from: string;
  to: string;
}

/** The longest period a chart or an export covers: a year, leap day included. */
export const MAX_PERIOD_DAYS = 366;
/** How many releases each "top" list shows. */
export const TOP_RELEASES = 10;

/**
 * Readership for press officers (#16): top releases of the last 7 and 30 days and one release's
 * views per day, with days in the newsroom's time zone. Views are counts only (no cookies, no
 * per-reader data), written by the view counter's batches.
 */
export function makeReadershipReports(deps: { readership: Readership; clock: Clock; timeZone: string }) {
  const today = () => dayAt(deps.clock.now(), deps.timeZone);
  /** The period asked for, or the 30 days up to today; never longer than a year nor inverted. */
  const periodOf = (asked: Partial<DayPeriod>): DayPeriod => {
    const to = asked.to ?? today();
    let from = asked.from ?? addDays(to, -29);
    if (from > to) from = to;
    if (daysBetween(from, to) > MAX_PERIOD_DAYS) from = addDays(to, -(MAX_PERIOD_DAYS - 1));
    return { from, to };
  };
  return {
    today,
    periodOf,
    /** "This week" and "this month": the 7 and 30 days up to today, most viewed first. */
    async overview(): Promise<{ week: DayPeriod & { releases: RankedRelease[] }; month: DayPeriod & { releases: RankedRelease[] } }> {
      const to = today();
      const week = { from: addDays(to, -6), to };
      const month = { from: addDays(to, -29), to };
      const [w, m] = await Promise.all([deps.readership.topReleases(week.from, week.to, TOP_RELEASES), deps.readership.topReleases(month.from, month.to, TOP_RELEASES)]);
      return { week: { ...week, releases: w }, month: { ...month, releases: m } };
    },
    /** A release's views on every day of the period (0 on days without views); NotFoundError when there is no such release. */
    async releaseDays(releaseId: number, asked: Partial<DayPeriod>): Promise<{ release: ReadershipRelease; period: DayPeriod; days: DailyViews[]; total: number }> {
      const period = periodOf(asked);
      const [release, counted] = await Promise.all([deps.readership.release(releaseId), deps.readership.dailyViews(releaseId, period.from, period.to)]);
      if (!release) throw new NotFoundError(`There is no release ${releaseId}`);
      const byDay = new Map(counted.map((d) => [d.day, d.views]));
      const days: DailyViews[] = [];
      for (let day = period.from; day <= period.to; day = addDays(day, 1)) days.push({ day, views: byDay.get(day) ?? 0 });
      return { release, period, days, total: counted.reduce((n, d) => n + d.views, 0) };
    },
    /** Every (day, release) count of the period, for the CSV export. */
    exportRows(asked: Partial<DayPeriod>, releaseId?: number): AsyncIterable<DailyViewsRow> {
      const period = periodOf(asked);
      return deps.readership.exportRows({ fromDay: period.from, toDay: period.to, releaseId });
    },
  };
}
export type ReadershipReports = ReturnType<typeof makeReadershipReports>;
