/** Row type of readership counts (migration 2026120414-readership). */
export interface ReleaseDailyViewsTable {
  release_id: number;
  /** YYYY-MM-DD in the newsroom's time zone. */
  day: string;
  views: number;
}

export interface ReadershipTables {
  release_daily_views: ReleaseDailyViewsTable;
}
