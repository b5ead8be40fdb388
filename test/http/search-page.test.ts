import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

describe('search page over HTTP', () => {
  let t: TestWeb;

  before(async () => {
    t = await createTestWeb();
    await buildBoard(t.system, { slug: 'search' });
    await buildBoard(t.system, { slug: 'briefings' });
    await buildRelease(t.system, { boardSlug: 'briefings', title: 'Minister meets <b>delegates</b>', bodyMarkdown: 'A meeting about <script>alert(1)</script> & "quotes".' });
    await buildRelease(t.system, { boardSlug: 'briefings', language: 'ko', title: '국방부 장관, 합참의장을 접견', bodyMarkdown: '국방부 장관은 합참의장을 만났다.' });
    await buildRelease(t.system, { boardSlug: 'briefings', state: 'draft', title: 'Meeting draft' });
    await t.system.search.idle();
  });
  after(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  test('every page has a search box in its header, labelled, pointing at the search page', async () => {
    for (const url of ['/en/', '/ko/briefings']) {
      const res = await get(url);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<form class="site-search" method="get" action="\/(en|ko)\/search" role="search">/);
      assert.match(res.body, /<label class="visually-hidden" for="site-search-q">/);
    }
  });

  test('without a query the page shows the form and a prompt', async () => {
    const res = await get('/en/search');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Search<\/h1>/);
    assert.match(res.body, /<label for="search-q">Search releases<\/label>/);
    assert.doesNotMatch(res.body, /search-results/);
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  test('/{lang}/search is the search page even with a board named "search"', async () => {
    const res = await get('/ko/search?q=%ED%95%A9%EC%B0%B8%EC%9D%98%EC%9E%A5');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>검색<\/h1>/);
    assert.match(res.body, /<a href="\/ko\/briefings\/1">국방부 장관, 합참의장을 접견<\/a>/);
    assert.match(res.body, /<mark>합참의장<\/mark>을/);
  });

  test('results link to releases with marked, escaped snippets; drafts never show', async () => {
    const res = await get('/en/search?q=meeting&sort=relevance');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /1 result for &quot;meeting&quot;/);
    assert.match(res.body, /<a href="\/en\/briefings\/1">Minister meets &lt;b>delegates&lt;\/b><\/a>/);
    assert.match(res.body, /A <mark>meeting<\/mark> about &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;quotes&quot;\./);
    assert.doesNotMatch(res.body, /<script>alert/);
    assert.doesNotMatch(res.body, /Meeting draft/);
    assert.match(res.body, /<option value="relevance" selected>/);
  });

  test('the query is escaped wherever the page repeats it', async () => {
    const q = '"><script>alert(1)</script>';
    const res = await get(`/en/search?q=${encodeURIComponent(q)}`);
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /<script>alert\(1\)<\/script>/);
    assert.match(res.body, /value="&quot;>&lt;script>alert\(1\)&lt;\/script>"/);
    assert.match(res.body, /<title>&quot;>&lt;script>alert\(1\)&lt;\/script> - Search \| Test Newsroom<\/title>/);
    // The body's own "<script>" text is matched, and comes back escaped around the marks.
    assert.match(res.body, /&lt;<mark>script<\/mark>&gt;<mark>alert<\/mark>\(<mark>1<\/mark>\)&lt;\/<mark>script<\/mark>&gt;/);
  });

  test('malformed parameters fall back to defaults; an unknown board is a 404', async () => {
    const res = await get('/en/search?q=meets&page=abc&sort=weird&from=yesterday');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Minister meets/);
    assert.equal((await get('/en/search?q=meets&board=nope')).statusCode, 404);
    assert.equal((await get('/en/search?q=meets&board=briefings')).statusCode, 200);
    assert.equal((await get('/xx/search?q=meets')).statusCode, 404);
  });
});
