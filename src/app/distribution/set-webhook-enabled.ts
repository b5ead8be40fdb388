import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { WebhookUnitOfWork } from '../../ports/webhooks.js';

/** Turns an endpoint on or off (administrators); audited. Off: nothing is sent to it (queued deliveries wait until it is on again). */
export function makeSetWebhookEnabled(deps: { uow: WebhookUnitOfWork; clock: Clock }) {
  return async function setWebhookEnabled(id: number, enabled: boolean, actor: Actor): Promise<boolean> {
    const now = deps.clock.now();
    return deps.uow.run(async (tx) => {
      if (!(await tx.webhooks.setEnabled(id, enabled, now))) return false;
      await tx.audit.record({ at: now, actor, action: enabled ? 'webhook.enabled' : 'webhook.disabled', subjectType: 'webhook', subjectId: String(id), details: {} });
      return true;
    });
  };
}
