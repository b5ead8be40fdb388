import type { QueueReleaseAlerts } from './queue-release-alerts.js';

/**
 * One tick of the sender loop (the web app's timer, like the scheduler): new alerts, due digests,
 * unconfirmed addresses past their time, then the outbox. Each step is safe to run in several
 * processes at once and after a crash. `send` is absent when no mail server is configured (emails
 * are held in the outbox).
 */
export function makeRunDistribution(deps: { queueReleaseAlerts: QueueReleaseAlerts; sendDigests: () => Promise<number>; purgeUnconfirmed: () => Promise<number>; send: (() => Promise<number>) | null; purgeEveryMs?: number; now: () => number }) {
  let lastPurge = 0;
  return async function runDistribution(): Promise<{ alerts: number; digests: number; sent: number }> {
    const alerts = await deps.queueReleaseAlerts(50);
    const digests = await deps.sendDigests();
    if (deps.now() - lastPurge >= (deps.purgeEveryMs ?? 3_600_000)) {
      lastPurge = deps.now();
      await deps.purgeUnconfirmed();
    }
    const sent = deps.send ? await deps.send() : 0;
    return { alerts, digests, sent };
  };
}
export type RunDistribution = ReturnType<typeof makeRunDistribution>;
