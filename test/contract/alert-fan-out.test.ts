// "Memory flat" while mailing 10,000 alerts (issue #14): the alert fan-out reads matching
// subscriptions a page at a time and writes each page's delivery records and emails in a
// transaction of its own, so nothing grows with the number of subscribers. These tests catch a
// return to one read of every subscription and one huge transaction (by spying on the ports), and
// check that a kill -9 between two pages still ends with exactly one email per subscriber.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeAlertRepo } from '../../src/adapters/db/alert.repo.js';
import { makeDistributionUnitOfWork } from '../../src/adapters/db/distribution-uow.js';
import { makeSubscriptionRepo } from '../../src/adapters/db/subscription.repo.js';
import { makeQueueReleaseAlerts, type AlertDeps } from '../../src/app/distribution/queue-release-alerts.js';
import { criteriaKey, type Frequency } from '../../src/domain/subscription.js';
import { composeSystem, type System } from '../../src/main/compose.js';
import type { DistributionUnitOfWork, SubscriptionRepo } from '../../src/ports/distribution.js';
import { makeEmailTemplates } from '../../src/web/email/email-templates.js';
import { startCrashChild } from '../support/crash-harness.js';
import { createTestDatabase, databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestSystem } from '../support/system.js';

/** Confirmed subscriptions to a board, inserted directly (the subscribe flow has its own tests). */
async function addSubscribers(system: System, boardId: number, count: number, frequency: (i: number) => Frequency) {
  const at = system.clock.now().getTime();
  for (let from = 0; from < count; from += 200) {
    const rows = [];
    for (let i = from; i < Math.min(from + 200, count); i++) {
      rows.push({ email: `reader${i}@example.com`, language: 'en', board_id: boardId, tag: null, query: null, criteria_key: criteriaKey({ boardId, tag: null, query: null }), frequency: frequency(i), status: 'confirmed', created_at: at, updated_at: at, confirmed_at: at });
    }
    await system.db.insertInto('subscriptions').values(rows).execute();
  }
}

/** Alert emails per recipient in the outbox. */
async function alertsPerAddress(system: System): Promise<Map<string, number>> {
  const rows = await system.db.selectFrom('outbox_emails').select(['recipient']).where('kind', '=', 'alert').execute();
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.recipient, (counts.get(r.recipient) ?? 0) + 1);
  return counts;
}

const count = async (system: System, table: 'release_alerts' | 'subscription_deliveries') => Number((await system.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

for (const { kind, skip } of databaseKinds()) {
  describe(`the alert fan-out on ${kind}`, { skip }, () => {
    test('530 subscribers are read 100 at a time, and no transaction writes more than 100 delivery records or emails', async () => {
      const t = await createTestSystem(kind);
      try {
        const s = t.system;
        const board = await buildBoard(s);
        // Every third a daily digest subscriber: a delivery record now, no email.
        await addSubscribers(s, board.id, 530, (i) => (i % 3 === 0 ? 'daily' : 'immediate'));
        await buildRelease(s, { boardSlug: board.slug, title: 'Harbour opens at dawn' });

        const pages: { limit: number; returned: number }[] = [];
        const real = makeSubscriptionRepo(s.db);
        const subscriptions: SubscriptionRepo = {
          ...real,
          async matching(release, page) {
            const rows = await real.matching(release, page);
            pages.push({ limit: page.limit, returned: rows.length });
            return rows;
          },
        };
        const transactions: { deliveries: number; emails: number }[] = [];
        const realUow = makeDistributionUnitOfWork(s.db);
        const uow: DistributionUnitOfWork = {
          run: (work) =>
            realUow.run((tx) => {
              const written = { deliveries: 0, emails: 0 };
              transactions.push(written);
              return work({
                ...tx,
                alerts: { ...tx.alerts, addDeliveries: (rows) => ((written.deliveries += rows.length), tx.alerts.addDeliveries(rows)) },
                outbox: { ...tx.outbox, add: (email) => ((written.emails += 1), tx.outbox.add(email)) },
              });
            }),
        };
        const deps: AlertDeps = { uow, subscriptions, alerts: makeAlertRepo(s.db), search: s.search.index, boards: s.boards, tokens: s.distribution.tokens, templates: makeEmailTemplates({ siteName: 'Pressroom', timeZone: 'Asia/Seoul' }), clock: s.clock, outbox: s.distribution.outboxPolicy, batchSize: 100 };
        const queued = await makeQueueReleaseAlerts(deps)();

        const immediate = 530 - Math.ceil(530 / 3);
        assert.equal(queued, immediate);
        assert.deepEqual(pages.map((p) => p.returned), [100, 100, 100, 100, 100, 30], 'subscriptions are read a page at a time');
        assert.ok(pages.every((p) => p.limit === 100));
        const largest = { deliveries: Math.max(...transactions.map((x) => x.deliveries)), emails: Math.max(...transactions.map((x) => x.emails)) };
        assert.ok(largest.deliveries <= 100 && largest.emails <= 100, `a transaction wrote ${largest.deliveries} delivery records and ${largest.emails} emails`);
        assert.equal(transactions.filter((x) => x.deliveries > 0).length, 6, 'one transaction per page');
        const perAddress = await alertsPerAddress(s);
        assert.equal(perAddress.size, immediate);
        assert.deepEqual([...perAddress.values()].filter((n) => n !== 1), []);
        assert.equal(await count(s, 'subscription_deliveries'), 530);
        assert.equal(await count(s, 'release_alerts'), 1, 'recorded as alerted once the last page is written');
        assert.equal(await makeQueueReleaseAlerts(deps)(), 0, 'an alerted release is not walked again');
      } finally {
        await t.close();
      }
    });

    test('kill -9 between two fan-out transactions: after a restart every subscriber has exactly one alert', { timeout: 120_000 }, async () => {
      const database = await createTestDatabase(kind);
      // The child runs on the real clock, so the release is published on it too.
      const system = await composeSystem({ database: database.target, dataDir: database.dataDir, passwordHashing: { logN: 10, r: 8, p: 1 } });
      try {
        const board = await buildBoard(system);
        await addSubscribers(system, board.id, 230, () => 'immediate');
        await buildRelease(system, { boardSlug: board.slug, title: 'Ferry timetable changes' });

        // Five pages of 50; the child dies right after the second commits.
        const child = startCrashChild(database, ['alerts', '50', '2']);
        const code = await child.exited;
        assert.equal(code, null, `the child was killed, not finished: ${child.lines.join(' ')} ${child.stderr()}`);
        assert.equal([...(await alertsPerAddress(system)).values()].length, 100, 'two pages were written before the crash');
        assert.equal(await count(system, 'release_alerts'), 0, 'not yet recorded as alerted, so the next run resumes it');

        // The restarted sender loop (emails are held: no mail server).
        await system.distribution.run();
        await system.distribution.run();
        const perAddress = await alertsPerAddress(system);
        assert.equal(perAddress.size, 230, 'every subscriber has the alert');
        assert.deepEqual([...perAddress.values()].filter((n) => n !== 1), [], 'nobody has it twice');
        assert.equal(await count(system, 'release_alerts'), 1);
      } finally {
        await system.close();
        await database.drop();
      }
    });
  });
}
