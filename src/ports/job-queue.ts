export interface Job {
  id: number;
  kind: 'publish';
  releaseId: number;
  editionId: number;
  runAt: Date;
  attempts: number;
}

/**
 * The durable job table behind scheduled publishing. Claiming is atomic: on PostgreSQL several
 * server processes can poll at once and each due job is handed to exactly one of them.
 */
export interface JobQueue {
  enqueue(job: Omit<Job, 'id' | 'attempts'>, at: Date): Promise<Job>;
  /** Cancels pending jobs of a release (unschedule, withdraw). */
  cancelFor(releaseId: number, at: Date): Promise<number>;
  /** Claims due jobs (and jobs whose worker died mid-run) for this worker. */
  claimDue(now: Date, workerId: string, limit: number): Promise<Job[]>;
  complete(id: number, at: Date): Promise<void>;
  fail(id: number, error: string, retryAt: Date | null): Promise<void>;
  pendingFor(releaseId: number): Promise<Job[]>;
}
