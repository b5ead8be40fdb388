import type { Clock } from '../../ports/clock.js';
import type { WebhookPoster, WebhookRepo } from '../../ports/webhooks.js';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.js';

export interface WebhookPolicy {
  timeoutMs: number;
  leaseMs: number;
  batch: number;
  maxAttempts: number;
  /** First retry delay; each further one is 4 times longer, at most `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_WEBHOOK_POLICY: WebhookPolicy = { timeoutMs: 10_000, leaseMs: 120_000, batch: 20, maxAttempts: 8, baseDelayMs: 60_000, maxDelayMs: 6 * 3_600_000 };

/** Worth trying again: no answer, 5xx, 429 and 408. Other answers (4xx, 3xx) are final. */
function retryable(status: number | null): boolean {
  return status === null || status >= 500 || status === 429 || status === 408;
}

/**
 * Sends due webhook deliveries: claims them (leases, so several processes never POST one delivery
 * at once, and a crashed sender's are taken over), POSTs the recorded JSON body signed with the
 * endpoint's secret, and records the answer: 2xx delivered; no answer within the timeout, 5xx, 408
 * or 429 retried after 1, 4, 16 … minutes (at most 6 h, 8 attempts); anything else failed.
 */
export function makeDeliverWebhooks(deps: { webhooks: WebhookRepo; poster: WebhookPoster; clock: Clock; workerId: string; policy?: Partial<WebhookPolicy> }) {
  const p = { ...DEFAULT_WEBHOOK_POLICY, ...deps.policy };
  return async function deliverWebhooks(): Promise<number> {
    const claimed = await deps.webhooks.claimDue(deps.clock.now(), deps.workerId, p.batch, p.leaseMs);
    let delivered = 0;
    await Promise.all(
      claimed.map(async (d) => {
        const at = deps.clock.now();
        const headers = { 'Content-Type': 'application/json', 'User-Agent': 'Pressroom-Webhooks/1', 'X-Pressroom-Event': d.event, [SIGNATURE_HEADER]: signWebhook(d.secret, d.payload, at) };
        const result = await deps.poster.post(d.url, headers, d.payload, p.timeoutMs);
        const status = 'status' in result ? result.status : null;
        const error = 'status' in result ? `HTTP ${result.status}` : result.error;
        if (status !== null && status >= 200 && status < 300) {
          await deps.webhooks.markDelivered(d.id, status, deps.clock.now());
          delivered += 1;
        } else if (retryable(status) && d.attempts < p.maxAttempts) {
          const delay = Math.min(p.baseDelayMs * 4 ** (d.attempts - 1), p.maxDelayMs);
          await deps.webhooks.markRetry(d.id, status, error, new Date(deps.clock.now().getTime() + delay));
        } else {
          await deps.webhooks.markFailed(d.id, status, error);
        }
      }),
    );
    return delivered;
  };
}
export type DeliverWebhooks = ReturnType<typeof makeDeliverWebhooks>;
