// The search index carries each release's filter columns (language, board, department, tags, first
// publication, public time) so a search never joins `releases` (migration 2026112809). These tests
// fail if those copies drift from the release: after a correction, a withdrawal, an embargo, a
// scheduled publication and a rebuild, the index must say what the release says.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { after, before, describe, test } from 'node:test';
import type { SearchFilterColumns } from '../../src/adapters/db/schema.js';
import type { SearchInput } from '../../src/app/search-releases.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, TEST_ACTOR } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

type IndexedRow = SearchFilterColumns;

const HOUR = 3_600_000;

for (const { kind, skip } of databaseKinds()) {
  describe(`search index columns on ${kind}`, { skip }, () => {
    let t: TestSystem;
    let otherBoard = 0;

    before(async () => {
      t = await createTestSystem(kind);
      await buildBoard(t.system, { slug: 'press-releases' });
      otherBoard = (await buildBoard(t.system, { slug: 'statements', kind: 'statement' })).id;
    });
    after(async () => t?.close());

    /** What the index holds for every release it holds, by release id. */
    async function indexed(): Promise<Map<number, IndexedRow>> {
      const table = kind === 'sqlite' ? 'search_fts_entries' : 'search_documents';
      const rows = await sql<IndexedRow>`select release_id, language, board_id, first_published_at, public_at, department, tags from ${sql.table(table)}`.execute(t.system.db);
      return new Map(rows.rows.map((r) => [Number(r.release_id), { ...r, release_id: Number(r.release_id), board_id: Number(r.board_id), first_published_at: Number(r.first_published_at), public_at: Number(r.public_at) }]));
    }

    /** What the index should hold: every published release, with its live edition's values. */
    async function expected(): Promise<Map<number, IndexedRow>> {
      const rows = await t.system.db
        .selectFrom('releases')
        .innerJoin('editions', 'editions.id', 'releases.live_edition_id')
        .select(['releases.id as release_id', 'releases.language', 'releases.board_id', 'releases.first_published_at', 'releases.public_at', 'editions.department', 'editions.tags'])
        .where('releases.status', '=', 'published')
        .execute();
      return new Map(
        rows.map((r) => [r.release_id, { ...r, board_id: Number(r.board_id), first_published_at: Number(r.first_published_at), public_at: Number(r.public_at) }]),
      );
    }

    async function assertInStep(message: string) {
      await t.system.search.idle();
      assert.deepEqual([...(await indexed()).entries()].sort(([a], [b]) => a - b), [...(await expected()).entries()].sort(([a], [b]) => a - b), message);
    }

    const search = (query: string, more: Partial<SearchInput> = {}) =>
      t.system.search.releases({ query, language: 'en', board: null, from: null, to: null, sort: 'newest', page: 1, ...more });
    const found = async (query: string, more: Partial<SearchInput> = {}) => {
      const results = await search(query, more);
      assert.equal(results.total, results.items.length, `${query}: the count and the page agree`);
      return results.items.map((i) => i.releaseId);
    };

    test('publication, correction and withdrawal keep the copied columns in step', async () => {
      const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Lighthouse keepers honoured', department: 'Maritime Office', tags: ['coast', '해안'] });
      await assertInStep('after publication');
      assert.deepEqual(await found('lighthouse', { department: 'Maritime Office' }), [release.id]);
      assert.deepEqual(await found('lighthouse', { tag: '해안' }), [release.id]);

      // A correction moves the department and the tags: the old values stop matching.
      const draft = await t.system.commands.startCorrection(release.id, TEST_ACTOR);
      await t.system.commands.saveDraft(
        release.id,
        { title: 'Lighthouse keepers honoured', subtitle: [], bodyMarkdown: 'Corrected.', department: 'Coast Guard', contact: null, tags: ['rescue'], lockVersion: draft.lockVersion },
        TEST_ACTOR,
      );
      await t.system.commands.submitRelease(release.id, TEST_ACTOR);
      await t.system.commands.approveRelease(release.id, TEST_ACTOR);
      await t.system.commands.publishRelease(release.id, TEST_ACTOR, { changeNote: 'New department' });
      await assertInStep('after a correction');
      assert.deepEqual(await found('lighthouse', { department: 'Maritime Office' }), []);
      assert.deepEqual(await found('lighthouse', { department: 'Coast Guard' }), [release.id]);
      assert.deepEqual(await found('lighthouse', { tag: 'coast' }), []);
      assert.deepEqual(await found('lighthouse', { tag: 'rescue' }), [release.id]);

      await t.system.commands.withdrawRelease(release.id, 'Issued in error', TEST_ACTOR);
      await assertInStep('after a withdrawal');
      assert.deepEqual(await found('lighthouse'), []);
    });

    test('language and board come from the release: a filter never finds another board or language', async () => {
      const en = await buildRelease(t.system, { boardSlug: 'statements', title: 'Ferry timetable statement', language: 'en' });
      const ko = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Ferry timetable 여객선', language: 'ko' });
      await assertInStep('after two boards and languages');
      assert.deepEqual(await found('ferry', { board: 'statements' }), [en.release.id]);
      assert.deepEqual(await found('ferry', { board: 'press-releases' }), []);
      assert.deepEqual(await found('ferry', { language: 'ko' }), [ko.release.id]);
      assert.deepEqual((await found('ferry', { language: null })).sort((a, b) => a - b), [en.release.id, ko.release.id].sort((a, b) => a - b));
      assert.equal((await indexed()).get(en.release.id)?.board_id, otherBoard);
    });

    test('an embargoed release is indexed with its public time and found from that moment, with no reindex', async () => {
      const embargoUntil = new Date(t.clock.now().getTime() + 2 * HOUR);
      const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', state: 'embargoed', title: 'Harbour dredging embargoed', embargoUntil });
      await assertInStep('after an embargoed publication');
      assert.equal((await indexed()).get(release.id)?.public_at, embargoUntil.getTime());
      assert.deepEqual(await found('dredging'), [], 'hidden (count included) before the embargo lifts');
      assert.deepEqual(await found('dredging', { sort: 'relevance' }), []);
      t.clock.set(new Date(embargoUntil.getTime() - 1));
      assert.deepEqual(await found('dredging'), [], 'one millisecond before');
      t.clock.set(embargoUntil);
      assert.deepEqual(await found('dredging'), [release.id], 'at the embargo end');
    });

    test('a scheduled release enters the index when the job publishes it', async () => {
      const scheduledAt = new Date(t.clock.now().getTime() + HOUR);
      const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', state: 'scheduled', title: 'Scheduled regatta notice', scheduledAt });
      await assertInStep('while scheduled');
      assert.equal((await indexed()).has(release.id), false);
      t.clock.set(scheduledAt);
      assert.equal(await t.system.commands.runDueJobs(), 1);
      await assertInStep('after the scheduled publication');
      assert.deepEqual(await found('regatta'), [release.id]);
    });

    test('newest first follows the first publication, and a date range is exact to the millisecond', async () => {
      const base = t.clock.now().getTime() - 100 * HOUR;
      const ids: number[] = [];
      // Published out of id order: the newest-first order must follow the dates.
      for (const offset of [5, 1, 3, 2, 4]) ids.push((await buildRelease(t.system, { boardSlug: 'press-releases', title: `Tidal survey ${offset}`, publishedAt: new Date(base + offset * HOUR) })).release.id);
      await assertInStep('after back-dated publications');
      const byDate = [...ids.keys()].sort((a, b) => [5, 1, 3, 2, 4][b]! - [5, 1, 3, 2, 4][a]!).map((i) => ids[i]!);
      assert.deepEqual(await found('tidal'), byDate);
      assert.deepEqual(await found('tidal', { from: new Date(base + 2 * HOUR), to: new Date(base + 4 * HOUR) }), [ids[2]!, ids[3]!]);
      assert.deepEqual(await found('tidal', { from: new Date(base + 2 * HOUR + 1), to: new Date(base + 4 * HOUR + 1) }), [ids[4]!, ids[2]!]);
    });

    test('a clashing sort key moves to the next free one (SQLite)', { skip: kind !== 'sqlite' && 'SQLite keys only' }, async () => {
      const at = new Date(t.clock.now().getTime() - 50 * HOUR);
      const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', state: 'approved', title: 'Buoy maintenance notice' });
      // Another entry already holds the key this release will want (first publication x 2^20 + id).
      const key = BigInt(at.getTime()) * 1_048_576n + BigInt(release.id);
      await sql`insert into search_fts_entries (release_id, sort_key, language, board_id, first_published_at, public_at, department, tags)
        values (${1_000_000 + release.id}, ${key}, 'en', 0, ${at.getTime()}, ${at.getTime()}, '', '[]')`.execute(t.system.db);
      await t.system.commands.publishRelease(release.id, TEST_ACTOR, { publishedAt: at });
      await t.system.search.idle();
      const keys = await sql<{ k: string }>`select cast(sort_key as text) as k from search_fts_entries where release_id = ${release.id}`.execute(t.system.db);
      assert.equal(keys.rows[0]?.k, (key + 1n).toString());
      assert.deepEqual(await found('buoy'), [release.id]);
      await sql`delete from search_fts_entries where release_id = ${1_000_000 + release.id}`.execute(t.system.db);
    });

    test('a rebuild writes the same columns as the events did', async () => {
      const before = await indexed();
      await t.system.search.index.rebuild();
      assert.deepEqual([...(await indexed()).entries()].sort(([a], [b]) => a - b), [...before.entries()].sort(([a], [b]) => a - b));
      await assertInStep('after a rebuild');
    });
  });
}
