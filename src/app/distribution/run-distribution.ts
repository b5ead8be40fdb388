import type { QueueReleaseAlerts } from './queue-release-alerts.js';

/**
 * One tick of the sender loop (the web app's timer, like the scheduler): staff notifications, new alerts, due digests,
 * unconfirmed addresses past their time, the outbox, then webhook events and their deliveries. Each step is safe to run in several
 * processes at once and after a crash. `send` is absent when no mail server is configured (emails
 * are held in the outbox).
 */
export function makeRunDistribution(deps: { queueReleaseAlerts: QueueReleaseAlerts; sendDigests: () => Promise<number>; purgeUnconfirmed: () => Promise<number>; send: (() => Promise<number>) | null; purgeEveryMs?: number; now: () => number; webhooks?: { queue: () => Promise<number>; deliver: () => Promise<number> }; notify?: () => Promise<number> }) {
  let lastPurge = 0;
  return async function runDistribution(): Promise<{ alerts: number; digests: number; sent: number; webhooks: number }> {
    // Staff notifications first: their emails join the outbox sent below.
    if (deps.notify) await deps.notify();
    const alerts = await deps.queueReleaseAlerts(50);
    const digests = await deps.sendDigests();
    if (deps.now() - lastPurge >= (deps.purgeEveryMs ?? 3_600_000)) {
      lastPurge = deps.now();
      await deps.purgeUnconfirmed();
    }
    const sent = deps.send ? await deps.send() : 0;
    let webhooks = 0;
    if (deps.webhooks) {
      await deps.webhooks.queue();
      webhooks = await deps.webhooks.deliver();
    }
    return { alerts, digests, sent, webhooks };
  };
}
export type RunDistribution = ReturnType<typeof makeRunDistribution>;
