/**
 * Counters kept for the whole site rather than for one text: readers' page views. (The public content
 * version that every server's page cache follows is moved by the unit of work itself.)
 */
export interface SiteStateRepo {
  /** Adds batched page views; ids of releases that no longer exist are ignored. */
  addViews(counts: ReadonlyMap<number, number>): Promise<void>;
}
