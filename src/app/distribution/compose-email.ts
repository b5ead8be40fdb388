import { randomUUID } from 'node:crypto';
import type { NewOutboxEmail } from '../../ports/distribution.js';
import type { DistributionLinks, EmailContent } from '../../ports/email-templates.js';

export interface OutboxPolicy {
  /** No mail server configured: emails are kept as 'held' for people to read in the admin. */
  hold: boolean;
  links: DistributionLinks;
}

/**
 * An outbox row for one email: a Message-ID fixed now (a retry sends the same one), and for mail
 * to subscribers the one-click unsubscribe headers of RFC 8058 (an https link, no mailto).
 */
export function outboxEmail(policy: OutboxPolicy, input: { kind: NewOutboxEmail['kind']; to: string; content: EmailContent; unsubscribeUrl?: string; subscriptionId: number | null; at: Date }): NewOutboxEmail {
  return {
    kind: input.kind,
    recipient: input.to,
    subject: input.content.subject,
    text: input.content.text,
    html: input.content.html,
    headers: input.unsubscribeUrl ? { 'List-Unsubscribe': `<${input.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {},
    messageId: `<${randomUUID()}@${policy.links.messageIdHost}>`,
    status: policy.hold ? 'held' : 'queued',
    subscriptionId: input.subscriptionId,
    createdAt: input.at,
  };
}
