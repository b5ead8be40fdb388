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
      // Named (two search forms on a page must differ: axe landmark-unique), with a visible label (#17).
      assert.match(res.body, /<form class="site-search" method="get" action="\/(en|ko)\/search" role="search" aria-label="[^"]+">/);
      assert.match(res.body, /<label for="site-search-q">[^<]+<\/label>/);
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

describe('search page and API when counting stops (count limit 3 here, 1,000 in production)', () => {
  let t: TestWeb;

  before(async () => {
    t = await createTestWeb('sqlite', { search: { countLimit: 3 } });
    await buildBoard(t.system, { slug: 'briefings' });
    for (let i = 1; i <= 13; i++) {
      t.clock.advance(60_000);
      await buildRelease(t.system, { boardSlug: 'briefings', title: `Harbour notice ${i}`, bodyMarkdown: 'The harbour is open.' });
    }
    await t.system.search.idle();
  });
  after(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  test('the page says "more than", offers Next but no Last page, and the later pages still list', async () => {
    const first = await get('/en/search?q=harbour&page=1');
    // Ten a page: counting goes one past the page (11), so the page says more than 10.
    assert.match(first.body, /More than 10 results for &quot;harbour&quot; · Page 1</);
    assert.match(first.body, /rel="next"/);
    assert.doesNotMatch(first.body, />Last</);
    assert.doesNotMatch(first.body, / of \d/, 'no page count is claimed');
    assert.match((await get('/en/search?q=harbour&page=2')).body, /Harbour notice 3<\/a>.*Harbour notice 1<\/a>/s, 'the second page lists the rest');
    // Pages of 2 through the API: counting stops one past max(limit 3, the page's end).
    const api = (page: number) => get(`/api/v1/search?q=harbour&limit=2&page=${page}`).then((r) => r.json() as { data: { title: string }[]; total: number; total_exact: boolean; page_count: number; next_page: number | null });
    const p1 = await api(1);
    assert.deepEqual([p1.total, p1.total_exact, p1.next_page], [3, false, 2]);
    assert.deepEqual(p1.data.map((d) => d.title), ['Harbour notice 13', 'Harbour notice 12']);
    const p3 = await api(3);
    assert.deepEqual([p3.total, p3.total_exact, p3.next_page], [6, false, 4]);
    const p7 = await api(7);
    assert.deepEqual([p7.total, p7.total_exact, p7.page_count, p7.next_page], [13, true, 7, null]);
    assert.deepEqual(p7.data.map((d) => d.title), ['Harbour notice 1']);
  });

  test('a search with fewer matches than the limit keeps its exact count and page count', async () => {
    const res = await get('/en/search?q=%22notice%2013%22');
    assert.match(res.body, /1 result for &quot;&quot;notice 13&quot;&quot; · Page 1 of 1/);
  });
});
