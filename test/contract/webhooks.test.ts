import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { makeDeliverWebhooks } from '../../src/app/distribution/deliver-webhooks.js';
import { verifyWebhook } from '../../src/app/distribution/webhook-signature.js';
import { makeFetchWebhookPoster } from '../../src/adapters/http/webhook-poster.js';
import type { WebhookEvent } from '../../src/domain/webhook.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, TEST_ACTOR } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

interface Received {
  body: string;
  signature: string;
  event: string;
}

/**
 * A loopback receiver: answers each POST with the next planned reaction (default 200). The senders'
 * timeout is 2 s and a hanging answer comes after 10 s: with a timeout of 300 ms a loaded machine let
 * ordinary answers time out, and their deliveries went to a retry a minute later (a flaky count).
 */
async function startReceiver() {
  const received: Received[] = [];
  const plan: ('ok' | 'fail' | 'hang')[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const reaction = plan.shift() ?? 'ok';
      received.push({ body, signature: String(req.headers['x-pressroom-signature']), event: String(req.headers['x-pressroom-event']) });
      if (reaction === 'hang') return void setTimeout(() => res.writeHead(200).end(), 10_000).unref();
      res.writeHead(reaction === 'fail' ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, plan, close: () => new Promise<void>((r) => server.close(() => r())), reset: () => ((received.length = 0), (plan.length = 0)) };
}

const ALL: WebhookEvent[] = ['release.published', 'release.corrected', 'release.withdrawn', 'release.embargo_lifted'];

for (const { kind, skip } of databaseKinds()) {
  describe(`webhooks on ${kind}`, { skip }, () => {
    let t: TestSystem;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let secret: string;
    before(async () => {
      receiver = await startReceiver();
      t = await createTestSystem(kind, undefined, { distribution: { baseUrl: 'https://news.example.org', webhookPolicy: { timeoutMs: 2_000 } } });
      ({ secret } = await t.system.distribution.webhooks.create({ url: receiver.url, events: ALL }, TEST_ACTOR));
    });
    after(async () => {
      await t.close();
      await receiver.close();
    });
    beforeEach(async () => {
      // Deliver anything earlier tests left, then start counting afresh.
      t.clock.advance(7 * 3_600_000);
      await t.system.distribution.run();
      receiver.reset();
    });
    const bodies = () => receiver.received.map((r) => JSON.parse(r.body) as Record<string, unknown>);

    test('a publication is POSTed once with a valid signature and the release in the body', async () => {
      const board = await buildBoard(t.system);
      const { release } = await buildRelease(t.system, { boardSlug: board.slug, title: '국방부 발표 Minister visits' });
      await t.system.distribution.run();
      await t.system.distribution.run();
      assert.equal(receiver.received.length, 1, 'one POST, not one per tick');
      const [got] = receiver.received;
      assert.ok(verifyWebhook(secret, got!.body, got!.signature, t.clock.now()), 'the signature checks out with the secret shown at creation');
      assert.equal(verifyWebhook('whsec_wrong', got!.body, got!.signature, t.clock.now()), false);
      assert.equal(got!.event, 'release.published');
      const body = bodies()[0]!;
      assert.equal(body.event, 'release.published');
      assert.equal(body.releaseId, release.id);
      assert.equal(body.title, '국방부 발표 Minister visits');
      assert.equal(body.board, board.slug);
      assert.equal(body.language, 'en');
      assert.equal(body.url, `https://news.example.org/en/${board.slug}/${release.number}`);
    });

    test('publishing never waits for webhooks: a hanging receiver is not called by the publish command', async () => {
      receiver.plan.push('hang', 'hang');
      const board = await buildBoard(t.system);
      await buildRelease(t.system, { boardSlug: board.slug });
      assert.equal(receiver.received.length, 0, 'nothing is POSTed by the workflow command itself');
      await t.system.distribution.run();
      const [delivery] = await t.system.distribution.webhooks.repo.listDeliveries({ limit: 1 });
      assert.equal(delivery?.status, 'queued', 'a slow receiver times out and the delivery waits for a retry');
      assert.match(delivery?.lastError ?? '', /no answer within 2000 ms/);
      t.clock.advance(60_000);
      await t.system.distribution.run();
      assert.equal((await t.system.distribution.webhooks.repo.listDeliveries({ limit: 1 }))[0]?.status, 'queued', 'timed out again');
      t.clock.advance(4 * 60_000);
      await t.system.distribution.run();
      const done = (await t.system.distribution.webhooks.repo.listDeliveries({ limit: 1 }))[0];
      assert.equal(done?.status, 'delivered');
      assert.equal(done?.attempts, 3);
    });

    test('a 500 is retried with back-off and delivered once', async () => {
      receiver.plan.push('fail');
      const board = await buildBoard(t.system);
      await buildRelease(t.system, { boardSlug: board.slug });
      await t.system.distribution.run();
      let [d] = await t.system.distribution.webhooks.repo.listDeliveries({ limit: 1 });
      assert.equal(d?.status, 'queued');
      assert.equal(d?.lastStatus, 500);
      await t.system.distribution.run();
      assert.equal(receiver.received.length, 1, 'not retried before its time');
      t.clock.advance(61_000);
      await t.system.distribution.run();
      await t.system.distribution.run();
      [d] = await t.system.distribution.webhooks.repo.listDeliveries({ limit: 1 });
      assert.equal(d?.status, 'delivered');
      assert.equal(d?.lastStatus, 200);
      assert.equal(receiver.received.length, 2);
      assert.equal(receiver.received[0]!.body, receiver.received[1]!.body, 'the retry sends the same body');
    });

    test('corrections and withdrawals are sent; an embargoed release only after its time, with embargo_lifted', async () => {
      const board = await buildBoard(t.system);
      const { release } = await buildRelease(t.system, { boardSlug: board.slug });
      const draft = await t.system.commands.startCorrection(release.id, TEST_ACTOR);
      await t.system.commands.saveDraft(release.id, { title: 'Corrected title', lockVersion: draft.lockVersion }, TEST_ACTOR);
      await t.system.commands.submitRelease(release.id, TEST_ACTOR);
      await t.system.commands.approveRelease(release.id, TEST_ACTOR);
      await t.system.commands.publishRelease(release.id, TEST_ACTOR, { changeNote: 'Fixed the date' });
      await t.system.commands.withdrawRelease(release.id, 'Issued in error', TEST_ACTOR);
      await t.system.distribution.run();
      // Deliveries run in parallel, so arrival order is not promised: receivers order by occurredAt.
      assert.deepEqual(bodies().map((b) => b.event).sort(), ['release.corrected', 'release.published', 'release.withdrawn']);
      const events = await t.system.distribution.webhooks.repo.listDeliveries({ limit: 3 });
      assert.deepEqual(events.map((d) => d.event).reverse(), ['release.published', 'release.corrected', 'release.withdrawn'], 'recorded in the order they happened');
      receiver.reset();

      const embargoed = await buildRelease(t.system, { boardSlug: board.slug, state: 'embargoed', title: 'Embargoed', embargoUntil: new Date(t.clock.now().getTime() + 3_600_000) });
      await t.system.distribution.run();
      assert.equal(receiver.received.length, 0, 'nothing before the embargo ends');
      t.clock.advance(3_600_000 + 1_000);
      await t.system.distribution.run();
      assert.deepEqual(bodies().map((b) => [b.event, b.releaseId]).sort(), [
        ['release.embargo_lifted', embargoed.release.id],
        ['release.published', embargoed.release.id],
      ]);
    });

    test('many releases still under embargo do not hold back a new publication', async () => {
      const board = await buildBoard(t.system);
      for (let i = 0; i < 120; i += 1) await buildRelease(t.system, { boardSlug: board.slug, state: 'embargoed', embargoUntil: new Date(t.clock.now().getTime() + 86_400_000) });
      const { release } = await buildRelease(t.system, { boardSlug: board.slug, title: 'After the embargoes' });
      await t.system.distribution.run();
      assert.deepEqual(bodies().map((b) => b.releaseId), [release.id]);
      // Let those embargoes end here, so later tests start clean.
      t.clock.advance(86_400_000 + 1_000);
      const hooks = t.system.distribution.webhooks;
      for (let guard = 0; guard < 100; guard += 1) if ((await hooks.queue()) + (await hooks.deliver()) === 0) break;
      assert.equal(receiver.received.length, 1 + 240, 'then each of them: published and embargo_lifted');
      receiver.reset();
    });

    test('two senders racing over the same deliveries POST each one once', async () => {
      const board = await buildBoard(t.system);
      for (let i = 0; i < 6; i += 1) await buildRelease(t.system, { boardSlug: board.slug });
      await t.system.distribution.webhooks.queue();
      const other = makeDeliverWebhooks({ webhooks: t.system.distribution.webhooks.repo, poster: makeFetchWebhookPoster(), clock: t.clock, workerId: 'other-process' });
      await Promise.all([t.system.distribution.webhooks.deliver(), other(), t.system.distribution.webhooks.deliver(), other()]);
      assert.equal(receiver.received.length, 6);
      assert.equal(new Set(bodies().map((b) => b.releaseId)).size, 6);
    });

    test('a disabled endpoint gets nothing', async () => {
      const [endpoint] = await t.system.distribution.webhooks.repo.listEndpoints();
      assert.equal(await t.system.distribution.webhooks.setEnabled(endpoint!.id, false, TEST_ACTOR), true);
      const board = await buildBoard(t.system);
      await buildRelease(t.system, { boardSlug: board.slug });
      await t.system.distribution.run();
      assert.equal(receiver.received.length, 0);
      await t.system.distribution.webhooks.setEnabled(endpoint!.id, true, TEST_ACTOR);
    });
  });
}
