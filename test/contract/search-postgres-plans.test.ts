// PostgreSQL reads a search's matches two ways (adapters/search/postgres-search-index.ts): walking
// the newest rows of its range when the probe finds the matches dense, or from the GIN bitmap. With
// a probe of four rows and walks of at most twenty, this small corpus takes every path, and each
// must return what the other would: the same totals, the same pages, nothing embargoed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makePostgresSearchIndex } from '../../src/adapters/search/postgres-search-index.js';
import { parseQuery } from '../../src/domain/search-text.js';
import type { SearchQuery } from '../../src/ports/search-index.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

const DAY = 86_400_000;
const postgres = databaseKinds().find((d) => d.kind === 'postgres')!;

describe('PostgreSQL search: walks and bitmaps agree', { skip: postgres.skip }, () => {
  let t: TestSystem;
  let boardId = 0;
  /** Newest first: every public release, then those with "beacon", then with "anchor". */
  const newest: number[] = [];
  const beacon: number[] = [];
  const anchor: number[] = [];
  let embargoed = 0;

  before(async () => {
    t = await createTestSystem('postgres');
    boardId = (await buildBoard(t.system, { slug: 'tides' })).id;
    const base = t.clock.now().getTime();
    // 30 releases, oldest first, all about the tide. "beacon": the 4 newest and the 2 oldest (dense
    // at the top, thin below); "anchor": every 8th (sparse).
    for (let i = 0; i < 30; i++) {
      const words = ['Tide tables for the week.'];
      if (i < 2 || i >= 26) words.push(i === 27 ? 'Beacon beacon beacon: the beacon relit.' : 'The beacon was checked.');
      if (i % 8 === 3) words.push('An anchor was found.');
      const { release } = await buildRelease(t.system, { boardSlug: 'tides', title: `Notice ${i}`, bodyMarkdown: words.join(' '), publishedAt: new Date(base - (40 - i) * DAY) });
      newest.unshift(release.id);
      if (i < 2 || i >= 26) beacon.unshift(release.id);
      if (i % 8 === 3) anchor.unshift(release.id);
    }
    // The newest first publication of all, under an embargo that lifts tomorrow.
    embargoed = (
      await buildRelease(t.system, {
        boardSlug: 'tides',
        state: 'embargoed',
        title: 'Beacon tide anchor',
        bodyMarkdown: 'Tide, beacon and anchor: embargoed.',
        publishedAt: new Date(base - DAY),
        embargoUntil: new Date(base + DAY),
      })
    ).release.id;
    await t.system.search.idle();
  });
  after(async () => t?.close());

  const index = (countLimit = 5) => makePostgresSearchIndex(t.system.db, { countLimit, probeRows: 4, maxWalkRows: 20 });
  const ask = async (query: string, sort: SearchQuery['sort'], limit: number, offset: number, countLimit?: number) => {
    const hits = await index(countLimit).search({ clauses: parseQuery(query), language: 'en', boardId, from: null, to: null, sort, limit, offset, now: t.clock.now() });
    return { total: hits.total, exact: hits.exact, ids: hits.items.map((h) => h.releaseId) };
  };

  test('a word in every release: counted by a walk, paged by walks near the top and the bitmap deeper down', async () => {
    assert.deepEqual(await ask('tide', 'newest', 3, 0), { total: 5, exact: false, ids: newest.slice(0, 3) });
    // 33 wanted at a density of 1 is past the 20-row walk: the bitmap answers, in the same order.
    assert.deepEqual(await ask('tide', 'newest', 3, 27), { total: 30, exact: true, ids: newest.slice(27, 30) });
    const all = await ask('tide', 'newest', 30, 0, 100);
    assert.deepEqual(all, { total: 30, exact: true, ids: newest });
    assert.ok(!all.ids.includes(embargoed), 'the embargoed release is never read');
  });

  test('a word dense at the top and thin below: the short walk is answered again from the bitmap', async () => {
    // The probe sees four matches in four rows; the walk count stops short of the limit, so the
    // bitmap counts all six, and the page that runs past the fourth comes from the bitmap.
    assert.deepEqual(await ask('beacon', 'newest', 5, 0, 10), { total: 6, exact: true, ids: beacon.slice(0, 5) });
    assert.deepEqual(await ask('beacon', 'newest', 5, 5, 10), { total: 6, exact: true, ids: beacon.slice(5) });
  });

  test('without a language or board the walk reads every release newest first; dates bound it', async () => {
    const search = index();
    const base = t.clock.now().getTime();
    const all = await search.search({ clauses: parseQuery('tide'), language: null, boardId: null, from: null, to: null, sort: 'newest', limit: 4, offset: 0, now: t.clock.now() });
    assert.deepEqual([all.total, all.exact, all.items.map((h) => h.releaseId)], [5, false, newest.slice(0, 4)]);
    // Between 20.5 and 15.5 days ago: notices 20 to 24 (notice i was published 40 - i days ago).
    const dated = await search.search({ clauses: parseQuery('tide'), language: 'en', boardId, from: new Date(base - 20.5 * DAY), to: new Date(base - 15.5 * DAY), sort: 'newest', limit: 3, offset: 0, now: t.clock.now() });
    assert.deepEqual([dated.total, dated.exact, dated.items.map((h) => h.releaseId)], [5, true, newest.slice(5, 8)]);
  });

  test('a rare word: counted and paged from the bitmap', async () => {
    assert.deepEqual(await ask('anchor', 'newest', 10, 0), { total: anchor.length, exact: true, ids: anchor });
  });

  test('relevance ranks the same matches whichever way they were read', async () => {
    const ranked = await ask('beacon', 'relevance', 10, 0, 10);
    assert.equal(ranked.total, 6);
    assert.equal(ranked.ids[0], beacon[2], 'the release that names the beacon four times leads');
    assert.deepEqual([...ranked.ids].sort(), [...beacon].sort());
  });

  test('when the embargo lifts, every path finds the release', async () => {
    t.clock.set(new Date(t.clock.now().getTime() + 2 * DAY));
    const first = await ask('beacon', 'newest', 1, 0, 10);
    assert.deepEqual(first, { total: 7, exact: true, ids: [embargoed] });
    assert.deepEqual((await ask('anchor', 'newest', 10, 0)).ids, [embargoed, ...anchor]);
  });
});
