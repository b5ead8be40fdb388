import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

// The catalog's feed and sitemap queries, run unchanged against every database adapter.
for (const { kind, skip } of databaseKinds()) {
  describe(`feed and sitemap queries on ${kind}`, { skip }, () => {
    let t: TestSystem;
    before(async () => {
      t = await createTestSystem(kind);
    });
    after(async () => t?.close());

    /** A published release with tags, made through the commands (draft, tag, review, publish). */
    async function tagged(boardSlug: string, title: string, tags: string[]) {
      const { release, edition } = await buildRelease(t.system, { boardSlug, title, state: 'draft' });
      await t.system.commands.saveDraft(release.id, { title, subtitle: [], bodyMarkdown: 'Body', department: '', contact: null, tags, lockVersion: edition.lockVersion }, TEST_ACTOR);
      await t.system.commands.submitRelease(release.id, TEST_ACTOR);
      await t.system.commands.approveRelease(release.id, TEST_ACTOR);
      await t.system.commands.publishRelease(release.id, TEST_ACTOR);
      return release.id;
    }

    test('feedEntries: newest listed first, per board, language and exact tag; nothing unlisted', async () => {
      const board = await buildBoard(t.system);
      const other = await buildBoard(t.system);
      const now = () => t.clock.now();
      const older = await buildRelease(t.system, { boardSlug: board.slug, title: 'Older', files: [{ fileName: 'a.pdf', bytes: await pdfBytes() }] });
      t.clock.advance(1000);
      const defence = await tagged(board.slug, 'Defence item', ['국방', 'Budget "2027"']);
      t.clock.advance(1000);
      await tagged(other.slug, 'Other board', ['국방부']);
      await buildRelease(t.system, { boardSlug: board.slug, title: 'Draft', state: 'draft' });
      await buildRelease(t.system, { boardSlug: board.slug, title: 'Embargoed', state: 'embargoed' });
      await buildRelease(t.system, { boardSlug: board.slug, title: 'Withdrawn', state: 'withdrawn' });
      await buildRelease(t.system, { boardSlug: board.slug, title: '한국어', language: 'ko' });

      const boardFeed = await t.system.catalog.feedEntries({ language: 'en', boardId: board.id, tag: null, limit: 20, now: now() });
      assert.deepEqual(
        boardFeed.map((e) => e.title),
        ['Defence item', 'Older'],
      );
      const first = boardFeed[1]!;
      assert.equal(first.boardSlug, board.slug);
      assert.equal(first.number, older.release.number);
      assert.equal(first.attachments.length, 1);
      assert.equal(first.attachments[0]!.mimeType, 'application/pdf');
      assert.ok(first.attachments[0]!.byteSize > 0);
      assert.match(first.attachments[0]!.sha256, /^[0-9a-f]{64}$/);
      assert.ok(first.firstPublishedAt instanceof Date && first.publicUpdatedAt instanceof Date);

      const byTag = await t.system.catalog.feedEntries({ language: 'en', boardId: null, tag: '국방', limit: 20, now: now() });
      assert.deepEqual(
        byTag.map((e) => e.releaseId),
        [defence],
        'an exact tag: 국방 does not match 국방부',
      );
      assert.deepEqual(byTag[0]!.tags, ['국방', 'Budget "2027"']);
      assert.equal((await t.system.catalog.feedEntries({ language: 'en', boardId: null, tag: 'Budget "2027"', limit: 20, now: now() })).length, 1);
      assert.equal((await t.system.catalog.feedEntries({ language: 'en', boardId: null, tag: 'budget "2027"', limit: 20, now: now() })).length, 0, 'tags match case-sensitively');
      assert.equal((await t.system.catalog.feedEntries({ language: 'en', boardId: null, tag: null, limit: 2, now: now() })).length, 2, 'the limit holds');
      const korean = await t.system.catalog.feedEntries({ language: 'ko', boardId: board.id, tag: null, limit: 20, now: now() });
      assert.deepEqual(
        korean.map((e) => e.title),
        ['한국어'],
      );
    });

    test('sitemap queries: count, stable slices and per-board last change cover exactly the listed releases', async () => {
      const now = t.clock.now();
      const count = await t.system.catalog.listedCount(now);
      const all = await t.system.catalog.sitemapReleases(now, 0, 1000);
      assert.equal(all.length, count);
      const sliced = [...(await t.system.catalog.sitemapReleases(now, 0, 2)), ...(await t.system.catalog.sitemapReleases(now, 2, 1000))];
      assert.deepEqual(sliced, all, 'slices follow one stable order');
      assert.ok(all.every((r) => r.number > 0 && r.lastModified instanceof Date));
      const latest = await t.system.catalog.boardsLastModified(now);
      const boards = new Set(all.map((r) => `${r.boardSlug}:${r.language}`));
      assert.equal(latest.length, boards.size);
      assert.ok(latest.every((m) => m.lastModified.getTime() > 0));
      // The embargoed release joins everything at its time.
      t.clock.advance(3_600_000);
      assert.equal(await t.system.catalog.listedCount(t.clock.now()), count + 1);
    });
  });
}
