import type { Clock } from '../../ports/clock.js';
import type { JobQueue } from '../../ports/job-queue.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { SYSTEM_ACTOR } from './actor.js';
import type { PublishRelease } from './publish-release.js';

/**
 * The scheduler's tick: claims due publish jobs and runs each through the same publish command as
 * an editor would, as the system actor. Idempotent: a job whose edition is already published
 * completes without publishing twice. Jobs that came due while the server was down run at start.
 */
export function makeRunDueJobs(deps: { uow: UnitOfWork; jobs: JobQueue; clock: Clock; publishRelease: PublishRelease; workerId: string; onError?: (e: unknown) => void }) {
  return async function runDueJobs(limit = 20): Promise<number> {
    const claimed = await deps.jobs.claimDue(deps.clock.now(), deps.workerId, limit);
    let published = 0;
    for (const job of claimed) {
      try {
        const edition = await deps.uow.run((tx) => tx.releases.getEdition(job.editionId));
        if (edition?.state === 'scheduled') {
          await deps.publishRelease(job.releaseId, SYSTEM_ACTOR);
          published += 1;
        }
        await deps.jobs.complete(job.id, deps.clock.now());
      } catch (error) {
        deps.onError?.(error);
        const retry = job.attempts < 5 ? new Date(deps.clock.now().getTime() + 30_000 * job.attempts) : null;
        await deps.jobs.fail(job.id, error instanceof Error ? error.message : String(error), retry);
      }
    }
    return published;
  };
}
