import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildBoard, buildRelease } from '../support/factories.js';
import { databaseKinds } from '../support/databases.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** The value of one sample in a Prometheus text exposition (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2]!.split(',');
    if (wanted.every((w) => have.includes(w))) return Number(m[3]);
  }
  return 0;
}

describe('/metrics is off by default', () => {
  test('404 without configuration', async () => {
    const t = await createTestWeb('sqlite');
    try {
      assert.equal((await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode, 404);
    } finally {
      await t.close();
    }
  });
});

describe('/metrics open on a private network (PRESSROOM_METRICS=open)', () => {
  test('answers without a token', async () => {
    const t = await createTestWeb('sqlite', { metrics: { token: null } });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/metrics' });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /^process_cpu_user_seconds_total \d/m, 'the default process metrics');
    } finally {
      await t.close();
    }
  });
});

for (const { kind, skip } of databaseKinds()) {
  describe(`/metrics with a token on ${kind}`, { skip }, () => {
    let t: TestWeb;
    before(async () => {
      t = await createTestWeb(kind, { metrics: { token: TOKEN } });
      await buildBoard(t.system, { slug: 'press-releases' });
      await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Published notice' });
    });
    after(async () => t?.close());
    const scrape = async () => {
      const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
      assert.equal(res.headers['cache-control'], 'no-store');
      return res.body;
    };

    test('a missing or wrong token is refused with 401 and nothing is shown', async () => {
      for (const authorization of [undefined, 'Bearer wrong-token-wrong-token-wrong', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
        const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
        assert.equal(res.statusCode, 401, String(authorization));
        assert.equal(res.headers['www-authenticate'], 'Bearer realm="metrics"');
        assert.doesNotMatch(res.body, /pressroom_/);
      }
    });

    test('request counts by route template and status class grow with the requests made', async () => {
      const before = sample(await scrape(), 'pressroom_http_requests_total', { method: 'GET', route: '/healthz', status_class: '2xx' });
      for (let i = 0; i < 3; i++) await t.app.inject({ method: 'GET', url: '/healthz' });
      await t.app.inject({ method: 'GET', url: '/en/no-such-board-xyz/99999' });
      const text = await scrape();
      assert.equal(sample(text, 'pressroom_http_requests_total', { method: 'GET', route: '/healthz', status_class: '2xx' }), before + 3);
      assert.ok(sample(text, 'pressroom_http_request_duration_seconds_count', { method: 'GET', route: '/healthz', status_class: '2xx' }) >= 3);
      assert.ok(sample(text, 'pressroom_http_requests_total', { method: 'GET', route: '/:lang/:board/:number', status_class: '4xx' }) >= 1, 'the 404 is counted under its route template');
      assert.doesNotMatch(text, /no-such-board-xyz/, 'never the raw URL: label values stay few');
    });

    test('a repeated page load counts a cache hit', async () => {
      const hits = (text: string) => sample(text, 'pressroom_cache_lookups_total', { cache: 'pages', result: 'hit' });
      const before = hits(await scrape());
      assert.equal((await t.app.inject({ method: 'GET', url: '/en/' })).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'GET', url: '/en/' })).statusCode, 200);
      const text = await scrape();
      assert.equal(hits(text), before + 1);
      assert.ok(sample(text, 'pressroom_cache_lookups_total', { cache: 'pages', result: 'miss' }) >= 1);
    });

    test('a due scheduled publication shows in the queue depth and lag until it runs', async () => {
      const at = new Date(t.clock.now().getTime() + 60_000);
      await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Scheduled notice', state: 'scheduled', scheduledAt: at });
      assert.equal(sample(await scrape(), 'pressroom_queue_depth', { queue: 'scheduled_jobs' }), 0, 'not due yet: no backlog');
      t.clock.set(new Date(at.getTime() + 30_000));
      const due = await scrape();
      assert.equal(sample(due, 'pressroom_queue_depth', { queue: 'scheduled_jobs' }), 1);
      assert.equal(sample(due, 'pressroom_queue_lag_seconds', { queue: 'scheduled_jobs' }), 30);
      assert.match(due, /^pressroom_queue_depth\{queue="mail_outbox"\} \d+$/m, 'every queue is reported');
      await t.system.commands.runDueJobs();
      assert.equal(sample(await scrape(), 'pressroom_queue_depth', { queue: 'scheduled_jobs' }), 0);
    });

    test('searches are timed', async () => {
      const count = (text: string) => Number(/^pressroom_search_duration_seconds_count (\d+)$/m.exec(text)?.[1] ?? 0);
      const before = count(await scrape());
      assert.equal((await t.app.inject({ method: 'GET', url: '/en/search?q=notice' })).statusCode, 200);
      assert.equal(count(await scrape()), before + 1);
    });
  });
}
