import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { correctRelease, createCdnTestWeb } from '../support/cdn.js';
import { buildBoard, buildRelease, TEST_ACTOR } from '../support/factories.js';
import { freePort, startVarnish, varnishSkip, type RunningVarnish } from '../support/varnish.js';
import type { TestWeb } from '../support/web.js';

const skip = varnishSkip();
if (skip) console.log(`Varnish tests skipped: ${skip}`);

// A real Varnish 7.1 on loopback with deploy/varnish/default.vcl in front of a Pressroom server on
// a real port (#18): hits, purges on correction and withdrawal, and the embargo guarantee. SQLite only:
// the purge's lookups run on both databases in cdn-headers.test.ts.
describe('Varnish in front of Pressroom', { skip }, () => {
  let t: TestWeb;
  let varnish: RunningVarnish;
  let release: { id: number; number: number };
  const failures: unknown[] = [];

  /** A read through Varnish: status, body and whether Varnish answered from its cache. */
  async function viaVarnish(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${varnish.url}${path}`, { headers, redirect: 'manual' });
    return { status: res.status, body: await res.text(), cache: res.headers.get('x-cache'), age: Number(res.headers.get('age') ?? 0), headers: res.headers };
  }

  /** Reads through Varnish until `done` holds; a generous bound guards against a hang only. */
  async function until(path: string, done: (r: Awaited<ReturnType<typeof viaVarnish>>) => boolean) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const r = await viaVarnish(path);
      if (done(r) || Date.now() > deadline) return r;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  before(async () => {
    const port = await freePort();
    t = await createCdnTestWeb('sqlite', { purgeUrl: `http://127.0.0.1:${port}/`, onPurgeError: (error) => failures.push(error) });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    varnish = await startVarnish({ port, backendPort: typeof address === 'object' && address ? address.port : 0 });
    await buildBoard(t.system, { slug: 'press-releases' });
    const r = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Port security review', bodyMarkdown: 'The review found 12 gaps.' });
    release = { id: r.release.id, number: r.release.number! };
    await t.settled();
    await t.system.cdn.idle();
  });
  after(async () => {
    await varnish?.stop();
    await t?.close();
  });

  test('a second read of a release page is a hit', async () => {
    const path = `/en/press-releases/${release.number}`;
    const first = await viaVarnish(path);
    assert.equal(first.status, 200);
    assert.equal(first.cache, 'MISS');
    const second = await viaVarnish(path);
    assert.equal(second.cache, 'HIT');
    assert.match(second.body, /The review found 12 gaps\./);
    assert.equal(second.headers.get('surrogate-key'), null, 'the keys stay inside Varnish');
    assert.match(second.headers.get('cache-tag') ?? '', new RegExp(`release-${release.id}`));
  });

  test('a published correction purges the page, so the next read shows the corrected text', async () => {
    const path = `/en/press-releases/${release.number}`;
    await viaVarnish(path);
    assert.equal((await viaVarnish(path)).cache, 'HIT');
    await correctRelease(t, release.id, { title: 'Port security review', bodyMarkdown: 'The review found 14 gaps.' });
    await t.system.cdn.idle();
    const next = await viaVarnish(path);
    assert.match(next.body, /The review found 14 gaps\./);
    assert.doesNotMatch(next.body, /12 gaps/);
    assert.equal(next.cache, 'MISS');
    assert.deepEqual(failures, []);
  });

  test('an embargoed release is not visible through Varnish before its time and is right after', async () => {
    const lift = new Date(t.clock.now().getTime() + 3_600_000);
    const embargoed = await buildRelease(t.system, { boardSlug: 'press-releases', state: 'embargoed', embargoUntil: lift, title: 'Embargoed defence white paper' });
    await t.settled();
    await t.system.cdn.idle();
    const page = `/en/press-releases/${embargoed.release.number}`;
    // The list is cached (s-maxage 300: the lift is an hour away) and does not show it; its page is a 404 nobody keeps.
    await viaVarnish('/en/press-releases');
    const before = await viaVarnish('/en/press-releases');
    assert.equal(before.cache, 'HIT');
    assert.doesNotMatch(before.body, /Embargoed defence white paper/);
    assert.equal((await viaVarnish(page)).status, 404);
    assert.equal((await viaVarnish(page)).cache, 'MISS');
    assert.doesNotMatch((await viaVarnish('/en/feed.xml')).body, /Embargoed defence white paper/);

    // The embargo lifts (the app's clock moves; Varnish still holds the list for minutes of its own time).
    t.clock.set(new Date(lift.getTime() + 1));
    const list = await until('/en/press-releases', (r) => /Embargoed defence white paper/.test(r.body));
    assert.match(list.body, /Embargoed defence white paper/, 'the lift purged the cached list');
    assert.match((await viaVarnish('/en/feed.xml')).body, /Embargoed defence white paper/);
    assert.equal((await viaVarnish(page)).status, 200);
    assert.deepEqual(failures, []);
  });

  test('a withdrawal purges the page and the lists', async () => {
    const path = `/en/press-releases/${release.number}`;
    await viaVarnish(path);
    await viaVarnish('/en/press-releases');
    assert.equal((await viaVarnish('/en/press-releases')).cache, 'HIT');
    await t.system.commands.withdrawRelease(release.id, 'Issued in error', TEST_ACTOR);
    await t.system.cdn.idle();
    const page = await viaVarnish(path);
    assert.match(page.body, /Issued in error/);
    assert.doesNotMatch((await viaVarnish('/en/press-releases')).body, /Port security review/);
  });

  test('staff pages and signed-in requests are never cached; BAN is refused without keys', async () => {
    await viaVarnish('/admin/login');
    assert.equal((await viaVarnish('/admin/login')).cache, 'MISS');
    const path = `/en/press-releases/${release.number}`;
    await viaVarnish(path);
    assert.equal((await viaVarnish(path, { cookie: 'pressroom_session=abc' })).cache, 'MISS');
    const refused = await fetch(`${varnish.url}/`, { method: 'BAN', headers: { 'x-purge-keys': 'home|.*' } });
    assert.equal(refused.status, 400);
  });
});
