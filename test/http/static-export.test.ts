import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { makeExportStaticCommand } from '../../src/cli/export-static.command.js';
import { composeStaticExport } from '../../src/main/static-renderer.js';
import type { System } from '../../src/main/compose.js';
import { databaseKinds } from '../support/databases.js';
import { headedPdf, koreanPdf } from '../support/document-fixtures.js';
import { buildBoard, buildRelease, jpegBytes, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import { startStaticServer } from '../support/static-server.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const BASE = 'https://news.example.org';
const SITE = { siteName: 'Test Newsroom', baseUrl: BASE, timeZone: 'Asia/Seoul', demo: false };
const KOREAN_PDF = '국방 예산 (2027).pdf';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry'].includes(name) });

/** Every file under dir (manifest excluded) with its SHA-256 and modification time. */
function snapshot(dir: string): Map<string, { sha: string; mtime: number }> {
  const out = new Map<string, { sha: string; mtime: number }>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name !== '.pressroom-static.json') out.set(relative(dir, p), { sha: createHash('sha256').update(readFileSync(p)).digest('hex'), mtime: statSync(p).mtimeMs });
    }
  };
  walk(dir);
  return out;
}

/** Attribute values cut out of an HTML page, and what is left (the skeleton). */
function attributes(html: string) {
  const values: string[] = [];
  const skeleton = html.replace(/="([^"]*)"/g, (_m, v: string) => {
    values.push(v);
    return '=""';
  });
  return { skeleton, values };
}

for (const { kind, skip } of databaseKinds()) {
  describe(`static site export (${kind})`, { skip }, () => {
    let t: TestWeb;
    let dir: string;
    let server: Awaited<ReturnType<typeof startStaticServer>>;
    const ids: Record<string, { id: number; number: number }> = {};
    const exportSite = () => composeStaticExport(t.system, { ...SITE, dir }).then((e) => e.run());
    const live = (url: string) => t.app.inject({ method: 'GET', url });
    const fromStatic = (path: string) => fetch(server.origin + path);

    /** The static copy serves the live page: the same bytes, apart from links only a live server can follow. */
    async function assertSamePage(liveUrl: string, staticPath: string) {
      const [l, s] = await Promise.all([live(liveUrl), fromStatic(staticPath)]);
      assert.equal(l.statusCode, 200, liveUrl);
      assert.equal(s.status, 200, staticPath);
      const staticBody = Buffer.from(await s.arrayBuffer());
      if (!String(l.headers['content-type']).startsWith('text/html')) {
        assert.ok(staticBody.equals(l.rawPayload), `${staticPath} has the live bytes`);
        return;
      }
      const a = attributes(l.body);
      const b = attributes(staticBody.toString('utf8'));
      assert.equal(b.skeleton, a.skeleton, `${staticPath}: same page apart from rewritten links`);
      for (let i = 0; i < a.values.length; i++) {
        if (a.values[i] === b.values[i]) continue;
        // A rewritten link: a query-string URL of the live site, now a path the static server serves.
        assert.match(a.values[i]!, /\?/, `${staticPath}: only query-string links change (${a.values[i]} -> ${b.values[i]})`);
        assert.doesNotMatch(b.values[i]!, /\?/);
        const target = b.values[i]!.replace(BASE, '').replace(/&amp;/g, '&');
        assert.equal((await fromStatic(target)).status, 200, `${staticPath}: rewritten link ${target} works`);
      }
    }

    before(async () => {
      t = await createTestWeb(kind);
      dir = mkdtempSync(join(tmpdir(), 'pressroom-static-'));
      await buildBoard(t.system, { slug: 'press-releases' });
      await buildBoard(t.system, { slug: 'photos', kind: 'photo' });
      for (let i = 1; i <= 11; i++) {
        t.clock.advance(1000);
        const r = await buildRelease(t.system, { boardSlug: 'press-releases', title: `Routine notice ${i}` });
        ids[`notice${i}`] = { id: r.release.id, number: r.release.number! };
      }
      t.clock.advance(1000);
      const ko = await buildRelease(t.system, {
        boardSlug: 'photos',
        language: 'ko',
        title: '국방부 예산 발표',
        tags: ['국방'],
        files: [
          { fileName: KOREAN_PDF, bytes: await pdfBytes('budget') },
          { fileName: '붙임_감시체계.pdf', bytes: koreanPdf() },
          { fileName: '사진.jpg', bytes: await jpegBytes(1600, 1000), altText: '발표 사진' },
        ],
      });
      ids.ko = { id: ko.release.id, number: ko.release.number! };
      await buildRelease(t.system, { boardSlug: 'press-releases', state: 'draft', title: 'SECRET DRAFT TITLE' });
      const embargoed = await buildRelease(t.system, {
        boardSlug: 'press-releases',
        state: 'embargoed',
        title: 'EMBARGOED TITLE',
        embargoUntil: new Date(t.clock.now().getTime() + 3_600_000),
        files: [{ fileName: 'embargoed.pdf', bytes: await headedPdf({ title: 'Embargoed annex', heading: 'Details', body: ['EMBARGOED ANNEX TEXT.'] }) }],
      });
      ids.embargoed = { id: embargoed.release.id, number: embargoed.release.number! };
      const withdrawn = await buildRelease(t.system, { boardSlug: 'photos', title: 'Withdrawn notice' });
      await t.system.commands.withdrawRelease(withdrawn.release.id, 'Issued in error', TEST_ACTOR);
      ids.withdrawn = { id: withdrawn.release.id, number: withdrawn.release.number! };
      // Text views are read before the export, as the server's worker would have (#19).
      await t.system.texts.extraction.runAll();
      server = await startStaticServer(dir);
    });

    after(async () => {
      await server?.close();
      await t?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('a plain static server serves what the live server serves', async () => {
      const report = await exportSite();
      assert.equal(report.written, report.total);
      assert.equal(report.removed, 0);
      assert.deepEqual(report.skipped, []);
      assert.equal(report.nextChange?.getTime(), t.clock.now().getTime() + 3_600_000, 'the embargo lifting is the next change');
      assert.equal(t.system.views.pendingFor(ids.notice3!.id), 0, 'exporting counts no page views');

      const n = (key: string) => ids[key]!.number;
      const pages: [string, string][] = [
        ['/en/', '/en/'],
        ['/ko/', '/ko/'],
        ['/en/press-releases', '/en/press-releases'],
        ['/en/press-releases?page=2', '/en/press-releases/page/2/'],
        ['/ko/photos', '/ko/photos'],
        [`/en/press-releases/${n('notice3')}`, `/en/press-releases/${n('notice3')}`],
        [`/en/press-releases/${n('notice3')}/print`, `/en/press-releases/${n('notice3')}/print`],
        [`/ko/photos/${n('ko')}`, `/ko/photos/${n('ko')}/`],
        [`/en/photos/${n('withdrawn')}`, `/en/photos/${n('withdrawn')}`],
        ['/en/feed.xml', '/en/feed.xml'],
        ['/ko/feed.atom', '/ko/feed.atom'],
        ['/en/press-releases/feed.xml', '/en/press-releases/feed.xml'],
        ['/en/press-releases/feed.atom', '/en/press-releases/feed.atom'],
        [`/ko/tags/${encodeURIComponent('국방')}/feed.xml`, `/ko/tags/${encodeURIComponent('국방')}/feed.xml`],
        ['/sitemap.xml', '/sitemap.xml'],
        ['/robots.txt', '/robots.txt'],
      ];
      for (const [liveUrl, staticPath] of pages) await assertSamePage(liveUrl, staticPath);
      const firstListPage = await (await fromStatic('/en/press-releases')).text();
      assert.match(firstListPage, /href="\/en\/press-releases\/page\/2\/"/, 'pagination links lead to the static list pages');
      assert.doesNotMatch(firstListPage, /\?page=/);

      // The withdrawn page keeps its notice; the stylesheet and every file and WebP copy the Korean page uses are there.
      assert.match(await (await fromStatic(`/en/photos/${n('withdrawn')}`)).text(), /Issued in error/);
      const koPage = (await live(`/ko/photos/${n('ko')}`)).body;
      const links = [...new Set([...koPage.matchAll(/(?:href|src)="(\/(?:files|assets)\/[^"]+)"/g), ...koPage.matchAll(/(\/files\/[^\s",]+) \d+w/g)].map((m) => m[1]!.replace(/&amp;/g, '&')))];
      assert.ok(links.some((l) => l.includes(encodeURIComponent(KOREAN_PDF))), 'the Korean-named PDF is linked');
      assert.ok(links.some((l) => l.endsWith('.webp')), 'a WebP copy is linked');
      for (const link of links) await assertSamePage(link, link);
      assert.ok(readdirSync(join(dir, 'files'), { recursive: true }).map(String).some((f) => f.endsWith(KOREAN_PDF)), 'stored under its Korean name');

      const rss = parser.parse(await (await fromStatic('/en/press-releases/feed.xml')).text());
      assert.equal(rss.rss.channel.item.length, 11);
      const atom = parser.parse(await (await fromStatic('/ko/feed.atom')).text());
      assert.equal(atom.feed.entry.length, 1);

      // The root sends readers on to a language; unknown paths get the exported 404 page.
      assert.equal((await fromStatic('/')).url, `${server.origin}/`);
      assert.match(await (await fromStatic('/')).text(), /url=\/en\//);
      const missing = await fromStatic('/en/press-releases/999');
      assert.equal(missing.status, 404);
      assert.equal(await missing.text(), (await live('/en/press-releases/999')).body);
      assert.equal(await (await fromStatic('/ko/nothing-here')).text(), (await live('/ko/nothing-here')).body);
    });

    test('text views ("Read online") and the media kit are exported, and every link to and from them resolves', async () => {
      const n = ids.ko!.number;
      const releasePage = await (await fromStatic(`/ko/photos/${n}/`)).text();
      const views = [...releasePage.matchAll(new RegExp(`href="(/ko/photos/${n}/files/\\d+)"`, 'g'))].map((m) => m[1]!);
      assert.equal(views.length, 1, '"Read online" for the Korean PDF (the other one holds no text)');
      await assertSamePage(views[0]!, views[0]!);
      const korean = await (await fromStatic(views[0]!)).text();
      assert.match(korean, /<h2>해상 감시체계 개선 계획<\/h2>/);
      assert.match(korean, /<p>잠수정탐지체계를 2027년까지/);
      // The view's own links: the original file, the release, the stylesheet.
      const links = [...korean.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).filter((l) => !l.includes('?') && !l.endsWith('/feed.xml') && !l.endsWith('/feed.atom'));
      assert.ok(links.some((l) => l.startsWith('/files/') && l.endsWith(encodeURIComponent('붙임_감시체계.pdf'))), 'links the original');
      assert.ok(links.includes(`/ko/photos/${n}`), 'links back to the release');
      for (const link of links) assert.equal((await fromStatic(link)).status, 200, `${views[0]} links ${link}`);

      const kitLink = `/ko/photos/${n}/photos.zip`;
      assert.ok(releasePage.includes(`href="${kitLink}"`));
      await assertSamePage(kitLink, kitLink);
      assert.equal((await fromStatic(kitLink)).headers.get('content-type'), 'application/zip');
    });

    test('drafts and embargoed releases are nowhere in the export', async () => {
      assert.equal((await fromStatic(`/en/press-releases/${ids.embargoed!.number}`)).status, 404);
      assert.equal((await fromStatic(`/en/press-releases/${ids.embargoed!.number}/print`)).status, 404);
      const everything = [...snapshot(dir).keys()].map((f) => readFileSync(join(dir, f)).toString('latin1')).join('\n');
      assert.doesNotMatch(everything, /SECRET DRAFT TITLE|EMBARGOED TITLE|EMBARGOED ANNEX TEXT|embargoed\.pdf/);
      assert.ok(!readdirSync(dir, { recursive: true }).map(String).some((f) => f.endsWith('embargoed.pdf')));
      assert.equal((await fromStatic('/.pressroom-static.json')).status, 404, 'the manifest is not served');
    });

    test('a second run rewrites only what changed and removes pages that are gone', async () => {
      const first = snapshot(dir);
      const again = await exportSite();
      assert.equal(again.written, 0);
      assert.equal(again.removed, 0);
      assert.equal(again.unchanged, first.size);
      assert.deepEqual(snapshot(dir), first, 'no file touched');

      // A published correction changes its own pages, the lists and feeds showing it, and the sitemap.
      t.clock.advance(600_000);
      const target = ids.notice11!;
      const draft = await t.system.commands.startCorrection(target.id, TEST_ACTOR);
      await t.system.commands.saveDraft(target.id, { title: 'Routine notice 11 (corrected)', subtitle: [], bodyMarkdown: 'Corrected text.', department: '', contact: null, tags: [], lockVersion: draft.lockVersion }, TEST_ACTOR);
      await t.system.commands.submitRelease(target.id, TEST_ACTOR);
      await t.system.commands.approveRelease(target.id, TEST_ACTOR);
      await t.system.commands.publishRelease(target.id, TEST_ACTOR, { changeNote: 'Fixed the title' });
      const corrected = await exportSite();
      const afterCorrection = snapshot(dir);
      const changed = [...afterCorrection].filter(([f, v]) => first.get(f)?.sha !== v.sha).map(([f]) => f);
      assert.equal(corrected.written, changed.length, 'written = files whose bytes changed');
      assert.ok(changed.includes(`en/press-releases/${target.number}/index.html`));
      assert.ok(changed.includes('en/press-releases/feed.xml'));
      assert.ok(!changed.includes(`en/press-releases/${ids.notice1!.number}/index.html`), 'an untouched release page is not rewritten');
      assert.ok(corrected.written < first.size / 2);
      for (const [f, v] of afterCorrection) if (!changed.includes(f)) assert.equal(v.mtime, first.get(f)!.mtime, `${f} left alone`);
      await assertSamePage(`/en/press-releases/${target.number}`, `/en/press-releases/${target.number}`);

      // Withdrawing one of eleven leaves a single list page: page 2 goes, the withdrawn page stays with its notice.
      await t.system.commands.withdrawRelease(ids.notice1!.id, 'Duplicate', TEST_ACTOR);
      const withdrawn = await exportSite();
      assert.ok(withdrawn.removed >= 1);
      assert.equal((await fromStatic('/en/press-releases/page/2/')).status, 404);
      assert.match(await (await fromStatic(`/en/press-releases/${ids.notice1!.number}`)).text(), /Duplicate/);
      await assertSamePage('/en/press-releases', '/en/press-releases');
      assert.equal((await fromStatic(`/en/press-releases/${ids.notice1!.number}/print`)).status, 200);
    });

    test('an embargo lifting appears in the next export', async () => {
      t.clock.advance(3_600_000);
      await exportSite();
      await assertSamePage(`/en/press-releases/${ids.embargoed!.number}`, `/en/press-releases/${ids.embargoed!.number}`);
      const page = await (await fromStatic(`/en/press-releases/${ids.embargoed!.number}`)).text();
      const view = new RegExp(`href="(/en/press-releases/${ids.embargoed!.number}/files/\\d+)"`).exec(page)?.[1];
      assert.ok(view, 'its text view is linked now');
      await assertSamePage(view, view);
      assert.match(await (await fromStatic(view)).text(), /EMBARGOED ANNEX TEXT/);
    });

    test('the CLI command checks its arguments and reports counts', async () => {
      const command = makeExportStaticCommand((system: System, o) => composeStaticExport(system, { ...SITE, baseUrl: o.baseUrl ?? BASE, dir: o.dir }));
      const logs: string[] = [];
      const log = console.log;
      const error = console.error;
      console.log = (...a: unknown[]) => void logs.push(a.join(' '));
      console.error = (...a: unknown[]) => void logs.push(a.join(' '));
      try {
        assert.equal(await command.run(t.system, []), 2);
        assert.equal(await command.run(t.system, [dir, '--base-url', 'ftp://example.org']), 2);
        assert.equal(await command.run(t.system, [dir, '--base-url', `${BASE}/`]), 0);
      } finally {
        console.log = log;
        console.error = error;
      }
      assert.ok(logs.some((l) => /0 written, \d+ unchanged, 0 removed/.test(l)), logs.join('\n'));
    });
  });
}
