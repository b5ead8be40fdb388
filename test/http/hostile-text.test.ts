import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, TEST_ACTOR } from '../support/factories.js';
import { createTestSystem } from '../support/system.js';
import { createTestWeb, type TestWeb } from '../support/web.js';
import { assertWellFormedXml } from '../support/xml.js';

// Text pasted from Word or HWP: backspace, vertical tab, form feed, NUL, DEL, CR line ends, and
// Hangul as conjoining jamo (NFD). Every writer must store it clean, and every feed stay XML.
const CONTROLS = '\u0008\u000B\u000C\u0000\u007F';
/** The controls XML 1.0 forbids outright (DEL is allowed there, though writers remove it too). */
const XML_ILLEGAL = '\u0008\u000B\u000C\u001F'; // no NUL: PostgreSQL text refuses it outright
const hostile = (label: string) => ({
  title: `${label}\u0008 minister's\u000B plan\u000C for 2027`,
  clean: `${label} minister's plan for 2027`,
  subtitle: `first\u000B line`,
  body: `Para\u0008graph one.\r\n\r\nSecond\u000C paragraph with \u1100\u1161\u11A8 jamo.`,
  tag: `tag\u0008${label.toLowerCase()}`,
});
const SURFACES = ['/en/feed.xml', '/en/feed.atom', '/en/press-releases/feed.xml', '/en/press-releases/feed.atom', '/sitemap.xml'];
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['item', 'entry'].includes(name) });

/** Every feed and the sitemap: well-formed XML 1.0, and the feeds carry the clean titles. */
async function assertFeedsClean(t: TestWeb, titles: string[]) {
  await t.settled();
  for (const url of SURFACES) {
    const res = await t.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, url);
    assertWellFormedXml(res.body, url);
  }
  const rss = parser.parse((await t.app.inject({ method: 'GET', url: '/en/feed.xml' })).body) as { rss: { channel: { item: { title: string; description?: string }[] } } };
  const rssTitles = rss.rss.channel.item.map((i) => i.title);
  for (const title of titles) assert.ok(rssTitles.includes(title), `RSS carries "${title}" as plain text: ${JSON.stringify(rssTitles)}`);
}

/** The stored edition is clean: no control characters, LF line ends, NFC. */
async function assertStoredClean(t: TestWeb, releaseId: number, h: ReturnType<typeof hostile>) {
  const edition = (await t.system.editions.latestEdition(releaseId))!;
  assert.equal(edition.title, h.clean);
  assert.deepEqual(edition.subtitle, ['first line']);
  assert.equal(edition.bodyMarkdown, 'Paragraph one.\n\nSecond paragraph with 각 jamo.');
  assert.deepEqual(edition.tags, [`tag${h.title.split('\u0008')[0]!.toLowerCase()}`]);
  for (const text of [edition.title, edition.bodyMarkdown, ...edition.subtitle, ...edition.tags]) assert.doesNotMatch(text, new RegExp(`[${CONTROLS}\r]`));
}

/** JSON-LD of a release page: parses, and carries no control character. */
async function assertJsonLdClean(t: TestWeb, number: number) {
  const page = await t.app.inject({ method: 'GET', url: `/en/press-releases/${number}` });
  assert.equal(page.statusCode, 200);
  const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.body)?.[1];
  assert.ok(script, 'the page has structured data');
  assert.doesNotMatch(JSON.stringify(JSON.parse(script)), /\\u000[0-8bcef]|\\b|\\f/i);
}

for (const { kind, skip } of databaseKinds()) {
  describe(`hostile text through every writer keeps feeds well-formed on ${kind}`, { skip }, () => {
    let t: TestWeb;
    const dirs: string[] = [];
    before(async () => {
      t = await createTestWeb(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
    });
    after(async () => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      await t?.close();
    });

    test('the admin form', async () => {
      const h = hostile('Admin');
      const writer = new StaffBrowser(t, staffUser('writer'));
      const res = await writer.post('/admin/releases', { boardSlug: 'press-releases', language: 'en', title: h.title, subtitle: h.subtitle, bodyMarkdown: h.body, tags: h.tag });
      assert.equal(res.statusCode, 303, res.body);
      const id = Number(/\/admin\/releases\/(\d+)/.exec(res.headers.location as string)?.[1]);
      await assertStoredClean(t, id, h);
      await t.system.commands.submitRelease(id, TEST_ACTOR);
      await t.system.commands.approveRelease(id, TEST_ACTOR);
      await t.system.commands.publishRelease(id, TEST_ACTOR);
      await assertFeedsClean(t, [h.clean]);
      await assertJsonLdClean(t, (await t.system.releases.getRelease(id))!.number!);
    });

    test('the JSON API', async () => {
      const h = hostile('Api');
      const owner = await t.system.accounts.createUser({ email: `api-${kind}@press.example`, name: 'API', role: 'writer', password: 'correct horse battery staple' }, TEST_ACTOR);
      const { secret } = await t.system.apiTokens.create({ name: 'hostile', ownerEmail: owner.email, scopes: ['drafts:write'], expiresAt: null }, { ...TEST_ACTOR, role: 'admin' });
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/releases',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ board: 'press-releases', language: 'en', title: h.title, subtitle: [h.subtitle], body_markdown: h.body, tags: [h.tag] }),
      });
      assert.equal(res.statusCode, 201, res.body);
      const id = (res.json() as { data: { id: number } }).data.id;
      await assertStoredClean(t, id, h);
      await t.system.commands.submitRelease(id, TEST_ACTOR);
      await t.system.commands.approveRelease(id, TEST_ACTOR);
      await t.system.commands.publishRelease(id, TEST_ACTOR);
      await assertFeedsClean(t, [h.clean]);
    });

    test('the feed importer and the scraped-page importer', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pressroom-hostile-'));
      dirs.push(dir);
      const h = hostile('Rss');
      const rss = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Old site</title><link>https://old.example/</link><description>x</description>
<item><title>${h.title}</title><link>https://old.example/1</link><guid>old-1</guid><pubDate>Tue, 03 Mar 2026 09:00:00 +0900</pubDate><category>${h.tag}</category><description><![CDATA[<p>${h.body}</p>]]></description></item>
</channel></rss>`;
      writeFileSync(join(dir, 'feed.rss.xml'), rss);
      const report = await t.system.imports.importSource(await t.system.imports.read(join(dir, 'feed.rss.xml')), { source: 'feed', mode: 'publish', dryRun: false, timeZone: 'Asia/Seoul', boardSlug: 'press-releases', language: 'en' });
      const id = report.items[0]!.releaseId!;
      assert.ok(id, JSON.stringify(report.items));
      const edition = (await t.system.editions.latestEdition(id))!;
      assert.equal(edition.title, h.clean);
      assert.doesNotMatch(edition.title + edition.bodyMarkdown + edition.tags.join(''), new RegExp(`[${CONTROLS}]`));

      // A scraped page (the old board's text) with a backspace after every "a" and CR line ends.
      const pages = join(dir, 'pages');
      mkdirSync(pages);
      const fixture = readFileSync(new URL('../fixtures/import/en-news-cut128.txt', import.meta.url), 'utf8');
      writeFileSync(join(pages, 'page.txt'), fixture.replaceAll('a', 'a\u0008').replaceAll('\n', '\r\n'));
      const pageReport = await t.system.imports.importSource(await t.system.imports.read(pages), { source: 'pages', mode: 'publish', dryRun: false, timeZone: 'Asia/Seoul', boardSlug: 'press-releases', language: 'en', undated: 'publish' });
      const pageId = pageReport.items[0]!.releaseId!;
      assert.ok(pageId, JSON.stringify(pageReport.items));
      const pageEdition = (await t.system.editions.latestEdition(pageId))!;
      assert.match(pageEdition.title, /^Navy and coast guard/);
      assert.doesNotMatch(pageEdition.title + pageEdition.subtitle.join('') + pageEdition.bodyMarkdown, new RegExp(`[${CONTROLS}\r]`));
      await assertFeedsClean(t, [h.clean]);
    });

    test('import-json', async () => {
      const h = hostile('Json');
      const dir = mkdtempSync(join(tmpdir(), 'pressroom-hostile-json-'));
      dirs.push(dir);
      // An export whose release carries raw control characters (as a hand-edited or foreign file might).
      const source = await createTestSystem(kind);
      try {
        await buildBoard(source.system, { slug: 'press-releases' });
        await buildRelease(source.system, { boardSlug: 'press-releases', title: 'MARKER-TITLE', bodyMarkdown: 'MARKER-BODY' });
        await source.system.transfer.exportTo(join(dir, 'out'));
      } finally {
        await source.close();
      }
      const file = join(dir, 'out', 'releases.ndjson');
      const text = readFileSync(file, 'utf8').replaceAll('MARKER-TITLE', JSON.stringify(h.title).slice(1, -1)).replaceAll('MARKER-BODY', JSON.stringify(h.body).slice(1, -1));
      writeFileSync(file, text);
      const manifestPath = join(dir, 'out', 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { streams: Record<string, { sha256: string }> };
      manifest.streams.releases!.sha256 = createHash('sha256').update(text).digest('hex');
      writeFileSync(manifestPath, JSON.stringify(manifest));

      const target = await createTestWeb(kind);
      try {
        await target.system.transfer.importFrom(join(dir, 'out'), { dryRun: false });
        const [row] = await target.system.db.selectFrom('editions').select(['title', 'body_markdown']).execute();
        assert.equal(row!.title, h.clean);
        assert.equal(row!.body_markdown, 'Paragraph one.\n\nSecond paragraph with 각 jamo.');
        await assertFeedsClean(target, [h.clean]);
      } finally {
        await target.close();
      }
    });

    test('a row written around every writer (an old database) still gives well-formed feeds', async () => {
      const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Legacy row', subtitle: ['Legacy subtitle'], tags: ['legacy'] });
      await t.system.db
        .updateTable('editions')
        .set({ title: `Legacy${XML_ILLEGAL} row`, subtitle: JSON.stringify([`sub${XML_ILLEGAL}`]), body_markdown: `body${XML_ILLEGAL}`, tags: JSON.stringify([`legacy${XML_ILLEGAL}`]) })
        .where('id', '=', release.liveEditionId!)
        .execute();
      // Another publication drops the cached feeds, so they are rebuilt from the raw row.
      await buildRelease(t.system, { boardSlug: 'press-releases', title: 'After the legacy row' });
      await assertFeedsClean(t, ['Legacy row', 'After the legacy row']);
      await assertJsonLdClean(t, release.number!);
    });
  });
}
