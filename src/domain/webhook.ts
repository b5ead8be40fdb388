/** The release events a webhook endpoint can receive (#14). */
export const WEBHOOK_EVENTS = ['release.published', 'release.corrected', 'release.withdrawn', 'release.embargo_lifted'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Whether a string names a webhook event. */
export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

export type WebhookDeliveryStatus = 'queued' | 'sending' | 'delivered' | 'failed';

/** A configured endpoint, without its secret (shown once, at creation). */
export interface WebhookEndpoint {
  id: number;
  url: string;
  events: WebhookEvent[];
  enabled: boolean;
  createdAt: Date;
}

/** The JSON body POSTed for an event. */
export interface WebhookPayload {
  /** The event's unique key (the same on every retry). */
  id: string;
  event: WebhookEvent;
  releaseId: number;
  language: string;
  board: string;
  number: number | null;
  title: string;
  url: string | null;
  occurredAt: string;
}
