import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { ImportCandidate } from '../../src/app/import/import-item.js';
import { makeImportSource, type ImportOptions } from '../../src/app/import/import-source.js';
import { makeImportUnitOfWork } from '../../src/adapters/db/import-source.repo.js';
import { makeFileInspector } from '../../src/adapters/files/file-inspector.js';
import { makeSharpImageProcessor } from '../../src/adapters/files/sharp-image-processor.js';
import type { ImportUnitOfWork } from '../../src/ports/import-sources.js';
import { databaseKinds } from '../support/databases.js';
import { jpegBytes, pdfBytes } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';
import { readSeed, SEED_PATH as SEED, seedSkip } from '../support/seed-fixture.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const base = (overrides: Partial<ImportOptions> = {}): ImportOptions => ({ source: 'test', mode: 'publish', dryRun: false, timeZone: 'Asia/Seoul', ...overrides });

/** Rows per table, to show that a dry run (or a refused item) wrote nothing. */
async function rowCounts(t: TestSystem) {
  const tables = ['boards', 'releases', 'editions', 'revisions', 'attachments', 'audit_log', 'import_sources', 'users'] as const;
  const counts = {} as Record<(typeof tables)[number], number>;
  for (const table of tables) {
    const row = await t.system.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

for (const { kind, skip } of databaseKinds()) {
  describe(`importers on ${kind}`, { skip }, () => {
    let t: TestSystem;
    let server: Server;
    let origin: string;
    before(async () => {
      t = await createTestSystem(kind);
      server = createServer((req, res) => {
        const name = req.url === '/feed.atom' ? 'feed.atom.xml' : req.url === '/feed.rss' ? 'feed.rss.xml' : null;
        if (!name) return void res.writeHead(404).end('not found');
        res.writeHead(200, { 'content-type': name.endsWith('atom.xml') ? 'application/atom+xml' : 'application/rss+xml' }).end(readFileSync(join(FIXTURES, name)));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      server?.close();
      await t?.close();
    });
    const run = async (source: string, options: Partial<ImportOptions> = {}) => t.system.imports.importSource(await t.system.imports.read(source), base({ source, ...options }));

    test('a dry run reports what would happen and writes nothing', async () => {
      const before = await rowCounts(t);
      const report = await run(FIXTURES, { dryRun: true });
      assert.deepEqual(await rowCounts(t), before);
      assert.equal(report.dryRun, true);
      assert.equal(report.items.length, 4, 'the folder holds four pages');
      assert.deepEqual(report.boardsCreated.sort(), ['news', 'press-releases']);
      assert.ok(report.items.every((i) => i.releaseId === null && i.outcome === 'flagged'));
      const korean = report.items.find((i) => i.label.startsWith('ko-press-release.txt'))!;
      assert.equal(korean.state, 'published');
      assert.equal(korean.publishedAt, '2026-03-13T15:00:00.000Z', '2026.03.14 read as midnight in Seoul');
    });

    test('the seed page becomes a published release with its title, subtitle and body, and a second run adds nothing', { skip: seedSkip }, async () => {
      readSeed();
      const report = await run(SEED);
      assert.deepEqual(report.counts, { imported: 0, flagged: 1, skipped: 0, refused: 0 });
      const item = report.items[0]!;
      assert.deepEqual(item.reasons.length, 1);
      assert.match(item.reasons[0]!, /no date/);
      const release = (await t.system.releases.getRelease(item.releaseId!))!;
      assert.equal(release.status, 'published');
      assert.equal(release.language, 'en');
      assert.equal(release.number, 1);
      const edition = (await t.system.editions.latestEdition(release.id))!;
      assert.equal(edition.title, 'Defense Minister meets with Mark Milley, Chairman of US Joint Chiefs of Staff');
      assert.deepEqual(edition.subtitle, ['Discussed ways to strengthen cooperation for policy against North Korea and extended deterrence']);
      assert.equal(edition.bodyMarkdown.split('\n\n').length, 7);
      assert.deepEqual(await t.system.attachments.attachmentsOf(edition.id), []);
      const audit = await t.system.audit.list({ subjectType: 'release', subjectId: String(release.id), limit: 20 });
      assert.deepEqual(audit.map((a) => a.action).reverse(), ['release.created', 'release.submitted', 'release.approved', 'release.published', 'release.imported']);
      assert.ok(audit.every((a) => a.actor.label === 'system:import'));

      const before = await rowCounts(t);
      const again = await run(SEED);
      assert.deepEqual(again.counts, { imported: 0, flagged: 0, skipped: 1, refused: 0 });
      assert.match(again.items[0]!.reasons[0]!, new RegExp(`already imported .*release ${release.id}`));
      assert.deepEqual(await rowCounts(t), before);
    });

    test('pages land with their own dates; --undated draft keeps an undated page a draft; board names map to boards', async () => {
      const report = await run(FIXTURES, { undated: 'draft' });
      const by = (file: string) => report.items.find((i) => i.label.startsWith(file))!;
      assert.equal(by('ko-press-release.txt').state, 'published');
      const korean = (await t.system.releases.getRelease(by('ko-press-release.txt').releaseId!))!;
      assert.equal(korean.firstPublishedAt?.toISOString(), '2026-03-13T15:00:00.000Z');
      assert.equal(korean.language, 'ko');
      assert.equal(by('en-press-release.html').publishedAt, '2026-03-20T06:30:00.000Z');
      const news = by('en-news-cut128.txt');
      assert.equal(news.board, 'news');
      assert.equal(news.state, 'draft');
      assert.ok(news.reasons.some((r) => /no date.*kept as a draft/.test(r)));
      assert.equal((await t.system.releases.getRelease(news.releaseId!))!.status, 'unpublished');
      assert.equal(by('ko-press-release.html').state, 'draft', 'no date on that page either');
      // press-releases exists once the seed test ran; without ../shared that test skips and this run creates it.
      assert.deepEqual(report.boardsCreated.filter((b) => seedSkip === false || b !== 'press-releases'), ['news']);
      assert.equal((await t.system.boards.bySlug('news'))?.kind, 'news');
    });

    test('RSS and Atom feeds over HTTP: dated items published in date order, bad items refused, re-runs add nothing', async () => {
      const rss = await run(`${origin}/feed.rss`);
      assert.equal(rss.format, 'rss');
      assert.deepEqual(rss.counts, { imported: 0, flagged: 3, skipped: 0, refused: 1 });
      assert.match(rss.items[2]!.reasons[0]!, /no title/);
      const first = (await t.system.releases.getRelease(rss.items[0]!.releaseId!))!;
      const second = (await t.system.releases.getRelease(rss.items[1]!.releaseId!))!;
      assert.equal(first.firstPublishedAt?.toISOString(), '2026-03-03T00:00:00.000Z');
      assert.ok(first.number! < second.number!, 'numbers follow the original dates');
      const secondEdition = (await t.system.editions.latestEdition(second.id))!;
      assert.doesNotMatch(secondEdition.bodyMarkdown, /<script|javascript|onclick|iframe/i);
      assert.deepEqual((await t.system.editions.latestEdition(first.id))!.tags, ['Cyber', 'Minister']);

      const atom = await run(`${origin}/feed.atom`);
      assert.equal(atom.format, 'atom');
      assert.equal(atom.counts.refused, 0);
      assert.deepEqual(atom.items.map((i) => i.language), ['ko', 'ko', 'ko']);

      const before = await rowCounts(t);
      const again = await run(`${origin}/feed.rss`);
      assert.deepEqual(again.counts, { imported: 0, flagged: 0, skipped: 3, refused: 1 });
      assert.deepEqual((await run(`${origin}/feed.atom`)).counts, { imported: 0, flagged: 0, skipped: 3, refused: 0 });
      assert.deepEqual(await rowCounts(t), before);
      await assert.rejects(t.system.imports.read(`${origin}/missing.xml`), /answered 404/);
    });

    test('a WordPress export: authors become staff without passwords, categories boards, files beside it attachments, drafts stay drafts', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'wxr-'));
      try {
        copyFileSync(join(FIXTURES, 'wordpress', 'export.xml'), join(dir, 'export.xml'));
        mkdirSync(join(dir, 'wp-content', 'uploads', '2026', '02'), { recursive: true });
        writeFileSync(join(dir, 'wp-content', 'uploads', '2026', '02', 'rescue.jpg'), await jpegBytes(640, 400));
        writeFileSync(join(dir, 'wp-content', 'uploads', '2026', '02', 'briefing.pdf'), await pdfBytes('briefing'));
        const report = await run(join(dir, 'export.xml'));
        assert.deepEqual(
          report.authors.map((a) => [a.email, a.outcome]),
          [
            ['j.kim@coastguard.valdora.example', 'created'],
            ['', 'refused'],
          ],
        );
        const author = (await t.system.accounts.users.byEmail('j.kim@coastguard.valdora.example'))!;
        assert.equal(author.role, 'writer');
        const signIn = await t.system.accounts.authenticate({ email: author.email, password: 'any password at all', ip: null, userAgent: null });
        assert.equal(signIn.outcome, 'refused', 'an imported author has no password to sign in with');

        assert.deepEqual(report.counts, { imported: 1, flagged: 2, skipped: 0, refused: 1 });
        const [rescue, korean, draft, page] = report.items;
        assert.equal(rescue!.state, 'published');
        assert.equal(rescue!.attachments, 2);
        const edition = (await t.system.editions.latestEdition(rescue!.releaseId!))!;
        assert.equal(edition.createdBy, author.id);
        assert.deepEqual(edition.tags, ['Operations', 'rescue', 'winter']);
        const files = await t.system.attachments.attachmentsOf(edition.id);
        assert.deepEqual(files.map((f) => [f.fileName, f.mimeType]), [
          ['rescue.jpg', 'image/jpeg'],
          ['briefing.pdf', 'application/pdf'],
        ]);
        assert.equal(files[0]!.altText, 'A crew member is winched into a helicopter above rough sea');
        assert.equal(files[0]!.caption, 'Crew winched to safety');
        assert.match(rescue!.reasons.join(' '), /chart\.png/, 'the file not beside the export is reported');
        assert.equal(korean!.board, 'category-7');
        assert.equal(korean!.language, 'ko');
        assert.equal(draft!.state, 'draft');
        assert.equal((await t.system.releases.getRelease(draft!.releaseId!))!.status, 'unpublished');
        assert.match(page!.reasons[0]!, /page, not a post/);
        assert.ok(report.boardsCreated.includes('category-7'));
        const created = await t.system.audit.list({ action: 'user.created', limit: 5 });
        assert.equal(created[0]?.actor.label, 'system:import');

        const again = await run(join(dir, 'export.xml'));
        assert.deepEqual(again.counts, { imported: 0, flagged: 0, skipped: 3, refused: 1 });
        assert.equal(again.authors[0]!.outcome, 'existing');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test('one failing item is refused whole and the batch goes on', async () => {
      const real = makeImportUnitOfWork(t.system.db, t.system.events);
      // Fails the Atom item's last write: its release, edition, revision and audit rows must all roll back.
      const failing: ImportUnitOfWork = {
        ...real,
        run: (work) =>
          real.run((tx) =>
            work({
              ...tx,
              importSources: {
                ...tx.importSources,
                record: async (source) => {
                  if (source.sourceKey === 'press-c') throw new Error('disk full');
                  return tx.importSources.record(source);
                },
              },
            }),
          ),
      };
      const importSource = makeImportSource({ uow: failing, clock: t.clock, files: t.system.files, inspector: makeFileInspector(), images: makeSharpImageProcessor() });
      const item = (key: string, title: string, day: number): ImportCandidate => ({
        sourceKey: key,
        format: 'rss',
        label: title,
        language: 'en',
        board: null,
        content: { title, subtitle: [], bodyMarkdown: `${title} body.`, department: '', tags: [] },
        date: { instant: new Date(Date.UTC(2026, 0, day)), text: `2026-01-0${day}` },
        isDraftInSource: false,
        authorLogin: null,
        files: [],
        flags: [],
        notes: [],
        sections: [],
        refusal: null,
      });
      const before = await rowCounts(t);
      const items = [item('press-a', 'Batch item A', 1), item('press-b', 'Batch item B', 2), item('press-c', 'Batch item C', 3), item('press-d', 'Batch item D', 4)];
      const report = await importSource({ format: 'rss', authors: [], items }, base());
      assert.deepEqual(report.items.map((i) => i.outcome), ['imported', 'imported', 'refused', 'imported']);
      assert.deepEqual(report.items[2]!.reasons, ['disk full']);
      const after = await rowCounts(t);
      assert.equal(after.releases - before.releases, 3);
      assert.equal(after.editions - before.editions, 3);
      assert.equal(after.import_sources - before.import_sources, 3);
      assert.equal(after.audit_log - before.audit_log, 3 * 5, 'five audit entries per imported item, none for the refused one');
      const titles = await t.system.db.selectFrom('editions').select('title').where('title', '=', 'Batch item C').execute();
      assert.deepEqual(titles, []);
    });
  });
}
