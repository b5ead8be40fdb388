import type { Generated } from 'kysely';

/** Row types of webhooks and staff notifications (migration 2026120350-webhooks-notifications); times are epoch ms. */
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

export interface StaffNotificationsTable {
  id: Generated<number>;
  user_id: number;
  /** The audit entry it comes from (unique per person). */
  audit_id: number;
  /** The audit action: release.submitted, release.rejected, …, preview_link.opened. */
  kind: string;
  release_id: number | null;
  /** JSON: the release title, who did it, a comment. */
  details: string;
  created_at: number;
  read_at: number | null;
}

export interface NotifiedAuditEntriesTable {
  audit_id: number;
  created_at: number;
}

export interface WebhookTables {
  staff_notifications: StaffNotificationsTable;
  notified_audit_entries: NotifiedAuditEntriesTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
