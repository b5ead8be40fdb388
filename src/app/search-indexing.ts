import type { IndexDrift, SearchIndex } from '../ports/search-index.js';
import type { SearchOutbox } from '../ports/search-outbox.js';

export type IndexProgress = (done: number, total: number) => void;

export interface SearchIndexingDeps {
  outbox: SearchOutbox;
  index: Pick<SearchIndex, 'indexReleases' | 'rebuild' | 'check'>;
  /** Releases indexed per statement batch (500; tests set a few to stop a run half way). */
  batch?: number;
  /** Told when releases could not be indexed; they stay in the outbox and are tried again later. */
  onError?: (error: unknown, releaseIds: number[]) => void;
  /** Told after each batch is written to the index (cached search answers then expire). */
  onIndexed?: () => void;
}

/**
 * Durable search indexing. Every write that changes what search should find records its release in
 * the search outbox in the same transaction; this finishes that work: after each commit (`kick`),
 * when the server starts and on its timer, and at the end of `import-json` (`finish`). An entry is
 * deleted only once its release is indexed, so a crash at any point leaves the work to the next
 * run, never undone.
 */
export function makeSearchIndexing(deps: SearchIndexingDeps) {
  const batchSize = deps.batch ?? 500;
  let running: Promise<number> | null = null;
  let again = false;

  /**
   * Indexes a batch, or its releases one by one when the batch fails; returns the entries done and
   * how many of their releases are now in the index (withdrawn ones were taken out).
   */
  async function indexBatch(entries: { id: number; releaseId: number }[]): Promise<{ done: { id: number; releaseId: number }[]; indexed: number }> {
    const ids = [...new Set(entries.map((e) => e.releaseId))];
    try {
      return { done: entries, indexed: await deps.index.indexReleases(ids) };
    } catch {
      const failed = new Set<number>();
      let indexed = 0;
      for (const id of ids) {
        try {
          indexed += await deps.index.indexReleases([id]);
        } catch (error) {
          failed.add(id);
          deps.onError?.(error, [id]);
        }
      }
      return { done: entries.filter((e) => !failed.has(e.releaseId)), indexed };
    }
  }

  /** One pass over the outbox, oldest first; entries added meanwhile are included. Returns releases put in the index. */
  async function drain(onProgress?: IndexProgress): Promise<number> {
    const total = onProgress ? await deps.outbox.count() : 0;
    let seen = 0;
    let indexed = 0;
    let after = 0;
    if (total > 0) onProgress?.(0, total);
    for (;;) {
      const entries = await deps.outbox.next(after, batchSize);
      if (entries.length === 0) break;
      after = entries[entries.length - 1]!.id;
      const batch = await indexBatch(entries);
      await deps.outbox.remove(batch.done.map((e) => e.id));
      deps.onIndexed?.();
      indexed += batch.indexed;
      seen += new Set(entries.map((e) => e.releaseId)).size;
      if (total > 0 && seen < total) onProgress?.(seen, total);
    }
    if (total > 0) onProgress?.(total, total);
    return indexed;
  }

  /** Runs drains one at a time in this process; a request during a drain runs one more after it. */
  function finish(onProgress?: IndexProgress): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let count = 0;
      try {
        do {
          again = false;
          count += await drain(onProgress);
        } while (again);
      } finally {
        running = null;
      }
      return count;
    })();
    return running;
  }

  return {
    /** Indexes every release waiting in the outbox; resolves with how many were indexed. */
    finish,
    /** Starts finishing in the background (after a commit); failures are reported through onError. */
    kick(): void {
      finish().catch((error: unknown) => deps.onError?.(error, []));
    },
    /** Resolves once no drain is running in this process. */
    async idle(): Promise<void> {
      while (running) await running.catch(() => undefined);
    },
    /** How many releases wait to be indexed. */
    outstanding: () => deps.outbox.count(),
    /** Rebuilds the whole index (`pressroom reindex`); the outbox entries it covered are cleared. */
    async rebuild(onProgress?: IndexProgress): Promise<number> {
      const covered = await deps.outbox.lastId();
      const count = await deps.index.rebuild(onProgress);
      await deps.outbox.removeUpTo(covered);
      return count;
    },
    /** Where the index and the database disagree (`pressroom reindex --check`). */
    check: (onProgress?: IndexProgress): Promise<IndexDrift> => deps.index.check(onProgress),
  };
}
export type SearchIndexing = ReturnType<typeof makeSearchIndexing>;
