import type { AttachmentText, ExtractedText, TextViewState } from '../domain/attachment-text.js';
import type { Language } from '../domain/language.js';

/** A claimed extraction job: one stored file to read. */
export interface TextJob {
  sha256: string;
  mimeType: string;
  attempts: number;
}

/**
 * Text views of stored files and their extraction jobs (by content address). A job is a `pending`
 * row; claiming it is a lease, as for scheduled publications, so a worker that dies (kill -9)
 * holds it only until the lease runs out.
 */
export interface AttachmentTexts {
  /** Queues a file for extraction unless it has a row already (a file attached twice is read once). */
  queue(sha256: string, mimeType: string, at: Date): Promise<void>;
  /** Queues every extractable document attachment that has no row yet (start, `pressroom reindex`); returns how many. */
  queueMissing(mimeTypes: string[], at: Date): Promise<number>;
  /** Claims due jobs (and running ones whose lease ran out) for this worker. */
  claim(now: Date, workerId: string, limit: number, leaseUntil: Date): Promise<TextJob[]>;
  /**
   * Stores the outcome of a job this worker holds and, in the same transaction, records the releases
   * carrying the file in the search outbox; returns those releases, or null when it holds the job no longer.
   */
  finish(sha256: string, workerId: string, result: ExtractedText & { language?: Language | null }, at: Date): Promise<number[] | null>;
  /** Records a crashed attempt: tried again at `retryAt`, or failed for good with the reason. */
  retry(sha256: string, workerId: string, error: string, retryAt: Date | null): Promise<void>;
  /** Makes the running jobs of workers known to be gone claimable at once. */
  release(workerIds: string[], at: Date): Promise<number>;
  /** The workers holding running jobs. */
  holders(): Promise<string[]>;
  /** The text view of a file, or null when it has none queued. */
  get(sha256: string): Promise<AttachmentText | null>;
  /** Status of many files at once (for the release page's "Read online" links). */
  statuses(sha256s: string[]): Promise<Map<string, AttachmentText['status']>>;
  /** Status, partial note and failure reason of many files at once, without their text (the admin's attachment list). */
  states(sha256s: string[]): Promise<Map<string, TextViewState>>;
  /** Releases whose live edition carries the file: their search entries follow its text. */
  releasesCarrying(sha256: string): Promise<number[]>;
  /** How many jobs wait or run. */
  outstanding(): Promise<number>;
}
