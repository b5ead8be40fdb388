import type { WebhookDeliveryStatus, WebhookEndpoint, WebhookEvent } from '../domain/webhook.js';
import type { Language } from '../domain/language.js';
import type { AuditLog } from './audit-log.js';

/** A release event found in the audit trail or the releases table, not yet recorded. */
export interface WebhookEventCandidate {
  key: string;
  event: WebhookEvent;
  releaseId: number;
  occurredAt: Date;
  language: Language;
  boardSlug: string;
  number: number | null;
  title: string;
}

export interface WebhookDelivery {
  id: number;
  endpointId: number;
  url: string;
  secret: string;
  eventId: number;
  event: WebhookEvent;
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** Webhook endpoints, events and deliveries (migration 2026120350-webhooks). */
export interface WebhookRepo {
  createEndpoint(input: { url: string; events: WebhookEvent[]; secret: string; at: Date }): Promise<WebhookEndpoint>;
  getEndpoint(id: number): Promise<WebhookEndpoint | null>;
  setEnabled(id: number, enabled: boolean, at: Date): Promise<boolean>;
  listEndpoints(): Promise<WebhookEndpoint[]>;
  /** Events of the last `since` window that happened and are not recorded yet (see the adapter). */
  candidates(now: Date, since: Date, limit: number): Promise<WebhookEventCandidate[]>;
  /** Records the event (false when another process already did) and a queued delivery per enabled endpoint that wants it. */
  recordEvent(candidate: WebhookEventCandidate, payload: string, at: Date): Promise<number | null>;
  addDeliveries(eventId: number, event: WebhookEvent, at: Date): Promise<number>;
  /** Claims due deliveries (and ones whose sender stopped: lease older than `leaseMs`) for this worker only. */
  claimDue(now: Date, workerId: string, limit: number, leaseMs: number): Promise<WebhookDelivery[]>;
  markDelivered(id: number, status: number, at: Date): Promise<void>;
  markRetry(id: number, status: number | null, error: string, next: Date): Promise<void>;
  markFailed(id: number, status: number | null, error: string): Promise<void>;
  listDeliveries(query: { endpointId?: number; limit: number }): Promise<WebhookDelivery[]>;
}

export interface WebhookTx {
  webhooks: WebhookRepo;
  audit: AuditLog;
}

/** Webhook writes with their audit entry in one transaction. */
export interface WebhookUnitOfWork {
  run<T>(work: (tx: WebhookTx) => Promise<T>): Promise<T>;
}

/** Outcome of one POST: an HTTP status, or no answer (timeout, refused connection). */
export type WebhookPostResult = { status: number } | { error: string };

/** POSTs a body to a URL with a bounded wait (no vendor types). */
export interface WebhookPoster {
  post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<WebhookPostResult>;
}
