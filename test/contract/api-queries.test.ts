import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, pdfBytes } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

// The catalog's JSON API queries (listedReleases, tagCounts), run unchanged against every database.
for (const { kind, skip } of databaseKinds()) {
  describe(`API catalog queries on ${kind}`, { skip }, () => {
    let t: TestSystem;
    before(async () => {
      t = await createTestSystem(kind);
    });
    after(async () => t?.close());

    test('listedReleases: newest first, filters, keyset pages, nothing unlisted', async () => {
      const board = await buildBoard(t.system);
      const other = await buildBoard(t.system);
      const ids: number[] = [];
      for (let i = 1; i <= 4; i++) {
        t.clock.advance(1000);
        const { release } = await buildRelease(t.system, { boardSlug: board.slug, title: `Item ${i}`, tags: i === 2 ? ['국방', 'Budget "2027"'] : ['국방부'], ...(i === 1 ? { files: [{ fileName: 'a.pdf', bytes: await pdfBytes() }] } : {}) });
        ids.push(release.id);
      }
      await buildRelease(t.system, { boardSlug: other.slug, title: '한국어', language: 'ko' });
      await buildRelease(t.system, { boardSlug: board.slug, title: 'Draft', state: 'draft', tags: ['국방'] });
      await buildRelease(t.system, { boardSlug: board.slug, title: 'Embargoed', state: 'embargoed', tags: ['국방'] });
      await buildRelease(t.system, { boardSlug: board.slug, title: 'Withdrawn', state: 'withdrawn', tags: ['국방'] });
      const now = t.clock.now();
      const base = { boardId: board.id, language: null, tag: null, since: null, until: null, after: null, limit: 10, now };

      const all = await t.system.catalog.listedReleases(base);
      assert.deepEqual(
        all.map((r) => r.title),
        ['Item 4', 'Item 3', 'Item 2', 'Item 1'],
      );
      assert.equal(all[3]!.hasAttachments, true);
      assert.equal(all[0]!.hasAttachments, false);
      assert.equal(all[0]!.boardSlug, board.slug);
      assert.ok(all[0]!.firstPublishedAt instanceof Date);

      const ko = await t.system.catalog.listedReleases({ ...base, boardId: null, language: 'ko' });
      assert.deepEqual(
        ko.map((r) => r.title),
        ['한국어'],
      );
      const tagged = await t.system.catalog.listedReleases({ ...base, tag: '국방' });
      assert.deepEqual(
        tagged.map((r) => r.releaseId),
        [ids[1]],
        'an exact tag: 국방 does not match 국방부',
      );
      const window = await t.system.catalog.listedReleases({ ...base, since: all[2]!.firstPublishedAt, until: all[0]!.firstPublishedAt });
      assert.deepEqual(
        window.map((r) => r.title),
        ['Item 3', 'Item 2'],
      );

      const first = await t.system.catalog.listedReleases({ ...base, limit: 2 });
      const last = first.at(-1)!;
      const second = await t.system.catalog.listedReleases({ ...base, limit: 2, after: { firstPublishedAt: last.firstPublishedAt, releaseId: last.releaseId } });
      assert.deepEqual(
        [...first, ...second].map((r) => r.title),
        ['Item 4', 'Item 3', 'Item 2', 'Item 1'],
      );
    });

    test('tagCounts: listed releases only, most used first, per language', async () => {
      const board = await buildBoard(t.system);
      await buildRelease(t.system, { boardSlug: board.slug, tags: ['alpha', 'beta'] });
      await buildRelease(t.system, { boardSlug: board.slug, tags: ['beta'] });
      await buildRelease(t.system, { boardSlug: board.slug, tags: ['gamma'], language: 'ko' });
      await buildRelease(t.system, { boardSlug: board.slug, tags: ['hidden'], state: 'embargoed' });
      await buildRelease(t.system, { boardSlug: board.slug, tags: ['hidden'], state: 'withdrawn' });
      await buildRelease(t.system, { boardSlug: board.slug, tags: ['hidden'], state: 'draft' });
      const en = await t.system.catalog.tagCounts('en', t.clock.now());
      assert.deepEqual(
        en.filter((c) => ['alpha', 'beta', 'hidden'].includes(c.tag)),
        [
          { tag: 'beta', count: 2 },
          { tag: 'alpha', count: 1 },
        ],
      );
      const all = await t.system.catalog.tagCounts(null, t.clock.now());
      assert.ok(all.some((c) => c.tag === 'gamma'));
      assert.ok(!all.some((c) => c.tag === 'hidden'));
    });
  });
}
