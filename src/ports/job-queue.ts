export interface Job {
  id: number;
  kind: 'publish';
  releaseId: number;
  editionId: number;
  /**
   * The publication time the job was made for. It never moves; a job does nothing once its edition
   * is no longer scheduled for exactly this time (unscheduled, rescheduled, published by hand).
   */
  scheduledFor: Date;
  /** When the job is (next) tried: its scheduled time, later after a failed attempt. */
  runAt: Date;
  attempts: number;
}

/**
 * The durable job table behind scheduled publishing. Claiming is atomic: on PostgreSQL several
 * server processes can poll at once and each due job is handed to exactly one of them. A claim is
 * a lease: a worker that dies (kill -9, power loss) holds its jobs only until the lease runs out,
 * or until a restart on the same host finds the process gone.
 */
export interface JobQueue {
  enqueue(job: { kind: 'publish'; releaseId: number; editionId: number; scheduledFor: Date }, at: Date): Promise<Job>;
  /** Cancels a release's pending and running jobs (unschedule, reschedule, withdraw, publish); a worker holding one finds it gone. */
  cancelFor(releaseId: number, at: Date): Promise<number>;
  /** Claims due jobs, and running jobs whose lease has run out, for this worker, leased until `leaseUntil`. */
  claimDue(now: Date, workerId: string, limit: number, leaseUntil: Date): Promise<Job[]>;
  /** Extends this worker's lease on a job; false when the worker holds it no longer (cancelled, or claimed again). */
  renew(id: number, workerId: string, leaseUntil: Date): Promise<boolean>;
  /** Marks a job this worker holds as done; false (and nothing changed) when it holds it no longer. */
  complete(id: number, workerId: string, at: Date): Promise<boolean>;
  /** Records a failed attempt of a job this worker holds: tried again at `retryAt`, or failed for good. */
  fail(id: number, workerId: string, error: string, retryAt: Date | null): Promise<void>;
  /** The workers holding running jobs (each job names its worker). */
  holders(): Promise<string[]>;
  /** Makes the running jobs of workers known to be gone claimable at once; returns how many. */
  release(workerIds: string[], at: Date): Promise<number>;
  pendingFor(releaseId: number): Promise<Job[]>;
}
