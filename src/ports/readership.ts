import type { Language } from '../domain/language.js';

/** Page views of releases per calendar day (newsroom time zone): counts only, nothing about readers. */
export interface DailyViewsWriter {
  /** Adds a batch of views to `day` (YYYY-MM-DD); ids of releases that no longer exist are ignored. */
  addDailyViews(day: string, counts: ReadonlyMap<number, number>): Promise<void>;
}

/** A release as readership lists name it: its live title (or latest, before publication). */
export interface ReadershipRelease {
  releaseId: number;
  boardSlug: string;
  language: Language;
  number: number | null;
  title: string;
  /** Every view counted since the release was first shown (releases.view_count). */
  totalViews: number;
}

export interface RankedRelease extends ReadershipRelease {
  /** Views within the period asked for. */
  views: number;
}

export interface DailyViews {
  day: string;
  views: number;
}

/** One CSV row: a release's views on one day. */
export interface DailyViewsRow extends DailyViews {
  release: Omit<ReadershipRelease, 'totalViews'>;
}

/** Readership reads for press officers (admin pages and their CSV exports). */
export interface Readership {
  /** The releases with the most views from `fromDay` to `toDay` (both included), most first. */
  topReleases(fromDay: string, toDay: string, limit: number): Promise<RankedRelease[]>;
  /** The release as readership pages name it; null when there is no such release. */
  release(releaseId: number): Promise<ReadershipRelease | null>;
  /** The days of a release that have views, from `fromDay` to `toDay`, in day order (days without views are absent). */
  dailyViews(releaseId: number, fromDay: string, toDay: string): Promise<DailyViews[]>;
  /**
   * Every (day, release) count in the range, by day then release, read `batch` rows at a time so an
   * export of a year of every release never sits in memory whole.
   */
  exportRows(query: { fromDay: string; toDay: string; releaseId?: number }, batch?: number): AsyncIterable<DailyViewsRow>;
}
