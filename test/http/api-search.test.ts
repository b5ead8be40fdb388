import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

interface Hit {
  id: number;
  board: string;
  language: string;
  number: number;
  title: string;
  department: string;
  tags: string[];
  first_published_at: string;
  snippet: { text: string; matches: { start: number; end: number }[] };
  snippet_html: string;
  url: string;
  api_url: string;
}
interface Results {
  data: Hit[];
  total: number;
  page: number;
  page_count: number;
  next_page: number | null;
}
interface ErrorBody {
  errors: { code: string; message: string; field: string | null }[];
}

/** The matched words of a hit, cut out of its plain-text snippet by the code-point offsets. */
const marked = (hit: Hit) => hit.snippet.matches.map((m) => Array.from(hit.snippet.text).slice(m.start, m.end).join(''));

for (const { kind, skip } of databaseKinds()) {
  describe(`GET /api/v1/search on ${kind}`, { skip }, () => {
    let t: TestWeb;
    let embargoedId: number;

    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      await buildBoard(t.system, { slug: 'photos', kind: 'photo' });
      // Published 2026-11-20 01:00 in Seoul, which is still 2026-11-19 in UTC.
      await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '국방부 장관, 합참의장을 접견', bodyMarkdown: '😀 국방부 장관은 오늘 합참의장을 만나 **국방 협력**을 논의했다.', department: '국방부 대변인실', tags: ['국방'], publishedAt: new Date('2026-11-19T16:00:00Z') });
      // 2026-11-19 23:00 in Seoul.
      await buildRelease(t.system, { boardSlug: 'photos', language: 'ko', title: '합동참모본부 훈련 사진', bodyMarkdown: '합참의장이 훈련을 참관했다.', department: '합동참모본부', tags: ['훈련'], publishedAt: new Date('2026-11-19T14:00:00Z') });
      await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Minister meets <b>NATO</b> delegation', bodyMarkdown: 'A meeting about <script>alert(1)</script> & security. The minister meets again next week.', department: 'Press office', tags: ['defence'], publishedAt: new Date('2026-11-18T02:00:00Z') });
      await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Budget meeting notes', bodyMarkdown: 'Officials met to discuss the budget.', department: 'Finance office', publishedAt: new Date('2026-11-17T02:00:00Z') });
      // Never to be found while so: a draft, one in review, a scheduled one, a withdrawn one, one under embargo.
      await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', state: 'draft', title: '합참의장 초안', bodyMarkdown: '비공개 meeting' });
      await buildRelease(t.system, { boardSlug: 'press-releases', state: 'in_review', title: 'Meeting under review' });
      await buildRelease(t.system, { boardSlug: 'press-releases', state: 'scheduled', title: 'Meeting scheduled' });
      await buildRelease(t.system, { boardSlug: 'press-releases', state: 'withdrawn', title: 'Meeting withdrawn' });
      const e = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', state: 'embargoed', title: '합참의장 엠바고 발표', bodyMarkdown: 'Embargoed meeting', embargoUntil: new Date(t.clock.now().getTime() + 3_600_000) });
      embargoedId = e.release.id;
      await t.system.search.idle();
    });
    after(async () => t?.close());

    const search = async (query: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/search?${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Results;
    };

    test('a Korean query finds the word with its particle, with plain-text offsets and <mark> HTML', async () => {
      const res = await search(`q=${encodeURIComponent('합참의장')}&sort=date`);
      assert.deepEqual(
        res.data.map((h) => h.title),
        ['국방부 장관, 합참의장을 접견', '합동참모본부 훈련 사진'],
      );
      const [hit] = res.data;
      assert.equal(hit!.language, 'ko');
      assert.equal(hit!.department, '국방부 대변인실');
      assert.deepEqual(hit!.tags, ['국방']);
      assert.equal(hit!.url, `https://news.example.org/ko/press-releases/${hit!.number}`);
      assert.ok(hit!.snippet.text.startsWith('😀 국방부'), 'plain text, markdown removed');
      assert.deepEqual(marked(hit!), ['합참의장'], 'offsets count code points (the emoji is one)');
      assert.match(hit!.snippet_html, /<mark>합참의장<\/mark>을/);
      assert.ok(!hit!.snippet.text.includes('**'));
    });

    test('English by stem, escaped HTML snippets, both languages unless one is asked for', async () => {
      const res = await search('q=meets&sort=date');
      assert.deepEqual(
        res.data.map((h) => h.title),
        ['Minister meets <b>NATO</b> delegation', 'Budget meeting notes'],
      );
      const [hit] = res.data;
      assert.deepEqual(marked(hit!), ['meeting', 'meets']);
      assert.ok(hit!.snippet.text.includes('<script>alert(1)</script>'), 'plain text is the text as written');
      assert.match(hit!.snippet_html, /A <mark>meeting<\/mark> about &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; security/);
      assert.doesNotMatch(hit!.snippet_html, /<(?!\/?mark>)/, 'no markup but <mark>');
      assert.equal((await search('q=meets&language=ko')).total, 0);
      assert.equal((await search('q=meets&language=en')).total, 2);
    });

    test('filters: board, department, tag, and dates as days of the site time zone (Asia/Seoul)', async () => {
      const q = `q=${encodeURIComponent('합참의장')}`;
      assert.deepEqual((await search(`${q}&board=photos`)).data.map((h) => h.board), ['photos']);
      assert.deepEqual((await search(`${q}&department=${encodeURIComponent('합동참모본부')}`)).data.map((h) => h.title), ['합동참모본부 훈련 사진']);
      assert.deepEqual((await search(`${q}&tag=${encodeURIComponent('국방')}`)).data.map((h) => h.title), ['국방부 장관, 합참의장을 접견']);
      assert.equal((await search(`${q}&tag=${encodeURIComponent('국')}`)).total, 0, 'tags match exactly');
      // 16:00 UTC on the 19th is the 20th in Seoul; 14:00 UTC is still the 19th.
      assert.deepEqual((await search(`${q}&from=2026-11-20`)).data.map((h) => h.title), ['국방부 장관, 합참의장을 접견']);
      assert.deepEqual((await search(`${q}&to=2026-11-19`)).data.map((h) => h.title), ['합동참모본부 훈련 사진']);
      assert.equal((await search(`${q}&from=2026-11-19&to=2026-11-20`)).total, 2);
      assert.equal((await search(`${q}&from=2026-11-21`)).total, 0);
    });

    test('sort by date or relevance, and pages with totals', async () => {
      const byDate = await search('q=meeting&sort=date');
      assert.deepEqual(byDate.data.map((h) => h.title), ['Minister meets <b>NATO</b> delegation', 'Budget meeting notes']);
      const relevance = await search('q=budget&sort=relevance');
      assert.equal(relevance.data[0]!.title, 'Budget meeting notes');
      const page1 = await search('q=meeting&limit=1');
      assert.equal(page1.total, 2);
      assert.equal(page1.page_count, 2);
      assert.equal(page1.next_page, 2);
      const page2 = await search('q=meeting&limit=1&page=2');
      assert.equal(page2.next_page, null);
      assert.notEqual(page1.data[0]!.id, page2.data[0]!.id);
      assert.deepEqual((await search('q=meeting&limit=1&page=3')).data, []);
    });

    test('drafts, reviews, scheduled, withdrawn and embargoed releases never appear, until an embargo lifts', async () => {
      const res = await search('q=meeting&limit=50');
      assert.deepEqual(res.data.map((h) => h.title).sort(), ['Budget meeting notes', 'Minister meets <b>NATO</b> delegation']);
      assert.equal((await search(`q=${encodeURIComponent('초안')}`)).total, 0);
      assert.equal((await search(`q=${encodeURIComponent('엠바고')}`)).total, 0);
      t.clock.advance(3_600_000 + 1000);
      assert.deepEqual((await search(`q=${encodeURIComponent('엠바고')}`)).data.map((h) => h.id), [embargoedId]);
      t.clock.advance(-(3_600_000 + 1000));
      // Visibility is decided by the clock when the search runs. (A clock turned back does not move the
      // content version, so the same query's cached answer stands; a new query shows the rule, #17.)
      assert.equal((await search(`q=${encodeURIComponent('엠바고')}&limit=11`)).total, 0);
    });

    test('bad input is a 400 naming every field; an unknown board a 404; reads are CORS-open with an ETag', async () => {
      const bad = await t.app.inject({ method: 'GET', url: '/api/v1/search?from=2026-02-31&sort=best&limit=500' });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual((bad.json() as ErrorBody).errors.map((e) => e.field).sort(), ['from', 'limit', 'q', 'sort']);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/search?q=meets&board=nope' })).statusCode, 404);
      const ok = await t.app.inject({ method: 'GET', url: '/api/v1/search?q=meets' });
      assert.equal(ok.headers['access-control-allow-origin'], '*');
      assert.ok(ok.headers.etag);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/search?q=meets', headers: { 'if-none-match': ok.headers.etag as string } })).statusCode, 304);
      const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, { get: { parameters: { name: string }[] } }> };
      assert.deepEqual(doc.paths['/api/v1/search']!.get.parameters.map((p) => p.name).sort(), ['board', 'department', 'from', 'language', 'limit', 'page', 'q', 'sort', 'tag', 'to']);
    });
  });
}
