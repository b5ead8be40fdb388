import { randomBytes } from 'node:crypto';
import { ValidationError, type FieldIssue } from '../../domain/errors.js';
import { isWebhookEvent, type WebhookEndpoint, type WebhookEvent } from '../../domain/webhook.js';
import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { WebhookUnitOfWork } from '../../ports/webhooks.js';

/** Checks a webhook URL: absolute http(s), no credentials in it, at most 2,000 characters. */
function urlIssue(raw: string): FieldIssue | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { code: 'webhook_url_invalid', message: 'Enter the full address, starting with https://', field: 'url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { code: 'webhook_url_invalid', message: 'Enter the full address, starting with https://', field: 'url' };
  if (url.username || url.password) return { code: 'webhook_url_credentials', message: 'Remove the user name and password from the address: requests are signed instead', field: 'url' };
  if (raw.trim().length > 2000) return { code: 'webhook_url_too_long', message: 'Shorten the address to 2,000 characters or fewer', field: 'url' };
  return null;
}

/** Adds a webhook endpoint (administrators): its secret is returned once, to be shown once; audited without the secret. */
export function makeCreateWebhook(deps: { uow: WebhookUnitOfWork; clock: Clock }) {
  return async function createWebhook(input: { url: string; events: string[] }, actor: Actor): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    const issues: FieldIssue[] = [];
    const bad = urlIssue(input.url);
    if (bad) issues.push(bad);
    const events = [...new Set(input.events)];
    if (events.length === 0 || !events.every(isWebhookEvent)) issues.push({ code: 'webhook_no_events', message: 'Choose at least one event from the list', field: 'events' });
    if (issues.length > 0) throw new ValidationError('The webhook cannot be added', issues);
    const now = deps.clock.now();
    const secret = `whsec_${randomBytes(24).toString('hex')}`;
    return deps.uow.run(async (tx) => {
      const endpoint = await tx.webhooks.createEndpoint({ url: new URL(input.url.trim()).toString(), events: events as WebhookEvent[], secret, at: now });
      await tx.audit.record({ at: now, actor, action: 'webhook.created', subjectType: 'webhook', subjectId: String(endpoint.id), details: { url: endpoint.url, events } });
      return { endpoint, secret };
    });
  };
}
