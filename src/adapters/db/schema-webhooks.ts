import type { Generated } from 'kysely';

/** Row types of webhooks (migration 2026120350-webhooks); times are epoch ms. */
export interface WebhookEndpointsTable {
  id: Generated<number>;
  url: string;
  /** JSON array of event names. */
  events: string;
  /** The HMAC key (hex); shown once to the administrator, needed in clear to sign. */
  secret: string;
  enabled: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface WebhookEventsTable {
  id: Generated<number>;
  /** What makes the event unique: `audit:<audit id>` or `embargo:<release>:<public time>`. */
  event_key: string;
  event: string;
  release_id: number;
  /** The JSON body, fixed when the event is recorded, so every attempt sends the same bytes. */
  payload: string;
  occurred_at: number;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  endpoint_id: number;
  event_id: number;
  /** 'queued', 'sending', 'delivered', 'failed'. */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: number;
  locked_by: string | null;
  locked_at: number | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

export interface WebhookTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
