import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeFakeClock } from '../../src/adapters/clock/system-clock.js';
import { criteriaKey } from '../../src/domain/subscription.js';
import { composeSystem } from '../../src/main/compose.js';
import { createTestDatabase, databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { startTestSmtp } from '../support/smtp.js';

const SUBSCRIBERS = 1000;
const postgres = databaseKinds().find((d) => d.kind === 'postgres')!;

test('two server processes on one PostgreSQL database send one release to 1,000 subscribers: each address gets exactly one email', { skip: postgres.skip, timeout: 300_000 }, async () => {
  const smtp = await startTestSmtp();
  const database = await createTestDatabase('postgres');
  const start = new Date('2026-11-20T01:00:00Z');
  const options = { database: database.target, dataDir: database.dataDir, passwordHashing: { logN: 10, r: 8, p: 1 }, distribution: { smtpUrl: smtp.url, sendPolicy: { batchSize: 20 } } };
  const a = await composeSystem({ ...options, clock: makeFakeClock(start), workerId: 'server-a' });
  const b = await composeSystem({ ...options, clock: makeFakeClock(start), workerId: 'server-b' });
  try {
    const board = await buildBoard(a);
    const at = start.getTime();
    const rows = Array.from({ length: SUBSCRIBERS }, (_, i) => ({ email: `reader${i}@example.com`, language: 'en', board_id: board.id, tag: null, query: null, criteria_key: criteriaKey({ boardId: board.id, tag: null, query: null }), frequency: 'immediate', status: 'confirmed', created_at: at, updated_at: at, confirmed_at: at }));
    await a.db.insertInto('subscriptions').values(rows).execute();
    await buildRelease(a, { boardSlug: board.slug, title: 'One release for everyone' });
    // Both processes derive the alert, claim and send at the same time, twice over.
    await Promise.all([a.distribution.run(), b.distribution.run(), a.distribution.run(), b.distribution.run()]);
    await Promise.all([a.distribution.run(), b.distribution.run()]);
    await smtp.waitFor(SUBSCRIBERS);
    // Anything still in flight would arrive now; give it a moment before counting.
    await new Promise((r) => setTimeout(r, 200));
    const perAddress = new Map<string, number>();
    for (const email of smtp.received) perAddress.set(email.to, (perAddress.get(email.to) ?? 0) + 1);
    assert.equal(perAddress.size, SUBSCRIBERS, 'every subscriber got the alert');
    assert.deepEqual([...perAddress.values()].filter((n) => n !== 1), [], 'nobody got it twice');
    const statuses = await a.db.selectFrom('outbox_emails').select(['status', a.db.fn.countAll<string>().as('n')]).groupBy('status').execute();
    assert.deepEqual(statuses.map((s) => [s.status, Number(s.n)]), [['sent', SUBSCRIBERS]]);
  } finally {
    await a.close();
    await b.close();
    await database.drop();
    await smtp.close();
  }
});
