import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const hrefs = (html: string, rel: string) => [...html.matchAll(new RegExp(`<a href="([^"]+)" rel="${rel}"`, 'g'))].map((m) => m[1]!.replace(/&amp;/g, '&'));
const releaseTagsSection = (html: string) => /<section class="release-tags"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';

// Tags on public release pages link to their tag page and feed, and both answer (#16 item 7).
for (const { kind, skip } of databaseKinds()) {
  describe(`tags on public release pages on ${kind}`, { skip }, () => {
    let t: TestWeb;
    let numberKo = 0;
    let numberEn = 0;
    let withdrawn = 0;

    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      numberKo = (await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '겨울철 도로 안전 대책', tags: ['도로 안전', 'winter'] })).release.number!;
      numberEn = (await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Winter road safety', tags: ['roads & bridges'] })).release.number!;
      for (let i = 0; i < 21; i++) await buildRelease(t.system, { boardSlug: 'press-releases', title: `Bulk ${i}`, tags: ['bulk'] });
      withdrawn = (await buildRelease(t.system, { boardSlug: 'press-releases', state: 'withdrawn', title: 'Issued in error', tags: ['only-withdrawn'] })).release.number!;
    });
    after(async () => t?.close());

    test('a Korean release page links each tag to its page and feed, and both answer', async () => {
      const page = await t.app.inject({ method: 'GET', url: `/ko/press-releases/${numberKo}` });
      assert.equal(page.statusCode, 200);
      const section = releaseTagsSection(page.body);
      assert.match(section, /<h2 id="release-tags-title">태그<\/h2>/);
      const tagLinks = hrefs(section, 'tag');
      assert.deepEqual(tagLinks, [`/ko/tags/${encodeURIComponent('도로 안전')}`, '/ko/tags/winter']);
      const feedLinks = [...section.matchAll(/<a class="tag-feed" href="([^"]+)"/g)].map((m) => m[1]!);
      assert.deepEqual(feedLinks, [`/ko/tags/${encodeURIComponent('도로 안전')}/feed.xml`, '/ko/tags/winter/feed.xml']);

      const tagPage = await t.app.inject({ method: 'GET', url: tagLinks[0]! });
      assert.equal(tagPage.statusCode, 200);
      assert.match(tagPage.body, /<h1>‘도로 안전’ 태그<\/h1>/);
      assert.match(tagPage.body, new RegExp(`<a href="/ko/press-releases/${numberKo}">겨울철 도로 안전 대책</a>`));
      // Its feed is announced in the head and linked on the page.
      assert.match(tagPage.body, /<link rel="alternate" type="application\/rss\+xml" title="‘도로 안전’ 피드" href="https:\/\/news\.example\.org\/ko\/tags\/%EB%8F%84%EB%A1%9C%20%EC%95%88%EC%A0%84\/feed\.xml"/);

      const feed = await t.app.inject({ method: 'GET', url: feedLinks[0]! });
      assert.equal(feed.statusCode, 200);
      const xml = new XMLParser().parse(feed.body) as { rss: { channel: { item: { title: string } | { title: string }[] } } };
      assert.deepEqual([xml.rss.channel.item].flat().map((i) => i.title), ['겨울철 도로 안전 대책']);
    });

    test('an English page links a tag with characters URLs escape', async () => {
      const page = await t.app.inject({ method: 'GET', url: `/en/press-releases/${numberEn}` });
      const [link] = hrefs(releaseTagsSection(page.body), 'tag');
      assert.equal(link, '/en/tags/roads%20%26%20bridges');
      assert.match(releaseTagsSection(page.body), /#roads &amp; bridges/);
      const tagPage = await t.app.inject({ method: 'GET', url: link! });
      assert.equal(tagPage.statusCode, 200);
      assert.match(tagPage.body, /Tagged “roads &amp; bridges”/);
      assert.equal((await t.app.inject({ method: 'GET', url: `${link}/feed.atom` })).statusCode, 200);
    });

    test('tag pages are cached like lists: public, purged with the tags key', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/en/tags/bulk' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['cache-control']), /^public/);
      assert.ok(String(res.headers['surrogate-key']).split(' ').includes('tags'));
      assert.ok(res.headers.etag);
      const again = await t.app.inject({ method: 'GET', url: '/en/tags/bulk', headers: { 'if-none-match': String(res.headers.etag) } });
      assert.equal(again.statusCode, 304);
    });

    test('older releases of a tag are a cursor page away; a forged cursor goes back to the first page', async () => {
      const first = await t.app.inject({ method: 'GET', url: '/en/tags/bulk' });
      assert.equal((first.body.match(/<li><a href="\/en\/press-releases\/\d+">Bulk \d+<\/a>/g) ?? []).length, 20);
      const [older] = hrefs(first.body, 'next');
      assert.match(older!, /^\/en\/tags\/bulk\?after=/);
      const second = await t.app.inject({ method: 'GET', url: older! });
      assert.equal(second.statusCode, 200);
      assert.equal((second.body.match(/<li><a href="\/en\/press-releases\/\d+">Bulk \d+<\/a>/g) ?? []).length, 1);
      assert.match(second.body, /<meta name="robots" content="noindex"/);
      const forged = await t.app.inject({ method: 'GET', url: '/en/tags/bulk?after=nonsense!' });
      assert.equal(forged.statusCode, 301);
      assert.equal(forged.headers.location, '/en/tags/bulk');
    });

    test('a tag no listed release carries is a 404; a withdrawn page shows its tags unlinked', async () => {
      assert.equal((await t.app.inject({ method: 'GET', url: '/en/tags/nothing-here' })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: '/en/tags/only-withdrawn' })).statusCode, 404);
      const page = await t.app.inject({ method: 'GET', url: `/en/press-releases/${withdrawn}` });
      assert.equal(page.statusCode, 200);
      assert.match(releaseTagsSection(page.body), /<li>#only-withdrawn<\/li>/);
      assert.deepEqual(hrefs(releaseTagsSection(page.body), 'tag'), []);
    });
  });
}
