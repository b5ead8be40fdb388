import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { composeStaticExport } from '../../src/main/static-renderer.js';
import { urls } from '../../src/web/urls.js';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, jpegBytes, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const BASE = 'https://news.example.org';
const SITE = { siteName: 'Test Newsroom', baseUrl: BASE, timeZone: 'Asia/Seoul', demo: false };

/** Every file under a directory, as [relative path, text]. */
function filesUnder(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return [path.slice(dir.length + 1), readFileSync(path, 'latin1')];
    });
}

// A legal or safety takedown: withdrawal with "remove content". Every public surface is checked
// before and after, on both databases: page, print, lists, feeds, sitemap, API, search, file URLs
// (a file another release shares keeps being served), image copies, the static and JSON exports.
for (const { kind, skip } of databaseKinds()) {
  describe(`withdrawal that removes the content on ${kind}`, { skip }, () => {
    let t: TestWeb;
    let editorToken: string;
    const dirs: string[] = [];
    const get = (url: string) => t.app.inject({ method: 'GET', url });

    /** A published release with a private PDF, a PDF another release also carries, and a photo with WebP copies. */
    async function takedownCandidate(word: string, shared: Uint8Array) {
      const own = await pdfBytes(`${word} private annex`);
      const { release, edition } = await buildRelease(t.system, {
        boardSlug: 'press-releases',
        title: `Statement ${word}`,
        subtitle: [`Standfirst ${word}`],
        bodyMarkdown: `The defamatory claim ${word} appears here.`,
        tags: [`tag${word}`],
        files: [
          { fileName: `${word}-annex.pdf`, bytes: own },
          { fileName: 'shared-budget.pdf', bytes: shared },
          { fileName: `${word}-photo.jpg`, bytes: await jpegBytes(1000, 700), altText: `Photo ${word}` },
        ],
      });
      const attachments = await t.system.attachments.attachmentsOf(edition.id);
      const photo = attachments.find((a) => a.mimeType === 'image/jpeg')!;
      const derivatives = await t.system.attachments.imageDerivativesOf([photo.sha256]);
      assert.ok(derivatives.length > 0, 'the photo has WebP copies');
      const fileUrls = {
        annex: urls.file(attachments[0]!.sha256, attachments[0]!.fileName),
        shared: urls.file(attachments[1]!.sha256, attachments[1]!.fileName),
        photo: urls.file(photo.sha256, photo.fileName),
        copies: derivatives.map((d) => urls.file(d.sha256, `copy-${d.width}.webp`)),
      };
      await t.system.search.idle();
      return { release: release, number: release.number!, fileUrls };
    }

    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      const editor = await t.system.accounts.createUser({ email: `takedown-${kind}@press.example`, name: 'Editor', role: 'editor', password: 'correct horse battery staple' }, TEST_ACTOR);
      editorToken = (await t.system.apiTokens.create({ name: 'withdraw', ownerEmail: editor.email, scopes: ['workflow:withdraw'], expiresAt: null }, { ...TEST_ACTOR, role: 'admin' })).secret;
    });
    after(async () => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      await t?.close();
    });

    test('through the API withdraw endpoint: every public surface keeps only title, dates and notice, or answers 410', async () => {
      const shared = await pdfBytes('shared budget table');
      const other = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Budget table', files: [{ fileName: 'budget-2027.pdf', bytes: shared }] });
      const otherFile = (await t.system.attachments.attachmentsOf(other.edition.id))[0]!;
      const { release, number, fileUrls } = await takedownCandidate('zebrafinch', shared);
      const page = urls.release('en', 'press-releases', number);
      const apiUrl = `/api/v1/boards/press-releases/releases/en/${number}`;

      // Before: everything is public (so the checks after cannot pass by accident).
      assert.match((await get(page)).body, /zebrafinch appears here/);
      assert.equal((await get(`${page}/print`)).statusCode, 200);
      assert.equal((await get(apiUrl)).statusCode, 200);
      for (const url of [fileUrls.annex, fileUrls.shared, fileUrls.photo, ...fileUrls.copies]) assert.equal((await get(url)).statusCode, 200, url);
      assert.match((await get('/en/feed.xml')).body, /zebrafinch/);
      assert.match((await get('/api/v1/search?q=zebrafinch')).body, /"total":1/);

      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/releases/${release.id}/withdraw`,
        headers: { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ reason: 'Removed by court order 2026-123', remove_content: true }),
      });
      assert.equal(res.statusCode, 200, res.body);
      const staff = (res.json() as { data: { status: string; content_removed_at: string | null } }).data;
      assert.equal(staff.status, 'withdrawn');
      assert.equal(staff.content_removed_at, t.clock.now().toISOString());
      await t.system.search.idle();
      await t.settled();

      // The page: title, dates and the notice; no body, standfirst, files, photo or print link.
      const after = await get(page);
      assert.equal(after.statusCode, 200);
      assert.match(after.body, /Statement zebrafinch/);
      assert.match(after.body, /Removed by court order 2026-123/);
      assert.match(after.body, /Its content has been removed/);
      assert.match(after.body, /<time datetime=/i);
      assert.doesNotMatch(after.body, /appears here|Standfirst zebrafinch|zebrafinch-annex|zebrafinch-photo|shared-budget|\/files\/|\/print"|tagzebrafinch/);
      assert.doesNotMatch(after.body, /application\/ld\+json/);

      const print = await get(`${page}/print`);
      assert.equal(print.statusCode, 410);
      assert.doesNotMatch(print.body, /appears here/);

      const api = await get(apiUrl);
      assert.equal(api.statusCode, 410);
      const error = (api.json() as { errors: { code: string; message: string }[] }).errors[0]!;
      assert.equal(error.code, 'GONE');
      assert.match(error.message, /Removed by court order 2026-123/);
      assert.doesNotMatch(api.body, /appears here/);

      // Files: this release's own files and photo copies are gone; the shared PDF is still served,
      // under this release's URL and the other release's alike (the bytes are public there).
      for (const url of [fileUrls.annex, fileUrls.photo, ...fileUrls.copies]) assert.equal((await get(url)).statusCode, 410, url);
      assert.equal((await t.app.inject({ method: 'HEAD', url: fileUrls.annex })).statusCode, 410);
      assert.equal((await get(urls.file(otherFile.sha256, otherFile.fileName))).statusCode, 200, 'the other release keeps its file');
      assert.equal((await get(`/files/${'0'.repeat(64)}/none.pdf`)).statusCode, 404, 'an unknown file stays a 404');

      // Lists, feeds, sitemap, API list and search: gone.
      for (const url of ['/en/press-releases', '/en/', '/en/feed.xml', '/en/feed.atom', '/en/press-releases/feed.xml', '/sitemap.xml', '/api/v1/releases', '/api/v1/tags']) {
        const body = (await get(url)).body;
        assert.doesNotMatch(body, /zebrafinch/, url);
      }
      assert.equal((await get(`/en/tags/tagzebrafinch/feed.xml`)).statusCode, 404);
      assert.match((await get('/api/v1/search?q=zebrafinch')).body, /"total":0/);
      assert.doesNotMatch((await get('/en/search?q=zebrafinch')).body, /appears here|Statement zebrafinch/);

      const audit = (await t.system.audit.list({ subjectType: 'release', subjectId: String(release.id), limit: 10 })).map((e) => [e.action, e.details]);
      assert.deepEqual(audit.slice(0, 2), [
        ['release.content_removed', { reason: 'Removed by court order 2026-123' }],
        ['release.withdrawn', { reason: 'Removed by court order 2026-123', contentRemoved: true }],
      ]);
    });

    test('an ordinary withdrawal keeps the content public; a later takedown through the admin removes it', async () => {
      const { release, number, fileUrls } = await takedownCandidate('okapi', await pdfBytes('okapi shared'));
      const page = urls.release('en', 'press-releases', number);
      await t.system.commands.withdrawRelease(release.id, 'Superseded by a newer statement', TEST_ACTOR);
      await t.settled();
      assert.match((await get(page)).body, /okapi appears here/, 'GOV.UK model: the notice, and the content stays');
      assert.equal((await get(fileUrls.annex)).statusCode, 200);

      const editor = new StaffBrowser(t, staffUser('editor'));
      const adminPage = await editor.get(`/admin/releases/${release.id}`);
      assert.match(adminPage.body, /name="removeContent" value="1"/, 'the takedown is offered on a withdrawn release');
      const done = await editor.post(`/admin/releases/${release.id}/withdraw`, { reason: 'Safety takedown: personal data', removeContent: '1', confirm: '1' });
      assert.equal(done.statusCode, 303, done.body);
      assert.match(String(done.headers.location), /done=content_removed/);
      await t.settled();
      const after = await get(page);
      assert.match(after.body, /Safety takedown: personal data/);
      assert.doesNotMatch(after.body, /appears here|okapi-annex/);
      assert.equal((await get(fileUrls.annex)).statusCode, 410);
      assert.match((await editor.get(`/admin/releases/${release.id}`)).body, /Content removed on/);
      const again = await editor.post(`/admin/releases/${release.id}/withdraw`, { reason: 'Again', removeContent: '1', confirm: '1' });
      assert.equal(again.statusCode, 409, 'content already removed');
    });

    test('the withdraw form of a published release offers the removal and the admin route honours it', async () => {
      const { release, number, fileUrls } = await takedownCandidate('quokka', await pdfBytes('quokka shared'));
      const editor = new StaffBrowser(t, staffUser('editor'));
      assert.match((await editor.get(`/admin/releases/${release.id}`)).body, /Also remove the content \(legal or safety takedown\)/);
      assert.equal((await editor.post(`/admin/releases/${release.id}/withdraw`, { reason: 'Legal takedown', removeContent: '1', confirm: '1' })).statusCode, 303);
      await t.settled();
      assert.doesNotMatch((await get(urls.release('en', 'press-releases', number))).body, /appears here/);
      assert.equal((await get(`${urls.release('en', 'press-releases', number)}/print`)).statusCode, 410);
      assert.equal((await get(fileUrls.photo)).statusCode, 410);
    });

    test('the static export drops the removed content and files; the JSON export keeps the takedown', async () => {
      const { release, number } = await takedownCandidate('narwhal', await pdfBytes('narwhal shared'));
      const dir = mkdtempSync(join(tmpdir(), 'pressroom-takedown-static-'));
      dirs.push(dir);
      await (await composeStaticExport(t.system, { ...SITE, dir })).run();
      assert.ok(filesUnder(dir).some(([, text]) => text.includes('narwhal appears here')), 'exported while public');
      assert.ok(filesUnder(dir).some(([path]) => path.includes('narwhal-annex')));

      await t.system.commands.withdrawRelease(release.id, 'Court order', TEST_ACTOR, { removeContent: true });
      await t.settled();
      await (await composeStaticExport(t.system, { ...SITE, dir })).run();
      const files = filesUnder(dir);
      assert.deepEqual(
        files.filter(([path, text]) => path.includes('narwhal') || text.includes('narwhal appears here') || text.includes('narwhal private annex')).map(([path]) => path),
        [],
        'no removed body or file is left in the static site',
      );
      const pageFile = files.find(([path]) => path.startsWith(`en/press-releases/${number}`));
      assert.ok(pageFile, 'the page itself stays, with its notice');
      assert.match(pageFile[1], /Court order/);

      const out = join(mkdtempSync(join(tmpdir(), 'pressroom-takedown-json-')), 'out');
      dirs.push(join(out, '..'));
      await t.system.transfer.exportTo(out);
      const line = readFileSync(join(out, 'releases.ndjson'), 'utf8')
        .split('\n')
        .find((l) => l.includes('"Statement narwhal"'))!;
      assert.equal((JSON.parse(line) as { content_removed_at: string | null }).content_removed_at, t.clock.now().toISOString());
      const target = await createTestWeb(kind);
      try {
        await target.system.transfer.importFrom(out, { dryRun: false });
        const page = await target.app.inject({ method: 'GET', url: urls.release('en', 'press-releases', number) });
        assert.equal(page.statusCode, 200);
        assert.doesNotMatch(page.body, /narwhal appears here/, 'an imported copy keeps the takedown');
        assert.equal((await target.app.inject({ method: 'GET', url: `/api/v1/boards/press-releases/releases/en/${number}` })).statusCode, 410);
      } finally {
        await target.close();
      }
    });
  });
}
