import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { correctRelease, createCdnTestWeb, recordingPurger } from '../support/cdn.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import type { TestWeb } from '../support/web.js';

const PUBLIC = 'public, max-age=0, s-maxage=300, stale-while-revalidate=30';
const keysOf = (res: { headers: Record<string, unknown> }) => String(res.headers['surrogate-key'] ?? '').split(' ').filter(Boolean);

// Shared-cache headers and purges (#18), on both databases: the purge's lookups are SQL.
for (const { kind, skip } of databaseKinds()) {
  describe(`CDN headers and purges on ${kind}`, { skip }, () => {
    let t: TestWeb;
    const purger = recordingPurger();
    let plain: { id: number; number: number; sha256: string };

    before(async () => {
      t = await createCdnTestWeb(kind, { purger });
      await buildBoard(t.system, { slug: 'press-releases' });
      const r = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Budget statement', files: [{ fileName: 'budget.pdf', bytes: await pdfBytes('Budget') }] });
      const [file] = await t.system.attachments.attachmentsOf(r.edition.id);
      plain = { id: r.release.id, number: r.release.number!, sha256: file!.sha256 };
      await t.settled();
      await t.system.cdn.idle();
    });
    after(async () => t?.close());

    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

    test('public pages, feeds, the sitemap and API reads are kept by shared caches and say what they show', async () => {
      const page = await get(`/en/press-releases/${plain.number}`);
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['cache-control'], PUBLIC);
      assert.deepEqual(keysOf(page), [`release-${plain.id}`, 'board-press-releases', 'lang-en']);
      assert.equal(page.headers['cache-tag'], `release-${plain.id},board-press-releases,lang-en`);
      // The same headers on a hit of the server's own cache and on a 304.
      const again = await get(`/en/press-releases/${plain.number}`, { 'if-none-match': String(page.headers.etag) });
      assert.equal(again.statusCode, 304);
      assert.equal(again.headers['cache-control'], PUBLIC);
      assert.deepEqual(keysOf(again), keysOf(page));

      const list = await get('/en/press-releases');
      assert.equal(list.headers['cache-control'], PUBLIC);
      assert.deepEqual(keysOf(list), ['board-press-releases', 'lang-en', `release-${plain.id}`]);
      const home = await get('/ko/');
      assert.deepEqual(keysOf(home).slice(0, 2), ['home', 'lang-ko']);
      const feed = await get('/en/press-releases/feed.xml');
      assert.equal(feed.headers['cache-control'], PUBLIC);
      assert.deepEqual(keysOf(feed), ['feeds', 'lang-en', 'board-press-releases', `release-${plain.id}`]);
      const sitemap = await get('/sitemap.xml');
      assert.equal(sitemap.headers['cache-control'], PUBLIC);
      assert.deepEqual(keysOf(sitemap), ['sitemap']);
      const api = await get(`/api/v1/boards/press-releases/releases/en/${plain.number}`);
      assert.equal(api.statusCode, 200);
      assert.equal(api.headers['cache-control'], PUBLIC);
      assert.deepEqual(keysOf(api), ['api', 'board-press-releases', 'lang-en']);
      const file = await get(`/files/${plain.sha256}/budget.pdf`);
      assert.equal(file.headers['cache-control'], 'public, max-age=300, s-maxage=300, stale-while-revalidate=30');
      assert.deepEqual(keysOf(file), [`file-${plain.sha256}`]);
    });

    test('search, errors, API reads with credentials, admin, preview and sign-in are never kept by a shared cache', async () => {
      const search = await get('/en/search?q=budget');
      assert.equal(search.headers['cache-control'], 'no-store');
      assert.equal((await get('/api/v1/search?q=budget')).headers['cache-control'], 'public, no-cache');
      assert.equal((await get('/api/v1/releases', { authorization: 'Bearer anything' })).headers['cache-control'], 'private, no-cache', 'an answer to a request with credentials is for that caller only');
      const missing = await get('/en/press-releases/999');
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.headers['cache-control'], 'no-store');
      assert.equal(missing.headers['surrogate-key'], undefined);

      const login = await get('/admin/login');
      assert.equal(login.headers['cache-control'], 'no-store');
      const editor = new StaffBrowser(t, staffUser('editor'));
      const dashboard = await editor.get('/admin');
      assert.equal(dashboard.statusCode, 200);
      assert.equal(dashboard.headers['cache-control'], 'no-store');
      assert.equal(dashboard.headers['surrogate-key'], undefined);
      const post = await editor.post('/admin/account/sign-out');
      assert.match(String(post.headers['cache-control']), /no-store/);

      const draft = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Draft for a reporter', state: 'approved' });
      const { token } = await t.system.previewLinks.create(draft.release.id, 'Evening Post', TEST_ACTOR);
      const preview = await get(`/preview/${token}`);
      assert.equal(preview.statusCode, 200);
      assert.equal(preview.headers['cache-control'], 'private, no-store');
      assert.equal(preview.headers['surrogate-key'], undefined);
    });

    test('publication, correction, withdrawal and takedown purge the release, its board, home, feeds, sitemap, API and files', async () => {
      purger.clear();
      const fresh = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'New notice' });
      await t.system.cdn.idle();
      const published = purger.all();
      for (const key of [`release-${fresh.release.id}`, 'board-press-releases', 'home', 'feeds', 'sitemap', 'api', 'search']) assert.ok(published.has(key), `publish purges ${key}`);

      purger.clear();
      await correctRelease(t, plain.id, { title: 'Budget statement (corrected)', bodyMarkdown: 'Corrected figures.' });
      await t.system.cdn.idle();
      assert.ok(purger.all().has(`release-${plain.id}`), 'a correction purges the page');
      assert.ok(purger.all().has(`file-${plain.sha256}`), 'and the files it carried');

      purger.clear();
      await t.system.commands.withdrawRelease(plain.id, 'Issued in error', TEST_ACTOR, { removeContent: true });
      await t.system.cdn.idle();
      assert.ok(purger.all().has(`release-${plain.id}`), 'a takedown purges the page');
      assert.ok(purger.all().has(`file-${plain.sha256}`), 'and its files, which now answer 410');
      assert.equal(t.system.cdn.counts.failed, 0);
    });

    test('before an embargo lifts no lifetime reaches past it, and the lift purges what the release joins', async () => {
      await t.settled();
      const lift = new Date(t.clock.now().getTime() + 100_000);
      const embargoed = await buildRelease(t.system, { boardSlug: 'press-releases', state: 'embargoed', embargoUntil: lift, title: 'Embargoed white paper' });
      await t.settled();
      await t.system.cdn.idle();
      purger.clear();

      const list = await get('/en/press-releases');
      assert.equal(list.headers['cache-control'], 'public, max-age=0, s-maxage=100', 'bounded by the lift, and no stale-while-revalidate across it');
      t.clock.advance(40_000);
      assert.equal((await get('/en/')).headers['cache-control'], 'public, max-age=0, s-maxage=60');
      assert.equal((await get('/api/v1/releases?language=en')).headers['cache-control'], 'public, max-age=0, s-maxage=60');
      assert.doesNotMatch((await get('/en/press-releases')).body, /Embargoed white paper/);
      assert.equal(purger.calls.length, 0, 'nothing purged before the lift');

      t.clock.set(new Date(lift.getTime() + 500));
      const after = await get('/en/press-releases');
      assert.match(after.body, /Embargoed white paper/);
      await t.settled();
      await t.system.cdn.idle();
      const purged = purger.all();
      for (const key of [`release-${embargoed.release.id}`, 'board-press-releases', 'home', 'feeds', 'sitemap']) assert.ok(purged.has(key), `the lift purges ${key}`);
      // Once the next transition is known again, full lifetimes return.
      assert.equal((await get('/en/press-releases')).headers['cache-control'], PUBLIC);
    });

    test('the lift is purged by the server itself even when no request reaches it (a CDN answers them all)', async () => {
      const lift = new Date(t.clock.now().getTime() + 60_000);
      const embargoed = await buildRelease(t.system, { boardSlug: 'press-releases', state: 'embargoed', embargoUntil: lift, title: 'Quiet lift' });
      await t.settled();
      await t.system.cdn.idle();
      purger.clear();
      t.clock.set(new Date(lift.getTime() + 1));
      // No request: the content-version poll (every second) notices the lift.
      const deadline = Date.now() + 10_000;
      while (!purger.all().has(`release-${embargoed.release.id}`) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(purger.all().has(`release-${embargoed.release.id}`));
      assert.ok(purger.all().has('home'));
    });
  });
}
