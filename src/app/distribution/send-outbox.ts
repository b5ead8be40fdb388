import type { Clock } from '../../ports/clock.js';
import type { OutboxEmail, OutboxRepo } from '../../ports/distribution.js';
import type { Mailer } from '../../ports/mailer.js';

export interface SendPolicy {
  /** A claimed email whose sender has not reported back in this long is claimed again (a crash). */
  leaseMs: number;
  /** Attempts before a temporarily failing email is given up as failed. */
  maxAttempts: number;
  /** Emails claimed per batch, and sent at once. */
  batchSize: number;
}

export const SEND_POLICY: SendPolicy = { leaseMs: 5 * 60_000, maxAttempts: 8, batchSize: 50 };

/** Wait before attempt n+1: 1 min, 4 min, 16 min, ... at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 4 ** Math.max(attempts - 1, 0), 6 * 3_600_000);
}

/**
 * The sending step of the sender loop: claims due outbox rows atomically (several processes never
 * send one row twice; a row whose sender crashed is taken again after its lease), hands each to the
 * mail server and records the outcome: sent; a temporary refusal (4xx, timeout) retried with
 * back-off; a permanent one (5xx, such as an unknown mailbox) recorded as failed with the server's
 * words. Returns how many were sent.
 */
export function makeSendOutbox(deps: { outbox: OutboxRepo; mailer: Mailer; clock: Clock; workerId: string; policy?: Partial<SendPolicy> }) {
  const policy = { ...SEND_POLICY, ...deps.policy };
  async function deliver(email: OutboxEmail): Promise<boolean> {
    const outcome = await deps.mailer.send({ to: email.recipient, subject: email.subject, text: email.text, html: email.html, headers: email.headers, messageId: email.messageId });
    const now = deps.clock.now();
    if (outcome.status === 'sent') {
      await deps.outbox.markSent(email.id, now);
      return true;
    }
    if (outcome.status === 'temporary' && email.attempts < policy.maxAttempts) {
      await deps.outbox.markRetry(email.id, outcome.error, new Date(now.getTime() + retryDelayMs(email.attempts)));
    } else {
      await deps.outbox.markFailed(email.id, outcome.error);
    }
    return false;
  }
  return async function sendOutbox(): Promise<number> {
    let sent = 0;
    for (;;) {
      const batch = await deps.outbox.claimDue(deps.clock.now(), deps.workerId, policy.batchSize, policy.leaseMs);
      if (batch.length === 0) return sent;
      const results = await Promise.all(batch.map(deliver));
      sent += results.filter(Boolean).length;
      if (batch.length < policy.batchSize) return sent;
    }
  };
}
