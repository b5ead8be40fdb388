import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import contentDisposition from 'content-disposition';
import { composeStaticExport } from '../../src/main/static-renderer.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const KOREAN = '붙임1_세부내용.pdf';
const ENGLISH = 'annex.pdf';
const SITE = { siteName: 'Test Newsroom', baseUrl: 'https://news.example.org', timeZone: 'Asia/Seoul', demo: false };

/** The download links a page's attachment list offers, as [href, download name]. */
function downloadLinks(html: string): [string, string][] {
  return [...html.matchAll(/<a href="(\/files\/[^"]+)" download="([^"]+)"/g)].map((m) => [m[1]!.replace(/&amp;/g, '&'), m[2]!]);
}

/** The name a browser saves a download under (RFC 6266: filename* wins over filename). */
function savedName(header: string | string[] | number | undefined): string {
  return contentDisposition.parse(String(header)).parameters['filename']!;
}

// Issue #16 bug 2: identical bytes are stored once (one SHA-256), but the name belongs to each
// attachment: the Korean-named file used to download under the other attachment's name.
for (const { kind, skip } of databaseKinds()) {
  describe(`attachments with identical bytes keep their own names on ${kind}`, { skip }, () => {
    let t: TestWeb;
    const dirs: string[] = [];
    const get = (url: string) => t.app.inject({ method: 'GET', url });

    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
    });
    after(async () => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      await t?.close();
    });

    /** Follows every attachment link of a page and returns [link text name, saved name]. */
    async function downloadsOf(page: string): Promise<[string, string][]> {
      const html = (await get(page)).body;
      const links = downloadLinks(html);
      assert.ok(links.length > 0, `${page} lists its attachments`);
      const out: [string, string][] = [];
      for (const [href, name] of links) {
        const res = await get(href);
        assert.equal(res.statusCode, 200, href);
        assert.equal(res.headers['content-type'], 'application/pdf');
        // RFC 6266: a Korean name travels as UTF-8 in filename*, with an ASCII filename for old clients.
        if (/[^\x20-\x7e]/.test(name)) assert.match(String(res.headers['content-disposition']), /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''%EB/);
        out.push([name, savedName(res.headers['content-disposition'])]);
      }
      return out;
    }

    test('on two releases: each release page, API link and static file carries its own name', async () => {
      const bytes = await pdfBytes('shared detailed plan');
      const ko = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '세부 계획', files: [{ fileName: KOREAN, bytes }] });
      const en = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'en', title: 'Detailed plan', files: [{ fileName: ENGLISH, bytes }] });
      const [koFile] = await t.system.attachments.attachmentsOf(ko.edition.id);
      const [enFile] = await t.system.attachments.attachmentsOf(en.edition.id);
      assert.equal(koFile!.sha256, enFile!.sha256, 'the bytes are stored once');

      // Both orders of publication: whichever release came first, each page downloads its own name.
      assert.deepEqual(await downloadsOf(`/ko/press-releases/${ko.release.number}`), [[KOREAN, KOREAN]]);
      assert.deepEqual(await downloadsOf(`/en/press-releases/${en.release.number}`), [[ENGLISH, ENGLISH]]);

      for (const [lang, number, name] of [['ko', ko.release.number, KOREAN], ['en', en.release.number, ENGLISH]] as const) {
        const api = (await get(`/api/v1/boards/press-releases/releases/${lang}/${number}`)).json() as { data: { attachments: { file_name: string; url: string }[] } };
        const [attachment] = api.data.attachments;
        assert.equal(attachment!.file_name, name);
        const download = await get(new URL(attachment!.url).pathname);
        assert.equal(savedName(download.headers['content-disposition']), name, `the API's link for ${name}`);
      }

      // The static export writes one file per name (a static server names a download by its path).
      const dir = mkdtempSync(join(tmpdir(), 'pressroom-shared-names-'));
      dirs.push(dir);
      await (await composeStaticExport(t.system, { ...SITE, dir })).run();
      assert.deepEqual(readdirSync(join(dir, 'files', koFile!.sha256)).sort(), [ENGLISH, KOREAN].sort());
    });

    test('on one release: both links download, each under its own name, also through a preview link', async () => {
      const bytes = await pdfBytes('one annex attached twice');
      const both = await buildRelease(t.system, {
        boardSlug: 'press-releases',
        language: 'ko',
        title: '같은 붙임 두 번',
        files: [
          { fileName: ENGLISH, bytes },
          { fileName: KOREAN, bytes },
        ],
      });
      assert.deepEqual(await downloadsOf(`/ko/press-releases/${both.release.number}`), [
        [ENGLISH, ENGLISH],
        [KOREAN, KOREAN],
      ]);

      const draft = await buildRelease(t.system, { boardSlug: 'press-releases', language: 'ko', title: '보도 전 공유', state: 'approved', files: [{ fileName: ENGLISH, bytes }, { fileName: KOREAN, bytes }] });
      const { token } = await t.system.previewLinks.create(draft.release.id, 'Evening Post', TEST_ACTOR);
      const page = (await get(`/preview/${token}`)).body;
      const links = [...page.matchAll(/<a href="(\/preview\/[^"]+\/files\/[^"]+)" download="([^"]+)"/g)].map((m) => [m[1]!, m[2]!] as const);
      assert.equal(links.length, 2);
      for (const [href, name] of links) assert.equal(savedName((await get(href)).headers['content-disposition']), name, href);
    });

    test('a name no public attachment carries still gets the bytes, under a public attachment’s name', async () => {
      const bytes = await pdfBytes('renamed later');
      const only = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Renamed', files: [{ fileName: 'final.pdf', bytes }] });
      const [file] = await t.system.attachments.attachmentsOf(only.edition.id);
      const res = await get(`/files/${file!.sha256}/${encodeURIComponent('draft-v1.pdf')}`);
      assert.equal(res.statusCode, 200);
      assert.equal(savedName(res.headers['content-disposition']), 'final.pdf');
    });
  });
}
