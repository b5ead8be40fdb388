import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildBoard, buildRelease, jpegBytes, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const LONG_TITLE = 'Defence Minister meets visiting Chief of Staff to discuss deterrence and joint exercises';

describe('public site over HTTP', () => {
  let t: TestWeb;
  let releaseNumber: number;
  let pdfSha: string;
  let pdf: Uint8Array;
  let embargoedNumber: number;

  before(async () => {
    t = await createTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    await buildBoard(t.system, { slug: 'photos', kind: 'photo' });
    for (let i = 1; i <= 23; i++) await buildRelease(t.system, { boardSlug: 'press-releases', title: `Routine notice ${i}` });
    pdf = await pdfBytes('briefing');
    const main = await buildRelease(t.system, {
      boardSlug: 'press-releases',
      title: LONG_TITLE,
      subtitle: ['- Discussed cooperation and extended deterrence'],
      bodyMarkdown: 'First paragraph.\n\nSecond paragraph with <script>alert(1)</script> and [a link](javascript:alert(2)).\n\n<iframe src="https://evil.example"></iframe>',
      files: [
        { fileName: '보도자료 결과.pdf', bytes: pdf },
        { fileName: 'meeting.jpg', bytes: await jpegBytes(), altText: 'Two officials shake hands', caption: 'The meeting', credit: 'Photo team' },
      ],
    });
    releaseNumber = main.release.number!;
    pdfSha = (await t.system.attachments.attachmentsOf(main.edition.id))[0]!.sha256;
    await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Unfinished draft text', state: 'draft' });
    const embargoed = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Embargoed announcement', state: 'embargoed', embargoUntil: new Date(t.clock.now().getTime() + 3_600_000) });
    embargoedNumber = embargoed.release.number!;
  });
  after(async () => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  test('health check answers with the database state', async () => {
    const res = await get('/healthz');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: 'ok' });
  });

  test('the root sends readers to their language', async () => {
    assert.equal((await get('/', { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8' })).headers.location, '/ko/');
    assert.equal((await get('/', { 'accept-language': 'en-GB,en;q=0.9,ko;q=0.5' })).headers.location, '/en/');
    assert.equal((await get('/')).headers.location, '/en/');
  });

  test('home lists the latest public items of each board and nothing unpublished', async () => {
    const res = await get('/en/');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/);
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /Board \d+/);
    assert.ok(res.body.includes(`${LONG_TITLE.slice(0, 64)}...`));
    assert.doesNotMatch(res.body, /Unfinished draft|Embargoed announcement/);
  });

  test('a board list shows No., the cut title with the full one for screen readers, date, views and file marker', async () => {
    const res = await get('/en/press-releases');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<th scope="col" class="num">No\.<\/th>/);
    assert.match(res.body, new RegExp(`<td class="num">${releaseNumber}</td>`));
    assert.match(res.body, new RegExp(`title="${LONG_TITLE}"><span aria-hidden="true">${LONG_TITLE.slice(0, 64)}\\.\\.\\.</span><span class="visually-hidden">${LONG_TITLE}</span>`));
    assert.match(res.body, /aria-label="Has attachments"/);
    assert.match(res.body, /<time datetime="2026-11-2\dT/);
    assert.match(res.body, /24 items/);
    assert.doesNotMatch(res.body, /Unfinished draft|Embargoed announcement/);
    assert.match(res.body, /<link rel="next" href="\/en\/press-releases\?page=2"\/>/);
  });

  test('pagination: page 2 links both ways, bad page numbers go to page 1, past the end is a 404', async () => {
    const p2 = await get('/en/press-releases?page=2');
    assert.equal(p2.statusCode, 200);
    assert.match(p2.body, /<link rel="prev" href="\/en\/press-releases"\/>/);
    assert.match(p2.body, /<link rel="next" href="\/en\/press-releases\?page=3"\/>/);
    assert.match(p2.body, /Routine notice 14/);
    assert.doesNotMatch(p2.body, /Routine notice 15</);
    for (const bad of ['0', '-1', 'abc', '1.5', '']) {
      const res = await get(`/en/press-releases?page=${bad}`);
      assert.equal(res.statusCode, 301, `page=${bad}`);
      assert.equal(res.headers.location, '/en/press-releases');
    }
    const last = await get('/en/press-releases?page=3');
    assert.equal(last.statusCode, 200);
    assert.doesNotMatch(last.body, /rel="next"/);
    const beyond = await get('/en/press-releases?page=4');
    assert.equal(beyond.statusCode, 404);
    assert.match(beyond.body, /Page not found/);
  });

  test('the board filter narrows the list and keeps the query in page links', async () => {
    const res = await get('/en/press-releases?q=routine+notice+2');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Routine notice 2</);
    assert.match(res.body, /Routine notice 23/);
    assert.doesNotMatch(res.body, /Routine notice 19/);
    assert.match(res.body, /value="routine notice 2"/);
    assert.match(res.body, /<meta name="robots" content="noindex"\/>/);
  });

  test('a release page has the seed layout and metadata', async () => {
    const res = await get(`/en/press-releases/${releaseNumber}`);
    assert.equal(res.statusCode, 200);
    const body = res.body;
    assert.match(body, /<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="\/en\/">News Zone<\/a><\/li><li><a href="\/en\/press-releases">/);
    assert.match(body, new RegExp(`<h1 id="release-title">${LONG_TITLE}</h1>`));
    assert.match(body, /<time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">/);
    assert.match(body, /<li>- Discussed cooperation and extended deterrence<\/li>/);
    assert.match(body, /<p>First paragraph.<\/p>/);
    assert.match(body, /<h2 id="files-title">File<\/h2>/);
    assert.match(body, new RegExp(`href="/files/${pdfSha}/${encodeURIComponent('보도자료 결과.pdf')}"`));
    assert.match(body, /\(PDF, [\d.]+ (B|KB)\)/);
    assert.match(body, /<img src="\/files\/[0-9a-f]{64}\/meeting\.jpg" alt="Two officials shake hands" width="64" height="48"/);
    assert.match(body, /<figcaption>The meeting<span class="credit"> \(Photo: Photo team\)<\/span> <a class="photo-original" href="\/files\/[0-9a-f]{64}\/meeting\.jpg">Original \(64 × 48 px, \d+ B\)<\/a><\/figcaption>/);
    assert.match(body, new RegExp(`<link rel="canonical" href="https://news.example.org/en/press-releases/${releaseNumber}"/>`));
    assert.match(body, /<meta property="og:type" content="article"\/>/);
    assert.match(body, /Routine notice 23/, 'previous release link');
    assert.doesNotMatch(body, /Embargoed announcement/, 'the next link skips the embargoed release');
  });

  test('hostile Markdown renders inert', async () => {
    const body = (await get(`/en/press-releases/${releaseNumber}`)).body;
    const article = body.slice(body.indexOf('release-body'), body.indexOf('files-title'));
    assert.doesNotMatch(article, /<script|<iframe|href="javascript:/i);
    assert.match(article, /&lt;script&gt;/);
  });

  test('pages carry an ETag and answer 304 when unchanged', async () => {
    const first = await get('/en/press-releases?page=2');
    const etag = first.headers.etag as string;
    assert.ok(etag);
    const again = await get('/en/press-releases?page=2', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
  });

  test('unknown, draft and embargoed releases are a friendly 404 that reveals nothing', async () => {
    for (const url of ['/en/press-releases/9999', `/en/press-releases/${embargoedNumber}`, '/en/press-releases/abc', '/en/no-such-board', '/xx/press-releases', `/files/${'a'.repeat(64)}/x.pdf`]) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.doesNotMatch(res.body, /Embargoed announcement/);
    }
    const ko = await get('/ko/press-releases/9999');
    assert.match(ko.body, /<html lang="ko">/);
    assert.match(ko.body, /페이지를 찾을 수 없습니다/);
  });

  test('downloads keep the Korean file name, a strong ETag and support ranges', async () => {
    const url = `/files/${pdfSha}/x.pdf`;
    const res = await get(url);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['content-length'], String(pdf.byteLength));
    assert.equal(res.headers.etag, `"${pdfSha}"`);
    assert.equal(res.headers['accept-ranges'], 'bytes');
    assert.equal(res.headers['content-disposition'], `attachment; filename="???? ??.pdf"; filename*=UTF-8''${encodeURIComponent('보도자료 결과.pdf')}`);
    assert.deepEqual(new Uint8Array(res.rawPayload), pdf);

    const part = await get(url, { range: 'bytes=10-19' });
    assert.equal(part.statusCode, 206);
    assert.equal(part.headers['content-range'], `bytes 10-19/${pdf.byteLength}`);
    assert.deepEqual(new Uint8Array(part.rawPayload), pdf.slice(10, 20));
    const tail = await get(url, { range: 'bytes=-5' });
    assert.deepEqual(new Uint8Array(tail.rawPayload), pdf.slice(-5));
    const bad = await get(url, { range: `bytes=${pdf.byteLength + 10}-` });
    assert.equal(bad.statusCode, 416);
    assert.equal(bad.headers['content-range'], `bytes */${pdf.byteLength}`);
    const stale = await get(url, { range: 'bytes=0-3', 'if-range': '"other"' });
    assert.equal(stale.statusCode, 200, 'If-Range with another ETag gets the whole file');
    assert.equal((await get(url, { 'if-none-match': `"${pdfSha}"` })).statusCode, 304);
    const head = await t.app.inject({ method: 'HEAD', url });
    assert.equal(head.statusCode, 200);
    assert.equal(head.headers['content-length'], String(pdf.byteLength));
  });

  test('views are counted in memory, even for cached pages, and written in a batch', async () => {
    const board = await t.system.boards.bySlug('press-releases');
    await t.system.views.flush();
    const before = (await t.system.catalog.release(board!.id, 'en', releaseNumber, t.clock.now()))!.release.viewCount;
    for (let i = 0; i < 3; i++) await get(`/en/press-releases/${releaseNumber}`);
    assert.equal((await t.system.catalog.release(board!.id, 'en', releaseNumber, t.clock.now()))!.release.viewCount, before, 'no write per view');
    await t.system.views.flush();
    assert.equal((await t.system.catalog.release(board!.id, 'en', releaseNumber, t.clock.now()))!.release.viewCount, before + 3);
  });

  test('a new publication shows at once on cached lists', async () => {
    const before = await get('/en/press-releases');
    assert.doesNotMatch(before.body, /Fresh news item/);
    await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Fresh news item' });
    const after = await get('/en/press-releases');
    assert.match(after.body, /Fresh news item/);
  });

  test('an embargoed release becomes public by itself at its time', async () => {
    const url = `/en/press-releases/${embargoedNumber}`;
    assert.equal((await get(url)).statusCode, 404);
    const list = await get('/en/press-releases');
    assert.doesNotMatch(list.body, /Embargoed announcement/);
    t.clock.advance(3_600_000);
    const res = await get(url);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Embargoed announcement/);
    assert.match((await get('/en/press-releases')).body, /Embargoed announcement/);
  });

  test('a published correction shows "Updated <date>: <note>" and the full history', async () => {
    const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Figures release' });
    const draft = await t.system.commands.startCorrection(release.id, TEST_ACTOR);
    await t.system.commands.saveDraft(release.id, { title: 'Figures release', bodyMarkdown: 'Corrected figures.', lockVersion: draft.lockVersion }, TEST_ACTOR);
    await t.system.commands.submitRelease(release.id, TEST_ACTOR);
    await t.system.commands.approveRelease(release.id, TEST_ACTOR);
    t.clock.advance(3_600_000);
    await t.system.commands.publishRelease(release.id, TEST_ACTOR, { changeNote: 'Corrected the budget figure in paragraph 2.' });
    const page = await get(`/en/press-releases/${release.number}`);
    assert.match(page.body, /<p class="updated">Updated <time datetime="[^"]+">[^<]+<\/time>: Corrected the budget figure in paragraph 2\.<\/p>/);
    assert.match(page.body, /<summary>Change history<\/summary>/);
    assert.match(page.body, /First published/);
    assert.match(page.body, /<p>Corrected figures\.<\/p>/);
  });

  test('the print view has the release without site navigation', async () => {
    const res = await get(`/en/press-releases/${releaseNumber}/print`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 id="release-title">/);
    assert.doesNotMatch(res.body, /class="board-nav"/);
    assert.match(res.body, /Printed from: https:\/\/news.example.org\/en\/press-releases\//);
  });

  test('security headers are set and the stylesheet is cached for good', async () => {
    const res = await get('/en/');
    assert.match(res.headers['content-security-policy'] as string, /default-src 'self'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    const css = res.body.match(/href="(\/assets\/site-[0-9a-f]+\.css)"/)![1]!;
    const sheet = await get(css);
    assert.equal(sheet.statusCode, 200);
    assert.match(sheet.headers['cache-control'] as string, /immutable/);
    assert.match(sheet.body, /word-break: keep-all/);
  });
});
