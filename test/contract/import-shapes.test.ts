import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { ImportOptions } from '../../src/app/import/import-source.js';
import { closingLine } from '../../src/cli/import.command.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, pdfBytes } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

const SHAPES = fileURLToPath(new URL('../fixtures/import/shapes/', import.meta.url));
const base = (overrides: Partial<ImportOptions> = {}): ImportOptions => ({ source: 'test', mode: 'publish', dryRun: false, timeZone: 'Asia/Seoul', ...overrides });

/** A feed whose items carry a board-like category, a mapped one, and enclosures here and elsewhere. */
function feed(origin: string, elsewhere: string): string {
  const item = (guid: string, title: string, category: string, enclosures: string[]) => `
    <item><guid>${guid}</guid><title>${title}</title><pubDate>Tue, 03 Mar 2026 00:00:00 GMT</pubDate>
      <category>${category}</category><category>Readiness</category>
      <description>&lt;p&gt;${title} in full.&lt;/p&gt;</description>
      ${enclosures.map((url) => `<enclosure url="${url}" type="application/pdf" length="100"/>`).join('')}
    </item>`;
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Valdora MND</title><language>en</language>
    ${item('feed-1', 'Coast guard drill ends', 'News', [`${origin}/files/drill-report.pdf`, `${elsewhere}/files/other.pdf`])}
    ${item('feed-2', 'Statement on the border patrol', 'Coast Guard', ['/files/statement.pdf'])}
  </channel></rss>`;
}

for (const { kind, skip } of databaseKinds()) {
  describe(`import of real page and feed shapes on ${kind}`, { skip }, () => {
    let t: TestSystem;
    const servers: Server[] = [];
    let origin = '';
    let elsewhere = '';
    let report: Uint8Array;
    const fetched: string[] = [];
    const listen = async (handler: Parameters<typeof createServer>[1]) => {
      const server = createServer(handler);
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    before(async () => {
      t = await createTestSystem(kind);
      report = await pdfBytes('drill report');
      elsewhere = await listen((req, res) => {
        fetched.push(`elsewhere${req.url}`);
        res.writeHead(200, { 'content-type': 'application/pdf' }).end(report);
      });
      origin = await listen((req, res) => {
        fetched.push(req.url ?? '');
        if (req.url === '/feed.rss') return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(origin, elsewhere));
        if (req.url?.startsWith('/files/')) return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(report);
        res.writeHead(404).end();
      });
    });
    after(async () => {
      for (const s of servers) s.close();
      await t?.close();
    });
    const run = async (source: string, read: Parameters<TestSystem['system']['imports']['read']>[1] = {}, options: Partial<ImportOptions> = {}) =>
      t.system.imports.importSource(await t.system.imports.read(source, read), base({ source, ...options }));

    test('a folder of the shapes: releases as a person reads them, refusals that say what the page is, dropped template text reported', async () => {
      const folder = await run(SHAPES);
      const by = (file: string) => folder.items.find((i) => i.label.startsWith(file))!;
      assert.deepEqual(
        folder.items.filter((i) => i.outcome === 'refused').map((i) => [i.label, i.reasons[0]!.replace(/:.*/, '')]),
        [
          ['2-ko-numbered-no-title.txt', 'not a press-release page'],
          ['7-flipbook-page.txt', 'not a press-release page'],
          ['7-list-page.txt', 'not a press-release page'],
          ['7-unrelated-page.txt', 'not a press-release page'],
        ],
      );
      assert.match(by('7-list-page.txt').reasons[0]!, /list page/);
      assert.deepEqual(by('1-template-bullet-no-file.txt').notes, ['template text "(Presentation and Follow-on discussion)"']);
      const dated = by('6-en-date-in-text.txt');
      assert.equal(dated.publishedAt, '2024-11-26T15:00:00.000Z', '27 November 2024 read as midnight in Seoul');
      assert.deepEqual(dated.flagCodes, ['date_from_text']);
      const statement = (await t.system.editions.latestEdition(by('2-ko-title-first.txt').releaseId!))!;
      assert.equal(statement.title, '국방부 입장 설명');
      assert.doesNotMatch(statement.bodyMarkdown, /끝/);
      assert.match(closingLine(folder), /^11 imported \(\d+ flagged: .*\), 0 skipped, 4 refused \(15 items\)\.$/);
    });

    test('--title imports a page that has no title line', async () => {
      const titled = await run(`${SHAPES}2-ko-numbered-no-title.txt`, { title: '예비군 훈련 일정 조정 안내' });
      assert.equal(titled.items[0]!.outcome, 'flagged', 'published as of the import: it has no date');
      const edition = (await t.system.editions.latestEdition(titled.items[0]!.releaseId!))!;
      assert.equal(edition.title, '예비군 훈련 일정 조정 안내');
      assert.equal(edition.bodyMarkdown.split('\n\n').length, 3);
      await assert.rejects(t.system.imports.read(SHAPES, { title: 'x' }), /--title names the title of one page/);
    });

    test('feed categories pick boards (known names, --map), stay tags otherwise; enclosures are fetched only when asked and only from the feed origin', async () => {
      await buildBoard(t.system, { slug: 'statements', kind: 'statement' });
      const dry = await run(`${origin}/feed.rss`, {}, { dryRun: true, boardMap: { 'coast guard': 'statements' } });
      assert.deepEqual(dry.items.map((i) => i.board), ['news', 'statements']);
      assert.ok(dry.items[0]!.reasons.some((r) => /run again with --fetch-files/.test(r)));
      assert.equal(fetched.filter((f) => f.includes('/files/')).length, 0, 'nothing fetched without --fetch-files');

      await assert.rejects(run(`${origin}/feed.rss`, {}, { boardMap: { 'Coast Guard': 'no-such-board' } }), /No board "no-such-board"/);

      const done = await run(`${origin}/feed.rss`, { fetchFiles: true }, { boardMap: { 'Coast Guard': 'statements' } });
      assert.deepEqual(done.items.map((i) => [i.board, i.attachments]), [
        ['news', 1],
        ['statements', 1],
      ]);
      assert.ok(done.items[0]!.reasons.some((r) => r.includes(`${elsewhere}/files/other.pdf`) && /not on the feed's own origin/.test(r)));
      assert.ok(!fetched.some((f) => f.startsWith('elsewhere')), 'the other origin was never asked');
      const news = (await t.system.editions.latestEdition(done.items[0]!.releaseId!))!;
      assert.deepEqual(news.tags, ['Readiness'], 'the category that chose the board is not also a tag');
      const [file] = await t.system.attachments.attachmentsOf(news.id);
      assert.equal(file?.fileName, 'drill-report.pdf');
      assert.equal(file?.mimeType, 'application/pdf');
    });
  });
}
