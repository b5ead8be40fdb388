import type { UnitOfWork } from '../ports/unit-of-work.js';

/**
 * Counts page views in memory and writes them in one batch, so reading a release never waits for a
 * database write. Counts still pending at shutdown are flushed by the composition root.
 */
export function makeViewCounter(deps: { uow: UnitOfWork }) {
  let pending = new Map<number, number>();
  return {
    record(releaseId: number): void {
      pending.set(releaseId, (pending.get(releaseId) ?? 0) + 1);
    },
    pendingFor(releaseId: number): number {
      return pending.get(releaseId) ?? 0;
    },
    /** Writes pending counts; on failure they are put back so no view is lost. */
    async flush(): Promise<number> {
      if (pending.size === 0) return 0;
      const batch = pending;
      pending = new Map();
      try {
        // One transaction for the whole batch: a commit per release was three times slower.
        await deps.uow.run((tx) => tx.siteState.addViews(batch));
      } catch (error) {
        for (const [id, n] of batch) pending.set(id, (pending.get(id) ?? 0) + n);
        throw error;
      }
      let total = 0;
      for (const n of batch.values()) total += n;
      return total;
    },
  };
}
export type ViewCounter = ReturnType<typeof makeViewCounter>;
