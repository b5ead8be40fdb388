import type { Language, Localized } from '../domain/language.js';
import type { Frequency, Subscription, SubscriptionCriteria } from '../domain/subscription.js';
import type { AuditLog } from './audit-log.js';

export interface NewSubscription extends SubscriptionCriteria {
  email: string;
  frequency: Frequency;
  createdAt: Date;
}

/** Public email subscriptions: the address, its language, criteria, frequency and times only. */
export interface SubscriptionRepo {
  get(id: number): Promise<Subscription | null>;
  findSame(email: string, criteria: SubscriptionCriteria): Promise<Subscription | null>;
  create(input: NewSubscription): Promise<Subscription>;
  /** Pending -> confirmed; false when it was not pending (already confirmed). */
  confirm(id: number, at: Date): Promise<boolean>;
  setFrequency(id: number, frequency: Frequency, at: Date): Promise<void>;
  /** Restarts the confirmation clock of a pending subscription (a second request). */
  touch(id: number, at: Date): Promise<void>;
  remove(id: number): Promise<boolean>;
  /**
   * One page of the confirmed subscriptions whose board and tag conditions a release meets (any
   * query): those with an id above `afterId`, in id order, at most `limit` (keyset pagination, so an
   * alert to any number of subscribers holds one page at a time).
   */
  matching(release: { language: Language; boardId: number; tags: string[] }, page: { afterId: number; limit: number }): Promise<Subscription[]>;
  /** Confirmed daily or weekly subscriptions whose last digest (or confirmation) is before `boundary`. */
  dueDigests(frequency: 'daily' | 'weekly', boundary: Date, limit: number): Promise<Subscription[]>;
  /** Takes this digest for this process: false when another already did (or it is not due). */
  claimDigest(id: number, boundary: Date, at: Date): Promise<boolean>;
  /** Deletes pending subscriptions created before `before`; returns how many. */
  purgeUnconfirmed(before: Date): Promise<number>;
  listByEmail(email: string): Promise<Subscription[]>;
  removeByEmail(email: string): Promise<number>;
}

export type OutboxStatus = 'held' | 'queued' | 'sending' | 'sent' | 'failed';

export interface NewOutboxEmail {
  kind: 'confirm' | 'already_subscribed' | 'alert' | 'digest' | 'staff_notification' | 'embargoed' | 'embargo_notice';
  recipient: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
  /** 'held' when no mail server is configured: kept for people to read in the admin. */
  status: 'held' | 'queued';
  subscriptionId: number | null;
  createdAt: Date;
}

export interface OutboxEmail extends Omit<NewOutboxEmail, 'status'> {
  id: number;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
}

/** The durable outbox: every email is a row first, written in the same transaction as the decision to send it. */
export interface OutboxRepo {
  add(email: NewOutboxEmail): Promise<number>;
  /**
   * Atomically claims queued emails that are due, and emails whose sender stopped mid-send (lease
   * older than `leaseMs`), for this worker: several processes never get the same row.
   */
  claimDue(now: Date, workerId: string, limit: number, leaseMs: number): Promise<OutboxEmail[]>;
  markSent(id: number, at: Date): Promise<void>;
  markRetry(id: number, error: string, nextAttemptAt: Date): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  get(id: number): Promise<OutboxEmail | null>;
  list(query: { status?: OutboxStatus; beforeId?: number; limit: number }): Promise<OutboxEmail[]>;
  listByRecipient(email: string): Promise<OutboxEmail[]>;
  removeByRecipient(email: string): Promise<number>;
}

/** A release edition that is public and worth an alert, not yet alerted. */
export interface AlertCandidate {
  releaseId: number;
  editionId: number;
  language: Language;
  boardId: number;
  tags: string[];
  firstPublishedAt: Date;
}

/** What an alert or digest says about one release. */
export interface AlertItem {
  releaseId: number;
  editionId: number;
  language: Language;
  boardSlug: string;
  boardName: Localized;
  number: number;
  title: string;
  subtitle: string[];
  department: string;
  publicAt: Date;
  /** The public change note of a correction; null for a first publication. */
  changeNote: string | null;
  /** Still published (a release withdrawn before its digest is left out). */
  isPublished: boolean;
}

/** Which releases were alerted, and the (subscription, release, edition) delivery records. */
export interface AlertRepo {
  /**
   * Published, public releases whose latest edition that is not a minor edit was published (or
   * became public) at or after `since` and has not been alerted yet.
   */
  candidates(now: Date, since: Date, limit: number): Promise<AlertCandidate[]>;
  item(releaseId: number, editionId: number): Promise<AlertItem | null>;
  /** Records the release edition as alerted; false when another process already has. */
  recordAlert(releaseId: number, editionId: number, at: Date, recipients: number): Promise<boolean>;
  /** Adds delivery records; returns the subscriptions that had none for this edition yet. */
  addDeliveries(rows: { subscriptionId: number; releaseId: number; editionId: number; status: 'mailed' | 'digest_pending'; createdAt: Date }[]): Promise<number[]>;
  setDeliveryOutbox(subscriptionId: number, releaseId: number, editionId: number, outboxId: number): Promise<void>;
  pendingDigest(subscriptionId: number): Promise<{ releaseId: number; editionId: number }[]>;
  /** Marks these pending records as sent in the digest `outboxId` (null: nothing was left to send). */
  markDigested(subscriptionId: number, items: { releaseId: number; editionId: number }[], outboxId: number | null): Promise<void>;
  deliveriesOf(subscriptionId: number): Promise<{ releaseId: number; editionId: number; status: string; createdAt: Date }[]>;
}

/** Secrets shared by every server process, created once (the HMAC key of subscription links). */
export interface SecretStore {
  getOrCreate(name: string, make: () => string, at: Date): Promise<string>;
}

export interface DistributionTx {
  subscriptions: SubscriptionRepo;
  outbox: OutboxRepo;
  alerts: AlertRepo;
  audit: AuditLog;
}

/** Distribution writes in one transaction (a decision to send and its outbox rows together). */
export interface DistributionUnitOfWork {
  run<T>(work: (tx: DistributionTx) => Promise<T>): Promise<T>;
}
