/** The background queues an operator watches (metrics). */
export const QUEUES = ['scheduled_jobs', 'attachment_texts', 'search_outbox', 'mail_outbox', 'webhooks'] as const;
export type QueueName = (typeof QUEUES)[number];

/** One queue's backlog: work that is due (or being done), and when the oldest due item came due. */
export interface QueueStat {
  queue: QueueName;
  depth: number;
  oldestDueAt: Date | null;
}

/** Reads every queue's backlog in a few cheap queries (counted on each metrics scrape). */
export interface QueueStats {
  read(now: Date): Promise<QueueStat[]>;
}
