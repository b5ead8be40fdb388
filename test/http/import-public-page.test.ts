import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { parseDocument, DomUtils } from 'htmlparser2';
import { composeSystem } from '../../src/main/compose.js';
import { createWebApp } from '../../src/main/web-app.js';
import { createTestDatabase, databaseKinds } from '../support/databases.js';
import { createTestWeb, type TestWeb } from '../support/web.js';
import { readSeed, SEED_PATH as SEED, seedLines as seedLineList, seedSkip } from '../support/seed-fixture.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const seedLines = seedLineList();
const SEED_TITLE = seedLines[3]!;
const SEED_SUBTITLE = (seedLines[4] ?? '').replace(/^-\s*/, '');
const SEED_PARAGRAPHS = seedLines.slice(5, seedLines.indexOf('File'));

type Element = NonNullable<ReturnType<typeof DomUtils.findOne>>;

/** What a reader sees on a release page: title, subtitle lines, body paragraphs, files. */
function readPage(html: string) {
  const doc = parseDocument(html);
  const text = (selector: (el: Element) => boolean) => DomUtils.findAll(selector, doc.children).map((el) => DomUtils.textContent(el).replace(/\s+/g, ' ').trim());
  const hasClass = (el: Element, name: string) => (el.attribs.class ?? '').split(/\s+/).includes(name);
  const body = DomUtils.findOne((el) => hasClass(el, 'release-body'), doc.children)!;
  return {
    title: text((el) => el.name === 'h1')[0],
    subtitle: DomUtils.findAll((el) => el.name === 'li' && el.parent !== null && hasClass(el.parent as Element, 'standfirst'), doc.children).map((el) => DomUtils.textContent(el).trim()),
    paragraphs: DomUtils.findAll((el) => el.name === 'p', body.children).map((el) => DomUtils.textContent(el).trim()),
    fileLinks: DomUtils.findAll((el) => el.name === 'a' && (el.attribs.href ?? '').startsWith('/files/'), doc.children).length,
    filesSection: text((el) => hasClass(el, 'files'))[0] ?? '',
  };
}

/** The seed's public page shows the seed's title, subtitle and body, and no attachment. */
function assertSeedPage(html: string) {
  const page = readPage(html);
  assert.equal(page.title, SEED_TITLE);
  assert.deepEqual(page.subtitle, [`- ${SEED_SUBTITLE}`]);
  assert.deepEqual(page.paragraphs, SEED_PARAGRAPHS);
  assert.equal(page.fileLinks, 0);
  assert.match(page.filesSection, /No attached files\./);
  assert.doesNotMatch(html, /Presentation and Follow-on discussion/);
}

describe('imported releases over HTTP', () => {
  let t: TestWeb;
  before(async () => {
    t = await createTestWeb();
  });
  after(async () => t?.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const options = { mode: 'publish' as const, dryRun: false, timeZone: 'Asia/Seoul' };

  test('the imported seed page reads like the seed', { skip: seedSkip }, async () => {
    readSeed();
    const report = await t.system.imports.importSource(await t.system.imports.read(SEED), { ...options, source: SEED });
    assert.equal(report.items[0]!.state, 'published');
    const res = await get('/en/press-releases/1');
    assert.equal(res.statusCode, 200);
    assertSeedPage(res.body);
    assert.match((await get('/en/press-releases')).body, /Defense Minister meets with Mark Milley, Chairman of US Joint Ch\.\.\./);
  });

  test('an item kept as a draft is nowhere public; a dry run publishes nothing', async () => {
    const dry = await t.system.imports.importSource(await t.system.imports.read(join(FIXTURES, 'ko-press-release.txt')), { ...options, dryRun: true, source: 'ko' });
    assert.equal(dry.items[0]!.state, 'published');
    assert.equal((await get('/ko/press-releases/1')).statusCode, 404);
    const news = await t.system.imports.importSource(await t.system.imports.read(join(FIXTURES, 'en-news-cut128.txt')), { ...options, undated: 'draft', source: 'news' });
    assert.equal(news.items[0]!.state, 'draft');
    assert.equal((await get('/en/news/1')).statusCode, 404);
    assert.doesNotMatch((await get('/en/news')).body, /Navy and coast guard/);
    assert.doesNotMatch((await get('/en/feed.xml')).body, /Navy and coast guard/);
  });

  test('a Korean page keeps its bullets as nested lists on the public page', async () => {
    await t.system.imports.importSource(await t.system.imports.read(join(FIXTURES, 'ko-press-release.txt')), { ...options, source: 'ko' });
    const res = await get('/ko/press-releases/1');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<li>이번 회의에서 양측은 다음 사항에 합의했다\.\s*<ul>\s*<li>사이버 위협 정보를/);
    assert.match(res.body, /<time datetime="2026-03-13T15:00:00.000Z"/);
  });
});

const execFileAsync = promisify(execFile);

for (const { kind, skip } of databaseKinds()) {
  describe(`pressroom import from the command line on ${kind}`, { skip }, () => {
    test('done when: `pressroom import <seed> --publish` on a fresh database makes the seed public', { skip: seedSkip }, async () => {
      readSeed();
      const database = await createTestDatabase(kind);
      try {
        const env = { ...process.env, PRESSROOM_DATA: database.dataDir, DATABASE_URL: database.target.kind === 'postgres' ? database.target.url : `sqlite:${database.target.file}`, PRESSROOM_DEMO: '0' };
        const cli = ['--import', 'tsx', join(ROOT, 'src/main/cli.ts'), 'import', SEED, '--publish', '--report', join(database.dataDir, 'report.json')];
        const first = await execFileAsync(process.execPath, cli, { cwd: ROOT, env });
        assert.match(first.stdout, /1 imported \(1 flagged: no date\), 0 skipped, 0 refused \(1 item\)/);
        const report = JSON.parse(readFileSync(join(database.dataDir, 'report.json'), 'utf8'));
        assert.equal(report.items[0].state, 'published');
        const second = await execFileAsync(process.execPath, cli.slice(0, -2), { cwd: ROOT, env });
        assert.match(second.stdout, /0 imported, 1 skipped, 0 refused/);

        const system = await composeSystem({ database: database.target, dataDir: database.dataDir });
        const web = await createWebApp(system, { siteName: 'Test', baseUrl: 'https://news.example.org', timeZone: 'Asia/Seoul', demo: false, logLevel: 'silent', viewFlushMs: 60_000, schedulerMs: 0 });
        try {
          const res = await web.app.inject({ method: 'GET', url: '/en/press-releases/1' });
          assert.equal(res.statusCode, 200);
          assertSeedPage(res.body);
          assert.equal((await web.app.inject({ method: 'GET', url: '/en/press-releases/2' })).statusCode, 404, 'the second run made no copy');
        } finally {
          await web.stop();
          await system.close();
        }
      } finally {
        await database.drop();
      }
    });
  });
}
