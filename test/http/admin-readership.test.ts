import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { parseCsv } from '../support/csv.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import type { TestWeb } from '../support/web.js';

describe('readership pages over HTTP', () => {
  let t: TestWeb;
  let viewer: StaffBrowser;
  let korean: { id: number; number: number };
  let english: { id: number; number: number };

  /** Readers open a public page `n` times at the clock's time (each GET counts once). */
  async function read(url: string, n: number) {
    for (let i = 0; i < n; i++) assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 200);
  }

  before(async () => {
    t = await createAdminTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    const ko = (await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '국방부 장관 담화문' })).release;
    const en = (await buildRelease(t.system, { boardSlug: 'press-releases', language: 'en', title: 'Minister’s statement' })).release;
    korean = { id: ko.id, number: ko.number! };
    english = { id: en.id, number: en.number! };
    // 20 November (Seoul, the day of publication): both read; then 22 November, the test's today.
    await read(`/ko/press-releases/${korean.number}`, 2);
    await read(`/en/press-releases/${english.number}`, 5);
    t.clock.set(new Date('2026-11-22T01:00:00Z'));
    await read(`/ko/press-releases/${korean.number}`, 4);
    await t.system.views.flush();
    viewer = new StaffBrowser(t, staffUser('viewer', 'Viewer Ahn'));
  });
  after(async () => t?.close());

  test('top releases of the week and the month, for every staff member, each linking to its chart', async () => {
    const res = await viewer.get('/admin/readership');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<a href="\/admin\/readership" aria-current="page">Readership<\/a>/);
    assert.match(res.body, /This week: the last 7 days \(2026-11-16 – 2026-11-22\)/);
    const week = /<section aria-labelledby="top-week">([\s\S]*?)<\/section>/.exec(res.body)?.[1] ?? '';
    const rows = [...week.matchAll(/<tr><td class="num">(\d+)<\/td><td><a href="\/admin\/releases\/(\d+)" lang="(ko|en)">([^<]+)<\/a><\/td><td class="num">(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2]), m[4], m[5]]);
    assert.deepEqual(rows, [
      ['1', korean.id, '국방부 장관 담화문', '6'],
      ['2', english.id, 'Minister’s statement', '5'],
    ]);
    assert.match(week, new RegExp(`href="/admin/readership/releases/${korean.id}"`));
  });

  test('a release’s views per day: an SVG chart named for screen readers, and the numbers as a table', async () => {
    const res = await viewer.get(`/admin/readership/releases/${korean.id}?from=2026-11-19&to=2026-11-22`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<svg [^>]*role="img" aria-labelledby="views-chart-title views-chart-desc"/);
    assert.match(res.body, /<title id="views-chart-title">Views per day of “국방부 장관 담화문”, 2026-11-19 – 2026-11-22<\/title>/);
    assert.match(res.body, /<desc id="views-chart-desc">4 days, 6 views in all; the most on one day: 4\.<\/desc>/);
    assert.equal([...res.body.matchAll(/<rect /g)].length, 2, 'a bar for each day with views');
    const table = [...res.body.matchAll(/<th scope="row"><time datetime="([\d-]+)">[\d-]+<\/time><\/th><td class="num">(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2])]);
    assert.deepEqual(table, [['2026-11-19', 0], ['2026-11-20', 2], ['2026-11-21', 0], ['2026-11-22', 4]]);
    assert.match(res.body, /<input type="date" id="period-from" name="from" value="2026-11-19"/);
    assert.match(res.body, new RegExp(`href="/admin/readership\\.csv\\?release=${korean.id}&amp;from=2026-11-19&amp;to=2026-11-22" download`));
  });

  test('the release’s admin page links to its chart; an unknown release has none', async () => {
    const page = await viewer.get(`/admin/releases/${korean.id}`);
    assert.match(page.body, new RegExp(`<a href="/admin/readership/releases/${korean.id}">Views per day</a>`));
    assert.equal((await viewer.get('/admin/readership/releases/999999')).statusCode, 404);
  });

  test('the CSV export: one row per release and day in the period, Korean intact, BOM, attachment', async () => {
    const res = await viewer.get('/admin/readership.csv?from=2026-11-20&to=2026-11-21');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.equal(res.headers['content-disposition'], 'attachment; filename="readership-2026-11-20-2026-11-21.csv"');
    assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parseCsv(res.rawPayload.subarray(3).toString('utf8')).filter((r) => r.length > 1);
    assert.deepEqual(rows, [
      ['Day', 'Release id', 'Board', 'Language', 'Number', 'Title', 'Views'],
      ['2026-11-20', String(korean.id), 'press-releases', 'ko', String(korean.number), '국방부 장관 담화문', '2'],
      ['2026-11-20', String(english.id), 'press-releases', 'en', String(english.number), 'Minister’s statement', '5'],
    ]);
    const one = await viewer.get(`/admin/readership.csv?release=${korean.id}&from=2026-11-01&to=2026-11-30`);
    const mine = parseCsv(one.rawPayload.subarray(3).toString('utf8')).filter((r) => r.length > 1).slice(1);
    assert.deepEqual(mine.map((r) => [r[0], r[6]]), [['2026-11-20', '2'], ['2026-11-22', '4']]);
  });

  test('views are counts only: reading a public page sets no cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/ko/press-releases/${korean.number}` });
    assert.equal(res.headers['set-cookie'], undefined);
  });
});
