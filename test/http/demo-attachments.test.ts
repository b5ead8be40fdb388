import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { databaseKinds } from '../support/databases.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const TITLE = '한도윤 국방부 장관, 노를란드 육군참모총장 접견…국방교류 확대 논의';

// The demo newsroom shows the attachment features (#19): text views of a PDF and an HWPX, a search
// hit found only inside an attachment, and a media kit.
for (const { kind, skip } of databaseKinds()) {
  describe(`the demo's attachments on ${kind}`, { skip, timeout: 400_000 }, () => {
    let t: TestWeb;
    let path: string;

    before(async () => {
      t = await createTestWeb(kind, { demo: true });
      assert.equal(await t.system.commands.seedDemo(), true);
      await t.system.texts.extraction.runAll();
      await t.system.search.idle();
      await t.settled();
      const row = (await t.system.admin.list({ limit: 200, offset: 0 })).rows.find((r) => r.title === TITLE)!;
      path = `/ko/press-releases/${(await t.system.releases.getRelease(row.releaseId))!.number}`;
    });
    after(async () => t?.close());

    const get = (url: string) => t.app.inject({ method: 'GET', url });

    test('a demo release offers "Read online" for its PDF and its HWPX', async () => {
      const page = await get(path);
      assert.equal(page.statusCode, 200);
      const links = [...page.body.matchAll(/<a class="read-online" href="([^"]+)" aria-label="([^"]+) 바로 보기">/g)].map((m) => [m[1]!, m[2]!]);
      assert.deepEqual(
        links.map(([, name]) => name),
        ['보도자료_국방부장관_노를란드_육군참모총장_접견.pdf', '붙임1_세부내용.hwpx'],
      );
      const hwpx = await get(links[1]![0]!);
      assert.equal(hwpx.statusCode, 200);
      assert.match(hwpx.body, /<h2>붙임1 노를란드 육군 교류 세부 계획<\/h2>/);
      assert.match(hwpx.body, /lang="ko"/);
      const pdf = await get(links[0]![0]!);
      assert.match(pdf.body, /Minister Han Do-yun received General Elise Marrow/);
    });

    test('search finds a word that occurs only inside the HWPX, and says so', async () => {
      const res = (await get(`/api/v1/search?q=${encodeURIComponent('산악정찰교범')}`)).json() as { total: number; data: { title: string; snippet: { text: string } }[] };
      assert.equal(res.total, 1);
      assert.equal(res.data[0]!.title, TITLE);
      assert.match(res.data[0]!.snippet.text, /^in 붙임1_세부내용\.hwpx: /);
      const page = await get(`/ko/search?q=${encodeURIComponent('산악정찰교범')}`);
      assert.match(page.body, /붙임1_세부내용\.hwpx 내용: /);
    });

    test("the release's media kit downloads", async () => {
      const zip = await get(`${path}/photos.zip`);
      assert.equal(zip.statusCode, 200);
      const names = Object.keys(unzipSync(new Uint8Array(zip.rawPayload)));
      assert.equal(names[0], '사진설명.txt');
      assert.equal(names.length, 2);
    });
  });
}
