// The shortcuts taken for 100,000 releases (bench/scale.ts) must not change what a reader sees:
// relevance ranks a window of the newest matches and continues newest first past it, and the API
// list's newest-first order holds even when long embargoes put old releases at the top of public_at.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makePostgresSearchIndex } from '../../src/adapters/search/postgres-search-index.js';
import { makeSqliteSearchIndex } from '../../src/adapters/search/sqlite-search-index.js';
import { parseQuery } from '../../src/domain/search-text.js';
import type { SearchIndex, SearchQuery } from '../../src/ports/search-index.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

const DAY = 86_400_000;

for (const { kind, skip } of databaseKinds()) {
  describe(`relevance window on ${kind}`, { skip }, () => {
    let t: TestSystem;
    const ids = new Map<number, string>();
    let boardId = 0;

    before(async () => {
      t = await createTestSystem(kind);
      boardId = (await buildBoard(t.system, { slug: 'harbour-news' })).id;
      const base = t.clock.now().getTime();
      // Oldest first; D1 mentions the harbour most, but is the oldest.
      const specs: [string, string, string][] = [
        ['D1', 'Harbour harbour harbour harbour', 'The harbour, the harbour, the harbour and the harbour again.'],
        ['D2', 'Notes from the coast', 'A harbour is mentioned once in these notes.'],
        ['D3', 'Weekly roundup', 'The harbour office opened its doors this week.'],
        ['D4', 'Harbour harbour review', 'The harbour review covers harbour fees and harbour works.'],
        ['D5', 'Fisheries update', 'Boats returned to the harbour before the storm arrived.'],
        ['D6', 'Harbour day', 'Visitors toured the harbour with the mayor today.'],
      ];
      for (const [i, [key, title, body]] of specs.entries()) {
        const { release } = await buildRelease(t.system, { boardSlug: 'harbour-news', title, bodyMarkdown: body, publishedAt: new Date(base - (10 - i) * DAY) });
        ids.set(release.id, key);
      }
      await t.system.search.idle();
    });
    after(async () => t?.close());

    const index = (relevanceWindow?: number, countLimit?: number): SearchIndex =>
      kind === 'postgres' ? makePostgresSearchIndex(t.system.db, { relevanceWindow, countLimit }) : makeSqliteSearchIndex(t.system.db, { relevanceWindow, countLimit });
    const ask = async (search: SearchIndex, sort: SearchQuery['sort'], limit: number, offset: number, query = 'harbour') => {
      const hits = await search.search({ clauses: parseQuery(query), language: 'en', boardId, from: null, to: null, sort, limit, offset, now: t.clock.now() });
      return { total: hits.total, exact: hits.exact, keys: hits.items.map((h) => ids.get(h.releaseId)) };
    };

    test('with every match inside the window, the most relevant comes first', async () => {
      const { total, keys } = await ask(index(), 'relevance', 10, 0);
      assert.equal(total, 6);
      assert.equal(keys[0], 'D1');
      assert.deepEqual([...keys].sort(), ['D1', 'D2', 'D3', 'D4', 'D5', 'D6']);
    });

    test('past the window, results continue newest first; the total still counts every match', async () => {
      const search = index(3);
      const all = await ask(search, 'relevance', 10, 0);
      assert.equal(all.total, 6);
      // D4, D5 and D6 are the newest three: D4 (five mentions) leads them; then D3, D2, D1 by date.
      assert.equal(all.keys[0], 'D4');
      assert.deepEqual([...all.keys.slice(0, 3)].sort(), ['D4', 'D5', 'D6']);
      assert.deepEqual(all.keys.slice(3), ['D3', 'D2', 'D1']);
      // A page straddling the window's end joins the two orders without a gap or a repeat.
      const straddling = await ask(search, 'relevance', 2, 2);
      assert.deepEqual(straddling.keys, [all.keys[2], 'D3']);
      const beyond = await ask(search, 'relevance', 2, 4);
      assert.deepEqual(beyond.keys, ['D2', 'D1']);
    });

    test('counting stops past the count limit: the total becomes a lower bound, the pages stay whole', async () => {
      const search = index(undefined, 3);
      for (const sort of ['newest', 'relevance'] as const) {
        const first = await ask(search, sort, 2, 0);
        assert.deepEqual([first.total, first.exact], [3, false], `${sort}: "more than 3", not 6`);
        assert.equal(first.keys.length, 2);
        // A page past the limit counts as far as that page, and still finds its matches.
        const deep = await ask(search, sort, 2, 4);
        assert.deepEqual([deep.total, deep.exact], [6, true], `${sort}: counting reached the end`);
        assert.equal(deep.keys.length, 2);
      }
      const newest = await ask(search, 'newest', 2, 2);
      assert.deepEqual([newest.total, newest.exact, newest.keys], [4, false, ['D4', 'D3']]);
      // Fewer matches than the limit: exact as ever.
      assert.deepEqual(await ask(search, 'newest', 10, 0, 'storm'), { total: 1, exact: true, keys: ['D5'] });
    });

    test('newest first is unaffected by the window', async () => {
      const { keys } = await ask(index(3), 'newest', 10, 0);
      assert.deepEqual(keys, ['D6', 'D5', 'D4', 'D3', 'D2', 'D1']);
    });
  });

  describe(`API list order behind long embargoes on ${kind}`, { skip }, () => {
    let t: TestSystem;
    const expected: number[] = [];
    let boardId = 0;

    before(async () => {
      t = await createTestSystem(kind);
      boardId = (await buildBoard(t.system, { slug: 'embargo-heavy' })).id;
      const base = t.clock.now().getTime();
      // 22 releases published a month ago under embargoes that lift tomorrow: their public_at is
      // later than that of every other release, their first publication earlier.
      const embargoed: number[] = [];
      for (let i = 0; i < 22; i++) {
        const { release } = await buildRelease(t.system, {
          boardSlug: 'embargo-heavy',
          state: 'embargoed',
          publishedAt: new Date(base - 30 * DAY + i * 60_000),
          embargoUntil: new Date(base + DAY + i * 3_600_000),
        });
        embargoed.push(release.id);
      }
      const recent: number[] = [];
      for (const daysAgo of [10, 9, 8]) recent.push((await buildRelease(t.system, { boardSlug: 'embargo-heavy', publishedAt: new Date(base - daysAgo * DAY) })).release.id);
      expected.push(...recent.reverse(), ...embargoed.reverse());
      t.clock.set(new Date(base + 2 * DAY));
    });
    after(async () => t?.close());

    const list = (limit: number, after: { firstPublishedAt: Date; releaseId: number } | null = null) =>
      t.system.catalog.listedReleases({ boardId, language: null, tag: null, since: null, until: null, after, limit, now: t.clock.now() });

    test('the first page holds the latest first publications, not the latest embargo ends', async () => {
      assert.deepEqual(
        (await list(1)).map((r) => r.releaseId),
        expected.slice(0, 1),
      );
      assert.deepEqual(
        (await list(4)).map((r) => r.releaseId),
        expected.slice(0, 4),
      );
    });

    test('walking the cursor visits every release once, newest first publication first', async () => {
      const seen: number[] = [];
      let cursor: { firstPublishedAt: Date; releaseId: number } | null = null;
      for (;;) {
        const page = await list(5, cursor);
        if (page.length === 0) break;
        seen.push(...page.map((r) => r.releaseId));
        const last = page.at(-1)!;
        cursor = { firstPublishedAt: last.firstPublishedAt, releaseId: last.releaseId };
      }
      assert.deepEqual(seen, expected);
    });
  });
}
