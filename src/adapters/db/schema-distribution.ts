import type { Generated } from 'kysely';

/** Row types of email distribution (migration 2026120320-distribution); times are epoch ms. */
export interface SubscriptionsTable {
  id: Generated<number>;
  /** The address with its domain in ASCII (IDN domains as punycode), lower-cased domain. */
  email: string;
  language: string;
  board_id: number | null;
  tag: string | null;
  query: string | null;
  /** The criteria as one string, so (email, language, criteria) is unique. */
  criteria_key: string;
  frequency: string;
  /** 'pending' until the link in the confirmation email is followed, then 'confirmed'. */
  status: string;
  created_at: number;
  updated_at: number;
  confirmed_at: number | null;
  last_digest_at: number | null;
}

export interface OutboxEmailsTable {
  id: Generated<number>;
  kind: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** JSON object of extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers: string;
  message_id: string;
  /** 'held' (no SMTP configured), 'queued', 'sending', 'sent', 'failed'. */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: number;
  locked_by: string | null;
  locked_at: number | null;
  last_error: string | null;
  subscription_id: number | null;
  created_at: number;
  sent_at: number | null;
}

export interface ReleaseAlertsTable {
  release_id: number;
  edition_id: number;
  alerted_at: number;
  recipients: number;
}

export interface SubscriptionDeliveriesTable {
  subscription_id: number;
  release_id: number;
  edition_id: number;
  /** 'mailed' (immediate), 'digest_pending', 'digested'. */
  status: string;
  outbox_id: number | null;
  created_at: number;
}

export interface AppSecretsTable {
  name: string;
  value: string;
  created_at: number;
}

export interface DistributionTables {
  subscriptions: SubscriptionsTable;
  outbox_emails: OutboxEmailsTable;
  release_alerts: ReleaseAlertsTable;
  subscription_deliveries: SubscriptionDeliveriesTable;
  app_secrets: AppSecretsTable;
}
