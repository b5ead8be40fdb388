import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, jpegBytes } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

/** The titles the list shows, in order. */
const titlesIn = (html: string) => [...html.matchAll(/<td class="title-cell"><a href="\/admin\/releases\/\d+" title="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
const sorted = (xs: string[]) => [...xs].sort();
const BASE = { boardSlug: 'briefings', language: 'en', bodyMarkdown: 'Body.', department: 'Press Office' };

// The admin list's title search and filters (#16 item 7). Drafts are not in the public search index,
// so the list searches the latest edition's title itself: these run on both databases.
for (const { kind, skip } of databaseKinds()) {
  describe(`admin release list: title search, filters, thumbnails on ${kind}`, { skip }, () => {
    let t: TestWeb;
    let writer: StaffBrowser;
    let editor: StaffBrowser;
    const KO_DRAFT = '합참의장을 만난 국방부 장관, 겨울 훈련 점검';
    const EN_DRAFT = 'Winter Road Safety measures announced';
    const PUBLISHED = 'Defence minister meets counterpart';
    const PHOTO = 'Photo call at the harbour';

    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'briefings' });
      await buildBoard(t.system, { slug: 'speeches' });
      writer = new StaffBrowser(t, staffUser('writer', 'Kim Writer'));
      editor = new StaffBrowser(t, staffUser('editor', 'Lee Editor'));
      // Drafts written through the form by the writer (the author filter's subject).
      for (const [title, language, tags] of [
        [EN_DRAFT, 'en', 'roads, winter'],
        [KO_DRAFT, 'ko', '국방, winter'],
      ] as const) {
        const res = await writer.post('/admin/releases', { ...BASE, title, language, tags });
        assert.equal(res.statusCode, 303, res.body);
      }
      await editor.get('/admin');
      await buildRelease(t.system, { boardSlug: 'speeches', title: PUBLISHED, tags: ['defence'] });
      await buildRelease(t.system, { boardSlug: 'speeches', state: 'draft', title: PHOTO, files: [{ fileName: 'harbour.jpg', bytes: await jpegBytes(1000, 700), altText: 'Ships in the harbour' }] });
      for (let i = 1; i <= 21; i++) await buildRelease(t.system, { boardSlug: 'briefings', state: 'draft', title: `Bulk notice ${i}`, tags: ['bulk'] });
    });
    after(async () => t?.close());

    test('a Korean title is found by a word inside it (particles attached), drafts included', async () => {
      const page = await editor.get(`/admin/releases?q=${encodeURIComponent('합참의장')}`);
      assert.equal(page.statusCode, 200);
      assert.deepEqual(titlesIn(page.body), [KO_DRAFT]);
      assert.match(page.body, /value="합참의장"/, 'the search box keeps what was typed');
      // Every word must appear, in any order.
      assert.deepEqual(titlesIn((await editor.get(`/admin/releases?q=${encodeURIComponent('장관 국방부')}`)).body), [KO_DRAFT]);
      assert.deepEqual(titlesIn((await editor.get(`/admin/releases?q=${encodeURIComponent('장관 없는말')}`)).body), []);
    });

    test('an English title search ignores case; %, _ are not wildcards', async () => {
      assert.deepEqual(titlesIn((await editor.get('/admin/releases?q=road+SAFETY')).body), [EN_DRAFT]);
      assert.deepEqual(titlesIn((await editor.get('/admin/releases?q=%25')).body), []);
      assert.deepEqual(titlesIn((await editor.get('/admin/releases?q=_')).body), []);
    });

    test('each filter narrows the list: board, state, language, author, tag', async () => {
      assert.deepEqual(sorted(titlesIn((await editor.get('/admin/releases?board=speeches')).body)), sorted([PUBLISHED, PHOTO]));
      assert.deepEqual(titlesIn((await editor.get('/admin/releases?state=published')).body), [PUBLISHED]);
      assert.deepEqual(titlesIn((await editor.get('/admin/releases?language=ko')).body), [KO_DRAFT]);
      assert.deepEqual(sorted(titlesIn((await editor.get(`/admin/releases?author=${writer.user.id}`)).body)), sorted([EN_DRAFT, KO_DRAFT]));
      assert.deepEqual(titlesIn((await editor.get(`/admin/releases?author=${editor.user.id}`)).body), []);
      assert.deepEqual(titlesIn((await editor.get(`/admin/releases?tag=${encodeURIComponent('국방')}`)).body), [KO_DRAFT]);
      assert.deepEqual(sorted(titlesIn((await editor.get('/admin/releases?tag=winter')).body)), sorted([EN_DRAFT, KO_DRAFT]));
      // A tag is matched exactly, not as part of another.
      assert.deepEqual(titlesIn((await editor.get('/admin/releases?tag=wint')).body), []);
      // The author select offers staff by name, the chosen one selected.
      const page = await editor.get(`/admin/releases?author=${writer.user.id}`);
      assert.match(page.body, new RegExp(`<option value="${writer.user.id}" selected translate="no">Kim Writer</option>`));
    });

    test('filters combine', async () => {
      assert.deepEqual(titlesIn((await editor.get('/admin/releases?tag=winter&language=en')).body), [EN_DRAFT]);
      assert.deepEqual(titlesIn((await editor.get(`/admin/releases?tag=winter&author=${writer.user.id}&q=${encodeURIComponent('국방부')}&state=draft&board=briefings`)).body), [KO_DRAFT]);
      assert.deepEqual(titlesIn((await editor.get('/admin/releases?tag=winter&board=speeches')).body), []);
    });

    test('pages keep every filter', async () => {
      const first = await editor.get('/admin/releases?q=bulk&tag=bulk&state=draft');
      assert.equal(titlesIn(first.body).length, 20);
      assert.match(first.body, /21 releases/);
      const next = /<a href="([^"]+)" rel="next">/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
      assert.equal(next, '/admin/releases?q=bulk&state=draft&tag=bulk&page=2');
      const second = await editor.get(next!);
      assert.equal(titlesIn(second.body).length, 1);
      assert.match(titlesIn(second.body)[0]!, /^Bulk notice/);
      assert.match(second.body, /<a href="\/admin\/releases\?q=bulk&amp;state=draft&amp;tag=bulk" rel="prev">/);
    });

    test('the list shows a staff-only thumbnail of the first photo, as a small WebP', async () => {
      const page = await editor.get('/admin/releases?q=harbour');
      assert.deepEqual(titlesIn(page.body), [PHOTO]);
      const src = /<img class="thumbnail" src="([^"]+)" alt="Ships in the harbour"/.exec(page.body)?.[1];
      assert.ok(src, 'a thumbnail is shown');
      assert.match(src, /^\/admin\/thumbnails\/[0-9a-f]{64}\/harbour-480w\.webp$/);
      const image = await editor.get(src);
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers['content-type'], 'image/webp');
      assert.equal(image.headers['cache-control'], 'private, max-age=86400');
      // Not for the public: a draft's photo. Anonymous requests are sent to sign in.
      const anonymous = await t.app.inject({ method: 'GET', url: src });
      assert.notEqual(anonymous.statusCode, 200);
      // A release without a photo has none.
      assert.doesNotMatch((await editor.get('/admin/releases?q=bulk')).body, /class="thumbnail"/);
      // Anything else by content address is not served.
      assert.equal((await editor.get(`/admin/thumbnails/${'0'.repeat(64)}/x.webp`)).statusCode, 404);
    });

  });
}
