/**
 * Releases whose search entry must be brought up to date. An entry is added in the same transaction
 * as the change (publication, correction, withdrawal, import), so a crash between the commit and the
 * indexing loses nothing: whoever finishes the indexing (the after-commit indexer, the server at
 * start and on its timer, `import-json`) deletes the entry once the release is indexed.
 */
export interface SearchOutbox {
  /** Records that these releases need indexing. */
  add(releaseIds: number[], at: Date): Promise<void>;
  /** Records every release that may be in the index (published or withdrawn): after a bulk load. */
  addAll(at: Date): Promise<number>;
  /** Outstanding entries after `afterId`, at most `limit`, in the order they were added. */
  next(afterId: number, limit: number): Promise<{ id: number; releaseId: number }[]>;
  /** Deletes entries once their releases are indexed; entries added meanwhile stay. */
  remove(ids: number[]): Promise<void>;
  /** Deletes every entry up to `id`, inclusive (a full rebuild covered them). */
  removeUpTo(id: number): Promise<void>;
  /** The newest entry's id, 0 when there is none. */
  lastId(): Promise<number>;
  /** How many releases are outstanding. */
  count(): Promise<number>;
}
