import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { InvalidStateError, ValidationError } from '../../src/domain/errors.js';
import sharp from 'sharp';
import { composeSystem, type System } from '../../src/main/compose.js';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/databases.js';
import { buildBoard, buildRelease, jpegBytes, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const editor: StaffActor = { userId: 2, label: 'editor@mnd.example', ip: '192.0.2.20', role: 'editor' };
const client = { ip: '192.0.2.99', userAgent: 'test' };
const PASSWORD = 'correct horse battery staple 7';

/** Varied content through the application's commands; returns the public URLs worth comparing. */
async function buildNewsroom(t: TestWeb): Promise<{ urls: string[]; hidden: string[] }> {
  const s = t.system;
  await s.accounts.createUser({ email: 'admin@mnd.example', name: 'Admin Kim', role: 'admin', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
  await s.accounts.createUser({ email: 'editor@mnd.example', name: '편집자 이', role: 'editor', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
  await buildBoard(s, { slug: 'press-releases' });
  await buildBoard(s, { slug: 'news', kind: 'news' });
  const day = (n: number) => new Date(Date.UTC(2026, 10, n, 1));

  const photo = await buildRelease(s, {
    boardSlug: 'press-releases',
    title: 'Minister visits the border units',
    subtitle: ['- Readiness reviewed -'],
    tags: ['readiness', 'border'],
    publishedAt: day(10),
    files: [
      { fileName: 'briefing.pdf', bytes: await pdfBytes('Briefing') },
      { fileName: 'visit.jpg', bytes: await jpegBytes(1200, 800), altText: 'The minister with soldiers', caption: 'At the border', credit: 'MND' },
    ],
  });
  const korean = await buildRelease(s, {
    boardSlug: 'press-releases',
    language: 'ko',
    title: '국방부, 2026년 국방정책 발표',
    subtitle: ['- 합참의장을 비롯한 주요 지휘관 참석 -'],
    bodyMarkdown: '□ 국방부는 오늘 정책을 발표했다.\n\n◦ 세부 내용은 첨부 참조',
    tags: ['국방정책'],
    department: '국방정책실',
    publishedAt: day(11),
  });
  const corrected = await buildRelease(s, { boardSlug: 'news', title: 'Exercise dates announced', publishedAt: day(12) });
  const draft = await s.commands.startCorrection(corrected.release.id, editor);
  await s.commands.saveDraft(corrected.release.id, { title: 'Exercise dates announced (corrected)', subtitle: [], bodyMarkdown: 'The exercise starts on 3 December.', tags: ['exercise'], lockVersion: draft.lockVersion }, editor);
  await s.commands.submitRelease(corrected.release.id, TEST_ACTOR);
  await s.commands.approveRelease(corrected.release.id, TEST_ACTOR);
  await s.commands.publishRelease(corrected.release.id, TEST_ACTOR, { changeNote: 'Corrected the start date.' });
  const withdrawn = await buildRelease(s, { boardSlug: 'press-releases', state: 'withdrawn', title: 'Issued in error', publishedAt: day(13) });
  const embargoed = await buildRelease(s, { boardSlug: 'press-releases', state: 'embargoed', title: 'Embargoed budget statement', files: [{ fileName: 'budget.pdf', bytes: await pdfBytes('Budget') }] });
  await s.previewLinks.create(embargoed.release.id, 'reporter@paper.example', TEST_ACTOR);
  await buildRelease(s, { boardSlug: 'press-releases', state: 'scheduled', title: 'Scheduled announcement' });
  await buildRelease(s, { boardSlug: 'news', state: 'draft', title: 'Unfinished draft' });
  await buildRelease(s, { boardSlug: 'news', state: 'in_review', language: 'ko', title: '검토 중인 보도자료' });
  // Provenance as `pressroom import` records it (its own suite covers how); it must survive the move.
  await s.db
    .insertInto('import_sources')
    .values({ key_hash: 'a'.repeat(64), source_key: 'https://old.example/board/1', source_kind: 'scraped', content_hash: 'b'.repeat(64), release_id: photo.release.id, imported_at: day(9).getTime(), details: '{"flags":["date_missing"]}' })
    .execute();
  await s.search.idle();

  const page = (r: { release: { number: number | null; language: string } }, board: string) => `/${r.release.language}/${board}/${r.release.number}`;
  const [pdf, jpg] = (await s.attachments.attachmentsOf(photo.edition.id)).map((a) => `/files/${a.sha256}/${encodeURIComponent(a.fileName)}`);
  const embargoedFile = (await s.attachments.attachmentsOf(embargoed.edition.id))[0]!;
  return {
    urls: [
      '/en/',
      '/ko/',
      '/en/press-releases',
      '/ko/press-releases',
      '/en/news',
      page(photo, 'press-releases'),
      `${page(photo, 'press-releases')}/print`,
      page(korean, 'press-releases'),
      page(corrected, 'news'),
      page(withdrawn, 'press-releases'),
      '/en/feed.xml',
      '/ko/press-releases/feed.atom',
      '/sitemap.xml',
      `/en/search?q=${encodeURIComponent('border')}`,
      `/ko/search?q=${encodeURIComponent('합참의장')}`,
      pdf!,
      jpg!,
    ],
    hidden: [page(embargoed, 'press-releases'), `/files/${embargoedFile.sha256}/${encodeURIComponent(embargoedFile.fileName)}`],
  };
}

/** Every file of an export directory, recursively, as relative path -> bytes. */
function readTree(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) for (const [k, v] of readTree(dir, path)) files.set(k, v);
    else files.set(path, readFileSync(join(dir, path)));
  }
  return files;
}

/** Replaces attachments' bytes (and record fields) in an export, with the manifest's digests and counts kept consistent. */
function rewriteExport(dir: string, edits: { fileName: string; bytes: Buffer; record: Record<string, string> }[]) {
  const path = join(dir, 'releases.ndjson');
  const lines = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { editions: { attachments: Record<string, unknown>[] }[] });
  for (const edit of edits) {
    const sha256 = createHash('sha256').update(edit.bytes).digest('hex');
    writeFileSync(join(dir, 'files', sha256), edit.bytes);
    const attachment = lines.flatMap((r) => r.editions.flatMap((e) => e.attachments)).find((a) => a.file_name === edit.fileName);
    assert.ok(attachment, edit.fileName);
    Object.assign(attachment, edit.record, { sha256, byte_size: edit.bytes.length });
  }
  const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
  writeFileSync(path, text);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.streams.releases.sha256 = createHash('sha256').update(text).digest('hex');
  manifest.files.count = readdirSync(join(dir, 'files')).length;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
}

/** Two exports are the same content when every file is byte for byte equal, bar the manifest's created_at. */
function assertSameExport(a: string, b: string) {
  const left = readTree(a);
  const right = readTree(b);
  assert.deepEqual([...right.keys()].sort(), [...left.keys()].sort());
  for (const [path, bytes] of left) {
    if (path === 'manifest.json') continue;
    assert.ok(bytes.equals(right.get(path)!), `${path} differs between the two exports`);
  }
  const manifest = (p: string) => ({ ...JSON.parse(readFileSync(join(p, 'manifest.json'), 'utf8')), created_at: null });
  assert.deepEqual(manifest(b), manifest(a));
}

async function compareSites(from: TestWeb, to: TestWeb, urls: string[], hidden: string[]) {
  to.clock.set(from.clock.now());
  for (const url of urls) {
    const [x, y] = await Promise.all([from.app.inject({ method: 'GET', url }), to.app.inject({ method: 'GET', url })]);
    assert.equal(x.statusCode, 200, `${url} on the source`);
    assert.equal(y.statusCode, 200, `${url} after import`);
    assert.ok(x.rawPayload.equals(y.rawPayload), `${url} renders differently after import`);
  }
  for (const url of hidden) assert.equal((await to.app.inject({ method: 'GET', url })).statusCode, 404, `${url} must stay hidden after import`);
}

const made: string[] = [];
const tempDir = (label: string) => {
  const dir = mkdtempSync(join(tmpdir(), `pressroom-${label}-`));
  made.push(dir);
  return dir;
};
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const exportTo = async (s: System) => {
  const dir = join(tempDir('export'), 'out');
  await s.transfer.exportTo(dir);
  return dir;
};

for (const { kind, skip } of databaseKinds()) {
  describe(`Pressroom JSON export and import on ${kind}`, { skip }, () => {
    let source: TestWeb;
    let target: TestWeb;
    let site: { urls: string[]; hidden: string[] };
    let first: string;
    before(async () => {
      source = await createTestWeb(kind);
      site = await buildNewsroom(source);
      first = await exportTo(source.system);
      target = await createTestWeb(kind);
    });
    after(async () => {
      await source?.close();
      await target?.close();
    });

    test('the export holds every stream, no secrets, and the files', async () => {
      const manifest = JSON.parse(readFileSync(join(first, 'manifest.json'), 'utf8'));
      assert.equal(manifest.format, 'pressroom-export');
      assert.equal(manifest.streams.releases.count, 8);
      assert.equal(manifest.streams.users.count, 2);
      assert.equal(manifest.streams.jobs.count, 1);
      assert.equal(manifest.streams.preview_links.count, 1);
      assert.equal(manifest.streams.import_sources.count, 1);
      assert.ok(manifest.streams.image_derivatives.count >= 2, 'WebP copies of the photo');
      assert.equal(readdirSync(join(first, 'files')).length, manifest.files.count);
      const users = readFileSync(join(first, 'users.ndjson'), 'utf8');
      assert.doesNotMatch(users, /scrypt|password|totp/i);
      const corrected = readFileSync(join(first, 'releases.ndjson'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
        .find((r) => r.editions.length === 2);
      assert.deepEqual(
        corrected.editions.map((e: { state: string; change_note: string | null }) => [e.state, e.change_note]),
        [['superseded', null], ['published', 'Corrected the start date.']],
      );
    });

    test('a dry run checks everything and changes nothing', async () => {
      const report = await target.system.transfer.importFrom(first, { dryRun: true });
      assert.equal(report.counts.releases, 8);
      assert.deepEqual(await target.system.transfer.content.counts(), { boards: 0, users: 0, releases: 0, audit_log: 0, files: 0 });
    });

    test('import into an empty database, then export again: the same bytes, the same public pages', async () => {
      const report = await target.system.transfer.importFrom(first, { dryRun: false });
      assert.equal(report.alreadyImported, false);
      assert.equal(report.indexed, 4, 'the four public or withdrawn-with-live-edition releases are searchable');
      const second = await exportTo(target.system);
      assertSameExport(first, second);
      await compareSites(source, target, site.urls, site.hidden);
    });

    test('re-running the import on the imported database changes nothing', async () => {
      const again = await target.system.transfer.importFrom(first, { dryRun: false });
      assert.equal(again.alreadyImported, true);
    });

    test('imported staff keep their ids and roles but have no password', async () => {
      const user = await target.system.accounts.users.byEmail('editor@mnd.example');
      assert.equal(user?.role, 'editor');
      assert.equal(user?.id, (await source.system.accounts.users.byEmail('editor@mnd.example'))?.id);
      assert.equal((await source.system.accounts.authenticate({ email: 'editor@mnd.example', password: PASSWORD, ...client })).outcome, 'session');
      assert.notEqual((await target.system.accounts.authenticate({ email: 'editor@mnd.example', password: PASSWORD, ...client })).outcome, 'session');
    });

    test('new content after an import takes the next ids and numbers', async () => {
      const maxId = Number((await source.system.db.selectFrom('releases').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id);
      const next = await buildRelease(target.system, { boardSlug: 'press-releases', title: 'First release after the migration' });
      assert.equal(next.release.id, maxId + 1);
      const counters = (await target.system.db.selectFrom('board_counters').selectAll().execute()).find((c) => c.language === 'en' && c.board_id === next.release.boardId);
      assert.equal(next.release.number, counters?.last_number);
      const before = (await source.system.db.selectFrom('board_counters').selectAll().execute()).find((c) => c.language === 'en' && c.board_id === next.release.boardId);
      assert.equal(next.release.number, (before?.last_number ?? 0) + 1, 'numbers continue from the imported counters, never reused');
    });

    test('once the content differs, importing again is refused with what to do', async () => {
      await assert.rejects(target.system.transfer.importFrom(first, { dryRun: false }), (error: unknown) => {
        assert.ok(error instanceof InvalidStateError);
        assert.match(error.message, /not empty.*empty database/s);
        return true;
      });
    });

    test('attachments meet the upload allow-list, checked on their bytes: a refused file names itself and nothing is imported', async () => {
      // A newsroom that allows only PDF (PRESSROOM_UPLOAD_TYPES=application/pdf) refuses the export's photo.
      const database = await createTestDatabase(kind);
      const narrow = await composeSystem({ database: database.target, dataDir: database.dataDir, allowedUploadTypes: ['application/pdf'] });
      try {
        for (const dryRun of [true, false]) {
          await assert.rejects(narrow.transfer.importFrom(first, { dryRun }), (error: unknown) => {
            assert.ok(error instanceof ValidationError);
            const text = error.issues.map((i) => i.message).join('\n');
            assert.match(text, /releases\.ndjson line \d+: release \d+, attachment "visit\.jpg" \(files\/[0-9a-f]{64}\) is refused: is not an allowed file type\. Allowed: PDF/);
            assert.doesNotMatch(text, /briefing\.pdf/);
            return true;
          });
        }
        assert.deepEqual(await narrow.transfer.content.counts(), { boards: 0, users: 0, releases: 0, audit_log: 0, files: 0 }, 'all or nothing');
      } finally {
        await narrow.close();
        await database.drop();
      }

      // A hand-edited export: an SVG with a script recorded as a PDF, and a PNG recorded as text/html.
      const edited = join(tempDir('edited'), 'out');
      cpSync(first, edited, { recursive: true });
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
      const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer();
      rewriteExport(edited, [
        { fileName: 'briefing.pdf', bytes: svg, record: { file_name: 'briefing.pdf', mime_type: 'application/pdf' } },
        { fileName: 'budget.pdf', bytes: png, record: { file_name: 'budget.png', mime_type: 'text/html' } },
      ]);
      const empty = await createTestWeb(kind);
      try {
        await assert.rejects(empty.system.transfer.importFrom(edited, { dryRun: false }), (error: unknown) => {
          assert.ok(error instanceof ValidationError);
          const text = error.issues.map((i) => i.message).join('\n');
          assert.match(text, /attachment "briefing\.pdf" .* is refused: is an SVG image, which is not accepted because it can carry scripts/);
          assert.match(text, /attachment "budget\.png" .* is refused: its bytes are PNG \(image\/png\), but the export records text\/html/);
          return true;
        });
        assert.equal((await empty.system.transfer.content.counts()).releases, 0);
      } finally {
        await empty.close();
      }
    });

    test('a damaged export is refused and leaves the database empty', async () => {
      const empty = await createTestWeb(kind);
      try {
        const damagedFile = join(tempDir('damaged'), 'out');
        cpSync(first, damagedFile, { recursive: true });
        const victim = readdirSync(join(damagedFile, 'files'))[0]!;
        appendFileSync(join(damagedFile, 'files', victim), 'tampered');
        await assert.rejects(empty.system.transfer.importFrom(damagedFile, { dryRun: false }), (error: unknown) => {
          assert.ok(error instanceof ValidationError);
          assert.match(error.issues.map((i) => i.message).join('\n'), new RegExp(`files/${victim} is damaged`));
          return true;
        });

        const truncated = join(tempDir('truncated'), 'out');
        cpSync(first, truncated, { recursive: true });
        const lines = readFileSync(join(truncated, 'audit_log.ndjson'), 'utf8').trim().split('\n');
        writeFileSync(join(truncated, 'audit_log.ndjson'), `${lines.slice(0, -1).join('\n')}\n`);
        await assert.rejects(empty.system.transfer.importFrom(truncated, { dryRun: false }), (error: unknown) => {
          assert.ok(error instanceof ValidationError);
          assert.match(error.issues.map((i) => i.message).join('\n'), /audit_log\.ndjson has \d+ lines; the manifest says \d+/);
          return true;
        });
        const counts = await empty.system.transfer.content.counts();
        assert.deepEqual({ ...counts, files: 0 }, { boards: 0, users: 0, releases: 0, audit_log: 0, files: 0 }, 'the failed import rolled back');
      } finally {
        await empty.close();
      }
    });
  });
}

const postgres = databaseKinds().find((d) => d.kind === 'postgres')!;
describe('export from SQLite, import into PostgreSQL', { skip: postgres.skip }, () => {
  test('the PostgreSQL copy exports the same bytes and serves the same pages', async () => {
    const kinds: DatabaseKind[] = ['sqlite', 'postgres'];
    const [source, target] = await Promise.all(kinds.map((k) => createTestWeb(k)));
    try {
      const site = await buildNewsroom(source!);
      const first = await exportTo(source!.system);
      await target!.system.transfer.importFrom(first, { dryRun: false });
      assertSameExport(first, await exportTo(target!.system));
      await compareSites(source!, target!, site.urls, site.hidden);
    } finally {
      await source?.close();
      await target?.close();
    }
  });
});
