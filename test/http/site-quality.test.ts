import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildBoard, buildRelease, jpegBytes } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

/** The public site's page quality and what a ministry site carries (#17), over HTTP. */
describe('public site quality and ministry details', () => {
  let t: TestWeb;
  let photoUrl: string;

  before(async () => {
    t = await createTestWeb('sqlite', {
      siteSettings: { licence: 'kogl-2', contact: { address: '22 Itaewon-ro, Seoul', phone: '02-748-1111', email: 'press@mnd.example.kr' }, privacyUrl: 'https://www.example.kr/privacy' },
    });
    await buildBoard(t.system, { slug: 'press-releases' });
    const { release } = await buildRelease(t.system, {
      boardSlug: 'press-releases',
      title: 'Navy launches a new frigate & more',
      subtitle: ['Troops deployed to the coast'],
      bodyMarkdown: 'Soldiers arrived at dawn.',
      department: 'Maritime Affairs',
      files: [
        { fileName: 'ship.jpg', bytes: await jpegBytes(800, 600), altText: 'A grey frigate at sea', caption: 'The frigate' },
        { fileName: 'crew.jpg', bytes: await jpegBytes(800, 600), altText: 'The crew on deck' },
      ],
    });
    photoUrl = `/en/press-releases/${release.number}`;
    await t.system.search.idle();
    await t.settled();
  });
  after(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  test('every public page has a meta description; home links "More in {board}", not a bare "More"', async () => {
    for (const url of ['/en/', '/ko/', '/en/press-releases', '/ko/press-releases', '/en/search', photoUrl, '/en/privacy']) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /<meta name="description" content="[^"]{20,}"\/>/, url);
    }
    const home = await get('/en/');
    assert.match(home.body, /<a href="\/en\/press-releases">More in Board \d+<\/a>/);
    assert.doesNotMatch(home.body, />More<\/a>/);
    assert.match((await get('/en/press-releases')).body, /<meta name="description" content="Board \d+: the press releases of Test Newsroom, newest first."/);
  });

  test('a release: the first photo loads eagerly with high priority, the others lazily; social tags carry its alt text', async () => {
    const res = await get(photoUrl);
    const images = [...res.body.matchAll(/<figure class="photo"><img [^>]*>/g)].map((m) => m[0]);
    assert.equal(images.length, 2);
    assert.match(images[0]!, /loading="eager"/);
    assert.match(images[0]!, /fetchpriority="high"/);
    assert.match(images[1]!, /loading="lazy"/);
    assert.doesNotMatch(images[1]!, /fetchpriority/);
    assert.match(res.body, /<meta property="og:image:alt" content="A grey frigate at sea"\/>/);
    assert.match(res.body, /<meta name="twitter:image:alt" content="A grey frigate at sea"\/>/);
    assert.match(res.body, /<meta name="description" content="Troops deployed to the coast"\/>/);
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(res.body)![1]!) as Record<string, unknown>;
    assert.deepEqual((jsonLd.author as { name: string }).name, 'Maritime Affairs');
    assert.deepEqual((jsonLd.publisher as { name: string }).name, 'Test Newsroom');
    assert.equal((jsonLd.image as { caption: string }[])[0]!.caption, 'A grey frigate at sea');
  });

  test('share links are plain URLs to the page; no third-party script is loaded', async () => {
    const res = await get(photoUrl);
    const page = encodeURIComponent(`https://news.example.org${photoUrl}`);
    assert.match(res.body, new RegExp(`href="https://www.facebook.com/sharer/sharer.php\\?u=${page.replace(/%/g, '%')}"`));
    assert.match(res.body, new RegExp(`href="mailto:\\?subject=Navy%20launches%20a%20new%20frigate%20%26%20more&amp;body=${page}"`));
    assert.match(res.body, /href="https:\/\/share.naver.com\/web\/shareView\?url=/);
    assert.doesNotMatch(res.body, /<script[^>]+src=/);
    // The print view and the search page show no share links.
    assert.doesNotMatch((await get(`${photoUrl}/print`)).body, /class="share"/);
  });

  test('the footer shows the configured contact, licence and statements; the built-in statements exist in both languages', async () => {
    const res = await get('/ko/');
    assert.match(res.body, /<address class="footer-contact">/);
    assert.match(res.body, /22 Itaewon-ro, Seoul/);
    assert.match(res.body, /<a href="tel:027481111">02-748-1111<\/a>/);
    assert.match(res.body, /<a href="mailto:press@mnd.example.kr">/);
    assert.match(res.body, /공공누리 제2유형/);
    assert.match(res.body, /<a href="https:\/\/www.kogl.or.kr\/info\/licenseType2.do" rel="license">/);
    assert.match(res.body, /<a href="https:\/\/www.example.kr\/privacy">개인정보처리방침<\/a>/);
    assert.match(res.body, /<a href="\/ko\/accessibility">웹 접근성 정책<\/a>/);
    for (const url of ['/ko/privacy', '/en/privacy', '/ko/accessibility', '/en/accessibility']) {
      const page = await get(url);
      assert.equal(page.statusCode, 200, url);
      assert.match(page.body, /<h1>[^<]+<\/h1>/);
    }
  });

  test('the favicon: linked from every page, served under a hashed name for a year, and at /favicon.ico', async () => {
    const home = await get('/en/');
    const href = /<link rel="icon" href="(\/assets\/favicon-[0-9a-f]{12}\.svg)" type="image\/svg\+xml"\/>/.exec(home.body)?.[1];
    assert.ok(href, 'the page links its favicon');
    const icon = await get(href);
    assert.equal(icon.statusCode, 200);
    assert.equal(icon.headers['content-type'], 'image/svg+xml');
    assert.equal(icon.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(icon.body, /^<svg /);
    const ico = await get('/favicon.ico');
    assert.equal(ico.statusCode, 200);
    assert.equal(ico.body, icon.body);
  });

  test('search dates: a wrong one is explained and left out, a reversed range is explained and searched the right way round', async () => {
    const invalid = await get('/en/search?q=frigate&from=2026-13-40');
    assert.equal(invalid.statusCode, 200);
    assert.match(invalid.body, /&quot;2026-13-40&quot; in From is not a date written YYYY-MM-DD/);
    assert.match(invalid.body, /id="search-from" type="text" name="from" value="2026-13-40"[^>]*aria-invalid="true"/);
    assert.match(invalid.body, /1 result for/);
    const reversed = await get('/en/search?q=frigate&from=2099-01-01&to=2000-01-01');
    assert.match(reversed.body, /The start date 2099-01-01 is after the end date 2000-01-01/);
    assert.match(reversed.body, /name="from" value="2000-01-01"/);
    assert.match(reversed.body, /1 result for/);
  });

  test('search snippets do not run the subtitle into the body', async () => {
    const res = await get('/en/search?q=soldiers');
    assert.match(res.body, /Troops deployed to the coast · <mark>Soldiers<\/mark> arrived at dawn./);
  });
});
