import type { Kysely } from 'kysely';
import { makeConfirmSubscription } from '../app/distribution/confirm-subscription.js';
import { makeEraseSubscriber } from '../app/distribution/erase-subscriber.js';
import { makeExportSubscriber } from '../app/distribution/export-subscriber.js';
import { makeLinkTokens } from '../app/distribution/link-tokens.js';
import { makeManageSubscription } from '../app/distribution/manage-subscription.js';
import { makePurgeUnconfirmed } from '../app/distribution/purge-unconfirmed.js';
import { makeQueueReleaseAlerts, type AlertBatch, type AlertDeps } from '../app/distribution/queue-release-alerts.js';
import { makeRunDistribution } from '../app/distribution/run-distribution.js';
import { makeSendDigests } from '../app/distribution/send-digests.js';
import { makeSendOutbox, type SendPolicy } from '../app/distribution/send-outbox.js';
import { makeSubscribe } from '../app/distribution/subscribe.js';
import { makeUnsubscribe } from '../app/distribution/unsubscribe.js';
import { makeCreateWebhook } from '../app/distribution/create-webhook.js';
import { makeDeliverWebhooks, type WebhookPolicy } from '../app/distribution/deliver-webhooks.js';
import { makeQueueWebhookEvents } from '../app/distribution/queue-webhook-events.js';
import { makeSetWebhookEnabled } from '../app/distribution/set-webhook-enabled.js';
import { makeWebhookRepo, makeWebhookUnitOfWork } from '../adapters/db/webhook.repo.js';
import { makeMarkNotificationsRead } from '../app/notifications/mark-notifications-read.js';
import { makeQueueStaffNotifications } from '../app/notifications/queue-staff-notifications.js';
import { makeSetNotificationEmail } from '../app/notifications/set-notification-email.js';
import { makeStaffNotificationRepo, makeStaffNotificationUnitOfWork } from '../adapters/db/staff-notification.repo.js';
import { makeStaffNotificationEmail } from '../web/email/staff-notification-email.js';
import { makeFetchWebhookPoster } from '../adapters/http/webhook-poster.js';
import { makeAlertRepo } from '../adapters/db/alert.repo.js';
import { makeDistributionUnitOfWork, makeSecretStore } from '../adapters/db/distribution-uow.js';
import { makeOutboxRepo } from '../adapters/db/outbox.repo.js';
import type { Database } from '../adapters/db/schema.js';
import { makeSubscriptionRepo } from '../adapters/db/subscription.repo.js';
import type { SmtpMailerOptions } from '../adapters/mail/smtp-mailer.js';
import type { BoardRepo } from '../ports/board-repo.js';
import type { Clock } from '../ports/clock.js';
import type { Mailer } from '../ports/mailer.js';
import type { SearchIndex } from '../ports/search-index.js';
import { makeDistributionLinks } from '../web/email/distribution-links.js';
import { makeEmailTemplates } from '../web/email/email-templates.js';

export interface DistributionOptions {
  /** PRESSROOM_SMTP_URL; without it every email is held in the outbox (visible at /admin/outbox). */
  smtpUrl?: string | null;
  /** PRESSROOM_MAIL_FROM. */
  mailFrom?: string;
  /** Links in emails are made absolute with this (PRESSROOM_BASE_URL). */
  baseUrl?: string;
  siteName?: string;
  /** "07:00": when daily (and Monday's weekly) digests go out, in the newsroom's time zone. */
  digestTime?: string;
  smtpTimeouts?: SmtpMailerOptions['timeouts'];
  sendPolicy?: Partial<SendPolicy>;
  /** Webhook timeout, retries and lease (defaults: 10 s, 1-4-16 … min, 8 attempts, 2 min). */
  webhookPolicy?: Partial<WebhookPolicy>;
  /** Subscriptions per alert fan-out transaction (200 unless set), and who is told after each. */
  alertBatch?: number;
  onAlertBatch?: (batch: AlertBatch) => void;
}

/** Builds email distribution (#14): subscriptions, alerts, digests, the outbox and its sender. */
export function composeDistribution(deps: { db: Kysely<Database>; clock: Clock; boards: BoardRepo; search: SearchIndex; workerId: string; timeZone: string; options: DistributionOptions }) {
  const o = deps.options;
  const { db, clock } = deps;
  const uow = makeDistributionUnitOfWork(db);
  const outboxRepo = makeOutboxRepo(db);
  const links = makeDistributionLinks(o.baseUrl ?? 'http://localhost:3000');
  const templates = makeEmailTemplates({ siteName: o.siteName ?? 'Pressroom', timeZone: deps.timeZone });
  const tokens = makeLinkTokens({ secrets: makeSecretStore(db), clock });
  const mailer = o.smtpUrl ? lazySmtpMailer({ url: o.smtpUrl, from: o.mailFrom ?? 'Pressroom <pressroom@localhost>', timeouts: o.smtpTimeouts }) : null;
  const outbox = { hold: mailer === null, links };
  const alertDeps: AlertDeps = { uow, alerts: makeAlertRepo(db), subscriptions: makeSubscriptionRepo(db), search: deps.search, boards: deps.boards, tokens, templates, clock, outbox, batchSize: o.alertBatch, onBatch: o.onAlertBatch };
  const queueReleaseAlerts = makeQueueReleaseAlerts(alertDeps);
  const sendDigests = makeSendDigests({ ...alertDeps, digestTime: o.digestTime ?? '07:00', timeZone: deps.timeZone });
  const purgeUnconfirmed = makePurgeUnconfirmed({ uow, clock });
  const sendOutbox = mailer ? makeSendOutbox({ outbox: outboxRepo, mailer, clock, workerId: deps.workerId, policy: o.sendPolicy }) : null;
  const webhookRepo = makeWebhookRepo(db);
  const webhookUow = makeWebhookUnitOfWork(db);
  const queueWebhookEvents = makeQueueWebhookEvents({ uow: webhookUow, webhooks: webhookRepo, clock, publicUrl: links.release });
  const deliverWebhooks = makeDeliverWebhooks({ webhooks: webhookRepo, poster: makeFetchWebhookPoster(), clock, workerId: deps.workerId, policy: o.webhookPolicy });
  const notificationRepo = makeStaffNotificationRepo(db);
  const notificationUow = makeStaffNotificationUnitOfWork(db);
  const baseUrl = (o.baseUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  const queueStaffNotifications = makeQueueStaffNotifications({
    uow: notificationUow,
    notifications: notificationRepo,
    clock,
    outbox,
    email: makeStaffNotificationEmail({ siteName: o.siteName ?? 'Pressroom' }),
    adminUrl: (path) => `${baseUrl}${path}`,
  });
  return {
    /** Staff notifications (#14): derived from the audit trail, in-app and (by choice) by email. */
    notifications: {
      repo: notificationRepo,
      queue: queueStaffNotifications,
      markAllRead: makeMarkNotificationsRead({ uow: notificationUow, clock }),
      setEmail: makeSetNotificationEmail({ uow: notificationUow, clock }),
    },
    /** Webhooks (#14): endpoints, events derived from the audit trail, signed deliveries. */
    webhooks: {
      repo: webhookRepo,
      create: makeCreateWebhook({ uow: webhookUow, clock }),
      setEnabled: makeSetWebhookEnabled({ uow: webhookUow, clock }),
      queue: queueWebhookEvents,
      deliver: deliverWebhooks,
    },
    /** Whether emails are sent (an SMTP server is configured) or held in the outbox. */
    sending: mailer !== null,
    subscribe: makeSubscribe({ uow, boards: deps.boards, tokens, templates, clock, outbox }),
    confirm: makeConfirmSubscription({ uow, tokens, clock }),
    manage: makeManageSubscription({ uow, boards: deps.boards, tokens, clock }),
    unsubscribe: makeUnsubscribe({ uow, tokens, clock }),
    queueReleaseAlerts,
    sendDigests,
    purgeUnconfirmed,
    sendOutbox,
    /** One tick of the sender loop: alerts, digests, purge, sending. */
    run: makeRunDistribution({ queueReleaseAlerts, sendDigests, purgeUnconfirmed, send: sendOutbox, now: () => clock.now().getTime(), webhooks: { queue: queueWebhookEvents, deliver: deliverWebhooks }, notify: queueStaffNotifications }),
    /** Whether emails are held, and the links they carry: for other senders (journalists). */
    outboxPolicy: outbox,
    /** The outbox as the admin reads it. */
    outbox: outboxRepo,
    subscriptions: alertDeps.subscriptions,
    exportSubscriber: makeExportSubscriber({ uow }),
    eraseSubscriber: makeEraseSubscriber({ uow, clock }),
    tokens,
    close: async () => {
      await mailer?.close();
    },
  };
}
export type Distribution = ReturnType<typeof composeDistribution>;

/** The SMTP mailer, with nodemailer loaded at the first email rather than at every start (#20). */
function lazySmtpMailer(options: SmtpMailerOptions): Mailer {
  let loading: Promise<Mailer> | null = null;
  const mailer = () => (loading ??= import('../adapters/mail/smtp-mailer.js').then((m) => m.makeSmtpMailer(options)));
  return {
    send: async (email) => (await mailer()).send(email),
    close: async () => {
      if (loading) await (await loading).close();
    },
  };
}
