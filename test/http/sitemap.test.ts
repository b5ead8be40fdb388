import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { XMLParser } from 'fast-xml-parser';
import { makePageCache } from '../../src/web/cache/page-cache.js';
import { registerSeoRoutes } from '../../src/web/seo/seo.route.js';
import type { ContentVersionTracker } from '../../src/web/cache/content-version.js';
import { buildBoard, buildRelease, jpegBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => name === 'url' || name === 'sitemap' });
const BASE = 'https://news.example.org';
const TITLE = 'Minister says </script><script>alert(1)</script> & 국방 "quoted"';

type UrlSet = { urlset: { '@xmlns': string; url: { loc: string; lastmod?: string }[] } };
type Index = { sitemapindex: { sitemap: { loc: string }[] } };

describe('sitemap, robots.txt and structured data', () => {
  let t: TestWeb;
  let photoNumber: number;
  let plainNumber: number;
  let withdrawnNumber: number;

  before(async () => {
    t = await createTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    await buildBoard(t.system, { slug: 'photos', kind: 'photo' });
    for (let i = 1; i <= 4; i++) await buildRelease(t.system, { boardSlug: 'press-releases', title: `Notice ${i}` });
    plainNumber = (await buildRelease(t.system, { boardSlug: 'press-releases', title: TITLE, subtitle: ['A standfirst'] })).release.number!;
    photoNumber = (await buildRelease(t.system, { boardSlug: 'photos', title: 'Photo call', files: [{ fileName: 'call.jpg', bytes: await jpegBytes(), altText: 'A photo call' }] })).release.number!;
    await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Draft', state: 'draft' });
    await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Embargoed', state: 'embargoed' });
    withdrawnNumber = (await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Withdrawn', state: 'withdrawn' })).release.number!;
  });
  after(async () => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  test('the sitemap lists homes, boards and every listed release with lastmod', async () => {
    const res = await get('/sitemap.xml');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/xml; charset=utf-8/);
    assert.ok(res.headers.etag && res.headers['last-modified']);
    assert.equal((await get('/sitemap.xml', { 'if-none-match': res.headers.etag as string })).statusCode, 304);
    const doc = parser.parse(res.body) as UrlSet;
    assert.equal(doc.urlset['@xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = doc.urlset.url.map((u) => u.loc);
    for (const path of ['/en/', '/ko/', '/en/press-releases', '/ko/photos', `/en/press-releases/${plainNumber}`, `/en/photos/${photoNumber}`]) assert.ok(locs.includes(BASE + path), path);
    // 2 homes + 4 board lists + 6 listed releases: no draft, embargoed or withdrawn page.
    assert.equal(locs.length, 12);
    const release = doc.urlset.url.find((u) => u.loc === `${BASE}/en/press-releases/${plainNumber}`)!;
    assert.ok(!Number.isNaN(Date.parse(release.lastmod!)));
    assert.ok(doc.urlset.url.find((u) => u.loc === `${BASE}/en/`)!.lastmod, 'home has a lastmod');
  });

  test('past the chunk size the sitemap becomes an index of chunks that together list every page', async () => {
    const app = Fastify();
    const version: Pick<ContentVersionTracker, 'current'> = { current: () => '1' };
    registerSeoRoutes(app, { pages: t.system.pages, cache: makePageCache({ version: version.current }), version: version as ContentVersionTracker, baseUrl: BASE, sitemapChunkSize: 4 });
    const index = parser.parse((await app.inject({ url: '/sitemap.xml' })).body) as Index;
    const files = index.sitemapindex.sitemap.map((s) => s.loc);
    assert.deepEqual(files, [`${BASE}/sitemaps/pages.xml`, `${BASE}/sitemaps/releases-1.xml`, `${BASE}/sitemaps/releases-2.xml`]);
    const all: string[] = [];
    for (const file of files) {
      const res = await app.inject({ url: file.slice(BASE.length) });
      assert.equal(res.statusCode, 200, file);
      const set = parser.parse(res.body) as UrlSet;
      assert.ok(set.urlset.url.length <= 6);
      all.push(...set.urlset.url.map((u) => u.loc));
    }
    assert.equal(all.length, 12);
    assert.equal(new Set(all).size, 12);
    assert.equal((await app.inject({ url: '/sitemaps/releases-3.xml' })).statusCode, 404);
    assert.equal((await app.inject({ url: '/sitemaps/other.xml' })).statusCode, 404);
    await app.close();
  });

  test('robots.txt allows the public site, keeps crawlers out of the office and previews, names the sitemap', async () => {
    const res = await get('/robots.txt');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/plain/);
    const lines = res.body.split('\n');
    for (const line of ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /preview', `Sitemap: ${BASE}/sitemap.xml`]) assert.ok(lines.includes(line), line);
  });

  function jsonLd(body: string): Record<string, unknown> {
    const blocks = [...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    assert.equal(blocks.length, 1, 'exactly one JSON-LD block, not broken out of');
    return JSON.parse(blocks[0]![1]!) as Record<string, unknown>;
  }

  test('a release page has NewsArticle JSON-LD that a hostile title cannot break out of, and a summary card', async () => {
    const res = await get(`/en/press-releases/${plainNumber}`);
    assert.ok(!res.body.includes('</script><script>alert(1)'), 'the title never closes the element');
    const data = jsonLd(res.body);
    assert.equal(data['@context'], 'https://schema.org');
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, TITLE);
    assert.equal(data.inLanguage, 'en');
    // The ministry publishes; its favicon stands as the logo (#17).
    const publisher = data.publisher as { '@type': string; name: string; url: string; logo: { url: string } };
    assert.equal(publisher['@type'], 'GovernmentOrganization');
    assert.equal(publisher.name, 'Test Newsroom');
    assert.equal(publisher.url, `${BASE}/en/`);
    assert.match(publisher.logo.url, new RegExp(`^${BASE}/assets/favicon-[0-9a-f]{12}\\.svg$`));
    assert.ok(data.author, 'an author is named');
    assert.deepEqual(data.mainEntityOfPage, { '@type': 'WebPage', '@id': `${BASE}/en/press-releases/${plainNumber}` });
    assert.equal(data.image, undefined);
    assert.equal(data.datePublished, data.dateModified);
    assert.ok(!Number.isNaN(Date.parse(data.datePublished as string)));
    assert.match(res.body, /<meta name="twitter:card" content="summary"\/>/);
  });

  test('with a photo: JSON-LD image and a large-image card; dateModified moves with a correction', async () => {
    const page = await get(`/en/photos/${photoNumber}`);
    const data = jsonLd(page.body);
    const image = (data.image as { url: string; caption: string }[])[0]!;
    assert.match(image.url, new RegExp(`^${BASE}/files/[0-9a-f]{64}/call\\.jpg$`));
    assert.equal(image.caption, 'A photo call');
    assert.match(page.body, /<meta name="twitter:card" content="summary_large_image"\/>/);
    assert.match(page.body, new RegExp(`<meta name="twitter:image" content="${BASE}/files/[0-9a-f]{64}/call\\.jpg"/>`));

    const id = (await t.system.admin.list({ limit: 50, offset: 0 })).rows.find((r) => r.title === 'Photo call')!.releaseId;
    t.clock.advance(600_000);
    const draft = await t.system.commands.startCorrection(id, TEST_ACTOR);
    await t.system.commands.saveDraft(id, { title: 'Photo call', subtitle: [], bodyMarkdown: 'Fixed caption.', department: '', contact: null, tags: [], lockVersion: draft.lockVersion }, TEST_ACTOR);
    await t.system.commands.submitRelease(id, TEST_ACTOR);
    await t.system.commands.approveRelease(id, TEST_ACTOR);
    await t.system.commands.publishRelease(id, TEST_ACTOR, { changeNote: 'Fixed the caption' });
    const after = jsonLd((await get(`/en/photos/${photoNumber}`)).body);
    assert.equal(after.datePublished, data.datePublished);
    assert.equal(Date.parse(after.dateModified as string) - Date.parse(data.datePublished as string), 600_000);
  });

  test('withdrawn and print pages carry no structured data', async () => {
    const print = await get(`/en/press-releases/${plainNumber}/print`);
    assert.doesNotMatch(print.body, /application\/ld\+json/);
    const withdrawn = await get(`/en/press-releases/${withdrawnNumber}`);
    assert.equal(withdrawn.statusCode, 200);
    assert.doesNotMatch(withdrawn.body, /application\/ld\+json/);
  });
});
