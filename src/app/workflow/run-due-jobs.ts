import type { Clock } from '../../ports/clock.js';
import type { Job, JobQueue } from '../../ports/job-queue.js';
import type { TxRepos } from '../../ports/unit-of-work.js';
import { SYSTEM_ACTOR } from './actor.js';
import type { PublishRelease } from './publish-release.js';

/**
 * How long a claim on a job lasts. A publication takes milliseconds and each job's lease is renewed
 * just before it runs, so only a worker that died (or hangs) loses its jobs, to whoever claims next.
 */
export const JOB_LEASE_MS = 60_000;

export interface RunDueJobsDeps {
  jobs: JobQueue;
  clock: Clock;
  publishRelease: PublishRelease;
  workerId: string;
  /** True when the worker named in a claim is known to be gone (a crashed process on this host): its jobs are claimed at once. */
  isWorkerGone?: (workerId: string) => boolean;
  onError?: (e: unknown) => void;
}

/** True when the job still stands: its edition is the release's latest, scheduled for exactly the job's time. */
async function stillScheduled(tx: TxRepos, job: Job): Promise<boolean> {
  const edition = await tx.editions.latestEdition(job.releaseId);
  return edition?.id === job.editionId && edition.state === 'scheduled' && edition.scheduledAt?.getTime() === job.scheduledFor.getTime();
}

/**
 * The scheduler's tick: claims due publish jobs (leases) and runs each through the same publish
 * command as an editor would, as the system actor. A job does nothing when its edition is no longer
 * scheduled for the time it was made for (unscheduled, rescheduled, published by hand) or when this
 * worker no longer holds it. The check, the publication and the job's completion are one
 * transaction, so a crash at any point leaves either nothing done (the job is claimed again) or
 * everything: never a release published twice. Jobs that came due while the server was down, and
 * jobs held by a worker that died, run at start.
 */
export function makeRunDueJobs(deps: RunDueJobsDeps) {
  const { jobs, clock, workerId } = deps;

  /** Frees the claims of workers that are gone, so their jobs need not wait for the lease to run out. */
  async function reclaimFromGoneWorkers(): Promise<void> {
    if (!deps.isWorkerGone) return;
    const gone = (await jobs.holders()).filter((w) => w !== workerId && deps.isWorkerGone!(w));
    if (gone.length > 0) await jobs.release(gone, clock.now());
  }

  return async function runDueJobs(limit = 20): Promise<number> {
    await reclaimFromGoneWorkers();
    const claimed = await jobs.claimDue(clock.now(), workerId, limit, new Date(clock.now().getTime() + JOB_LEASE_MS));
    let published = 0;
    for (const job of claimed) {
      try {
        // Renewed before each job of the batch, so a slow batch never outlives its lease.
        if (!(await jobs.renew(job.id, workerId, new Date(clock.now().getTime() + JOB_LEASE_MS)))) continue;
        const outcome = await deps.publishRelease(job.releaseId, SYSTEM_ACTOR, {
          onlyIf: async (tx) => {
            // Completing it here makes the job's end part of the publication's transaction.
            const held = await tx.jobs.complete(job.id, workerId, clock.now());
            return held && (await stillScheduled(tx, job));
          },
        });
        if (outcome.published) published += 1;
      } catch (error) {
        deps.onError?.(error);
        const retry = job.attempts < 5 ? new Date(clock.now().getTime() + 30_000 * job.attempts) : null;
        await jobs.fail(job.id, workerId, error instanceof Error ? error.message : String(error), retry);
      }
    }
    return published;
  };
}
