import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, jpegBytes, pdfBytes } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const LONG_TITLE = 'The ministry announces a long-awaited plan for coastal flood defences across the southern provinces';

// The staff full-page preview (#16): the public page's own view for a draft, staff-only files and thumbnails.
for (const { kind, skip } of databaseKinds()) {
  describe(`the full-page preview of a draft on ${kind}`, { skip }, () => {
    let t: TestWeb;
    let writer: StaffBrowser;
    let releaseId: number;
    let photoSha: string;
    let pdfSha: string;

    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      writer = new StaffBrowser(t, staffUser('writer'));
      const { release, edition } = await buildRelease(t.system, {
        boardSlug: 'press-releases',
        state: 'draft',
        title: LONG_TITLE,
        subtitle: ['Sea walls for twelve towns'],
        bodyMarkdown: 'The plan **doubles** the budget.',
        files: [
          { fileName: 'sea-wall.jpg', bytes: await jpegBytes(1200, 800), caption: 'The new sea wall at Dusk Bay', credit: 'Ministry photo unit', altText: 'A concrete sea wall with waves' },
          { fileName: 'plan.pdf', bytes: await pdfBytes('Flood plan') },
        ],
      });
      releaseId = release.id;
      const attachments = await t.system.attachments.attachmentsOf(edition.id);
      photoSha = attachments.find((a) => a.fileName === 'sea-wall.jpg')!.sha256;
      pdfSha = attachments.find((a) => a.fileName === 'plan.pdf')!.sha256;
    });
    after(async () => t?.close());

    test('a writer sees the public layout with banner, subtitle, photo with caption and credit, attachment and the cut list title', async () => {
      const res = await writer.get(`/admin/releases/${releaseId}/preview`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['cache-control'], 'private, no-store');
      assert.match(String(res.headers['x-robots-tag']), /noindex/);
      const html = res.body;
      assert.match(html, /<meta name="robots" content="noindex/);
      assert.match(html, /Preview - not published/);
      assert.match(html, /class="standfirst"[\s\S]*- Sea walls for twelve towns/);
      assert.match(html, /<strong>doubles<\/strong>/);
      assert.match(html, /The new sea wall at Dusk Bay/);
      assert.match(html, /Ministry photo unit/);
      assert.match(html, new RegExp(`src="/admin/releases/${releaseId}/files/[0-9a-f]{64}/sea-wall[^"]*"`));
      assert.match(html, new RegExp(`href="/admin/releases/${releaseId}/files/${pdfSha}/plan.pdf"`));
      // The list row: the title cut at 64 characters with "...", as the board list will show it.
      const row = /<table class="board-list preview-list-row">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
      assert.match(row, /How it will appear in the list of Board \d+/);
      assert.ok(row.includes(`${[...LONG_TITLE].slice(0, 64).join('')}...`), row);
      assert.match(html, /Not yet published/);
      assert.doesNotMatch(html, /1 January 1970|No\. 0/);
      // No public-only parts: no view counter, share links or neighbours, no canonical URL.
      assert.doesNotMatch(html, /rel="canonical"/);
    });

    test('the Korean release page is previewed in Korean', async () => {
      const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', state: 'in_review', language: 'ko', title: '해안 방재 계획 발표' });
      const res = await writer.get(`/admin/releases/${release.id}/preview`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /미리보기 - 게시되지 않음/);
    });

    test("the admin page links to it in a new tab and shows thumbnails of image attachments from the staff-only route", async () => {
      const page = await writer.get(`/admin/releases/${releaseId}`);
      assert.match(page.body, new RegExp(`<a href="/admin/releases/${releaseId}/preview" target="_blank" rel="noopener">`));
      const thumb = /<img class="thumbnail" src="([^"]+)" alt(?:="")? width="96" height="64"/.exec(page.body);
      assert.ok(thumb, 'a thumbnail, decorative beside the file name');
      const derivatives = await t.system.attachments.imageDerivativesOf([photoSha]);
      if (derivatives.length > 0) assert.ok(thumb[1]!.includes(derivatives[0]!.sha256), 'the narrowest WebP copy');
      const image = await writer.get(thumb[1]!);
      assert.equal(image.statusCode, 200);
      assert.match(String(image.headers['content-type']), /^image\//);
      assert.equal(image.headers['cache-control'], 'private, no-cache');
      assert.equal((await writer.get(`/admin/releases/${releaseId}/files/${pdfSha}/plan.pdf`)).statusCode, 200);
    });

    test('logged out, the preview and its files are refused, and the draft is not reachable publicly', async () => {
      const preview = await t.app.inject({ method: 'GET', url: `/admin/releases/${releaseId}/preview` });
      assert.equal(preview.statusCode, 303);
      assert.doesNotMatch(preview.body, /sea wall|coastal/i);
      const file = await t.app.inject({ method: 'GET', url: `/admin/releases/${releaseId}/files/${pdfSha}/plan.pdf` });
      assert.equal(file.statusCode, 303);
      assert.equal((await t.app.inject({ method: 'GET', url: `/files/${photoSha}/sea-wall.jpg` })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: `/files/${pdfSha}/plan.pdf` })).statusCode, 404);
    });

    test("a file of another release is not served under this release's address", async () => {
      const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', state: 'draft', title: 'Other' });
      assert.equal((await writer.get(`/admin/releases/${release.id}/files/${pdfSha}/plan.pdf`)).statusCode, 404);
      assert.equal((await writer.get(`/admin/releases/999999/preview`)).statusCode, 404);
    });
  });
}
