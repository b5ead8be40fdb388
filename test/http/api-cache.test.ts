import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makePageCache } from '../../src/web/cache/page-cache.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

interface Summary {
  id: number;
  number: number;
  title: string;
}
interface Detail {
  title: string;
  status: string;
  withdrawal: { reason: string } | null;
  change_notes: { note: string }[];
}

// The API's page cache: answers are kept until the content version changes, and the version changes
// at every publication, correction, withdrawal and embargo lift, so no kept answer outlives them.
for (const { kind, skip } of databaseKinds()) {
  describe(`JSON API v1 read cache on ${kind}`, { skip }, () => {
    let t: TestWeb;
    let first: { id: number; number: number };
    const embargo = new Date('2026-11-20T03:00:00Z');

    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      await buildBoard(t.system, { slug: 'news', kind: 'news' });
      const r = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'First notice', tags: ['budget'] });
      first = { id: r.release.id, number: r.release.number! };
      t.clock.advance(60_000);
      await buildRelease(t.system, { boardSlug: 'news', language: 'ko', title: '국방 소식', tags: ['국방'] });
      await t.settled();
    });
    after(async () => t?.close());

    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
    const titles = async (url: string) => ((await get(url)).json() as { data: Summary[] }).data.map((r) => r.title);
    /** Changes a live title behind the application's back: no event, no version change. */
    async function renameBehindTheCache(id: number, title: string) {
      const { live_edition_id } = await t.system.db.selectFrom('releases').select('live_edition_id').where('id', '=', id).executeTakeFirstOrThrow();
      await t.system.db.updateTable('editions').set({ title }).where('id', '=', live_edition_id!).execute();
    }

    test('answers are kept: a change nobody announced is not seen, a request with a token reads the database', async () => {
      const url = '/api/v1/releases?board=press-releases';
      const cached = await get(url);
      assert.equal(cached.statusCode, 200);
      await renameBehindTheCache(first.id, 'Renamed quietly');
      const again = await get(url);
      assert.equal(again.body, cached.body, 'served from the cache');
      assert.equal(again.headers.etag, cached.headers.etag);
      const detailUrl = `/api/v1/boards/press-releases/releases/en/${first.number}`;
      const withToken = await get(url, { authorization: 'Bearer prt_whatever' });
      assert.equal(withToken.statusCode, 200);
      assert.deepEqual(
        (withToken.json() as { data: Summary[] }).data.map((r) => r.title),
        ['Renamed quietly'],
        'an Authorization header bypasses the cache',
      );
      assert.deepEqual(await titles(url), ['First notice'], 'and does not refill it');
      assert.equal(((await get(detailUrl, { authorization: 'Bearer x' })).json() as { data: Detail }).data.title, 'Renamed quietly');
      await renameBehindTheCache(first.id, 'First notice');
    });

    test('CORS, caching headers, 304 and HEAD are the same from the cache', async () => {
      const url = '/api/v1/releases?language=en';
      const miss = await get(url);
      const hit = await get(url);
      for (const res of [miss, hit]) {
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['access-control-allow-origin'], '*');
        assert.equal(res.headers['access-control-expose-headers'], 'ETag');
        assert.match(res.headers['cache-control'] as string, /^public, max-age=0, s-maxage=\d+/);
        assert.match(res.headers['content-type'] as string, /^application\/json; charset=utf-8$/);
        assert.equal(res.headers['x-content-type-options'], 'nosniff', 'security headers too');
      }
      assert.equal(hit.headers.etag, miss.headers.etag);
      const notModified = await get(url, { 'if-none-match': hit.headers.etag as string });
      assert.equal(notModified.statusCode, 304);
      assert.equal(notModified.body, '');
      assert.equal(notModified.headers['access-control-allow-origin'], '*');
      assert.equal((await get(url, { 'if-none-match': `W/${hit.headers.etag as string}, "other"` })).statusCode, 304);
      const head = await t.app.inject({ method: 'HEAD', url });
      assert.equal(head.statusCode, 200);
      assert.equal(head.headers.etag, hit.headers.etag);
      assert.equal(head.body, '');
    });

    test('different query strings do not collide; spellings of the same query share one answer', async () => {
      const all = await get('/api/v1/releases');
      const en = await get('/api/v1/releases?language=en');
      const ko = await get('/api/v1/releases?language=ko');
      const one = await get('/api/v1/releases?limit=1');
      assert.deepEqual(
        (all.json() as { data: Summary[] }).data.map((r) => r.title),
        ['국방 소식', 'First notice'],
      );
      assert.deepEqual(
        (en.json() as { data: Summary[] }).data.map((r) => r.title),
        ['First notice'],
      );
      assert.deepEqual(
        (ko.json() as { data: Summary[] }).data.map((r) => r.title),
        ['국방 소식'],
      );
      const page1 = one.json() as { data: Summary[]; next_cursor: string };
      assert.deepEqual(
        page1.data.map((r) => r.title),
        ['국방 소식'],
      );
      const page2 = (await get(`/api/v1/releases?limit=1&cursor=${page1.next_cursor}`)).json() as { data: Summary[]; next_cursor: string | null };
      assert.deepEqual(
        page2.data.map((r) => r.title),
        ['First notice'],
      );
      assert.equal(page2.next_cursor, null);
      assert.equal(new Set([all, en, ko, one].map((r) => r.headers.etag)).size, 4, 'four answers, four ETags');
      // The same request spelled differently: one answer. Unknown parameters are ignored, as before.
      const a = await get('/api/v1/releases?board=news&language=ko');
      const b = await get('/api/v1/releases?language=ko&board=news&utm_source=x');
      const c = await get('/api/v1/releases?language=ko&board=news&limit=20');
      assert.equal(a.body, b.body);
      assert.equal(a.headers.etag, c.headers.etag);
      // Tags, single releases and boards are kept apart from lists, and each key from the others.
      assert.deepEqual(((await get('/api/v1/tags?language=ko')).json() as { data: { tag: string }[] }).data, [{ tag: '국방', count: 1 }]);
      assert.deepEqual(((await get('/api/v1/tags?language=en')).json() as { data: { tag: string }[] }).data, [{ tag: 'budget', count: 1 }]);
      assert.equal(((await get(`/api/v1/boards/press-releases/releases/en/${first.number}`)).json() as { data: Detail }).data.title, 'First notice');
      assert.equal((await get(`/api/v1/boards/news/releases/en/${first.number}`)).statusCode, 404, 'another board, another key');
      assert.equal((await get('/api/v1/releases?board=nope')).statusCode, 404);
      assert.equal((await get('/api/v1/releases?limit=0')).statusCode, 400, 'errors are never kept as answers');
    });

    test('a publication shows at once in lists, tags and its own URL, with new ETags', async () => {
      const list = await get('/api/v1/releases');
      const tags = await get('/api/v1/tags');
      t.clock.advance(60_000);
      const r = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Second notice', tags: ['budget'] });
      const after = await get('/api/v1/releases', { 'if-none-match': list.headers.etag as string });
      assert.equal(after.statusCode, 200);
      assert.notEqual(after.headers.etag, list.headers.etag);
      assert.equal((after.json() as { data: Summary[] }).data[0]!.title, 'Second notice');
      assert.deepEqual(((await get('/api/v1/tags')).json() as { data: unknown[] }).data[0], { tag: 'budget', count: 2 });
      assert.notEqual((await get('/api/v1/tags')).headers.etag, tags.headers.etag);
      assert.equal((await get(`/api/v1/boards/press-releases/releases/en/${r.release.number!}`)).statusCode, 200);
    });

    test('a published correction replaces the kept list and release at once', async () => {
      const detailUrl = `/api/v1/boards/press-releases/releases/en/${first.number}`;
      const detail = await get(detailUrl);
      const list = await get('/api/v1/releases?board=press-releases');
      t.clock.advance(60_000);
      const draft = await t.system.commands.startCorrection(first.id, TEST_ACTOR);
      await t.system.commands.saveDraft(first.id, { title: 'First notice (corrected)', bodyMarkdown: 'Corrected.', lockVersion: draft.lockVersion }, TEST_ACTOR);
      assert.equal((await get(detailUrl)).body, detail.body, 'a correction draft changes nothing public');
      await t.system.commands.submitRelease(first.id, TEST_ACTOR);
      await t.system.commands.approveRelease(first.id, TEST_ACTOR);
      await t.system.commands.publishRelease(first.id, TEST_ACTOR, { changeNote: 'Fixed the title' });
      const corrected = await get(detailUrl, { 'if-none-match': detail.headers.etag as string });
      assert.equal(corrected.statusCode, 200);
      const data = (corrected.json() as { data: Detail }).data;
      assert.equal(data.title, 'First notice (corrected)');
      assert.deepEqual(
        data.change_notes.map((n) => n.note),
        ['Fixed the title'],
      );
      const newList = await get('/api/v1/releases?board=press-releases');
      assert.notEqual(newList.headers.etag, list.headers.etag);
      assert.ok(
        (newList.json() as { data: Summary[] }).data.some((r) => r.title === 'First notice (corrected)'),
        'the list shows the corrected title',
      );
    });

    test('an embargo lift shows the release at its exact time, though nothing was written then', async () => {
      t.clock.set(new Date(embargo.getTime() - 10 * 60_000));
      const e = await buildRelease(t.system, { boardSlug: 'press-releases', state: 'embargoed', embargoUntil: embargo, title: 'Embargoed notice', tags: ['secret'] });
      const url = `/api/v1/boards/press-releases/releases/en/${e.release.number!}`;
      t.clock.set(new Date(embargo.getTime() - 1));
      const list = await get('/api/v1/releases');
      assert.ok(!list.body.includes('Embargoed notice'));
      assert.equal((await get('/api/v1/releases')).headers.etag, list.headers.etag, 'kept until the lift');
      assert.equal((await get(url)).statusCode, 404);
      assert.ok(!(await get('/api/v1/tags')).body.includes('secret'));
      t.clock.set(embargo);
      const lifted = await get('/api/v1/releases', { 'if-none-match': list.headers.etag as string });
      assert.equal(lifted.statusCode, 200);
      assert.equal((lifted.json() as { data: Summary[] }).data[0]!.title, 'Embargoed notice');
      assert.equal((await get(url)).statusCode, 200);
      assert.ok((await get('/api/v1/tags')).body.includes('secret'));
    });

    test('a withdrawal drops the release from kept lists at once; its URL answers with the notice', async () => {
      const url = `/api/v1/boards/press-releases/releases/en/${first.number}`;
      const list = await get('/api/v1/releases?board=press-releases');
      assert.ok(list.body.includes('First notice (corrected)'));
      assert.equal(((await get(url)).json() as { data: Detail }).data.status, 'published');
      t.clock.advance(60_000);
      await t.system.commands.withdrawRelease(first.id, 'Issued in error', TEST_ACTOR);
      const after = await get('/api/v1/releases?board=press-releases', { 'if-none-match': list.headers.etag as string });
      assert.equal(after.statusCode, 200);
      assert.ok(!after.body.includes('First notice'));
      const detail = ((await get(url)).json() as { data: Detail }).data;
      assert.equal(detail.status, 'withdrawn');
      assert.equal(detail.withdrawal!.reason, 'Issued in error');
    });
  });
}

describe('page cache bounds', () => {
  test('least recently used entries go first once entries or bytes pass their limits', () => {
    const cache = makePageCache({ version: () => 'v1', maxEntries: 3, maxBytes: 10 });
    cache.set('a', 'v1', '1234');
    cache.set('b', 'v1', '1234');
    assert.ok(cache.get('a'), 'a is now the most recently used');
    cache.set('c', 'v1', '1234');
    assert.equal(cache.size, 2, '12 bytes > 10: the least recently used (b) went');
    assert.equal(cache.get('b'), undefined);
    assert.ok(cache.get('a') && cache.get('c'));
    assert.equal(cache.bytes, 8);
    cache.set('c', 'v1', '12');
    assert.equal(cache.bytes, 6, 'replacing an entry does not count it twice');
    const small = makePageCache({ version: () => 'v1', maxEntries: 2 });
    for (const key of ['x', 'y', 'z']) small.set(key, 'v1', key);
    assert.deepEqual(
      ['x', 'y', 'z'].map((k) => small.get(k) !== undefined),
      [false, true, true],
    );
  });
});
