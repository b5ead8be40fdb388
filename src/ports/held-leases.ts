/** How many claims of each queue were handed back. */
export interface ReleasedLeases {
  scheduledJobs: number;
  attachmentTexts: number;
  mailOutbox: number;
  webhooks: number;
}

/** Claims one worker holds on queued work (scheduled jobs, text views, mail outbox, webhook deliveries). */
export interface HeldLeases {
  /**
   * Puts everything `workerId` has claimed back in its queue, due as before, so another server takes
   * it at once instead of waiting for the lease to run out: a server shutting down calls this after
   * its current work has finished.
   */
  releaseAll(workerId: string, at: Date): Promise<ReleasedLeases>;
}
