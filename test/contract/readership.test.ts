import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeReadership } from '../../src/adapters/db/readership.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

/** Records `n` page views of a release at the clock's current time. */
function view(t: TestSystem, releaseId: number, n: number) {
  for (let i = 0; i < n; i++) t.system.views.record(releaseId);
}

// Readership (#16): views per day in the newsroom's zone (Asia/Seoul here), top releases, export.
for (const { kind, skip } of databaseKinds()) {
  describe(`readership on ${kind}`, { skip }, () => {
    let t: TestSystem;
    before(async () => {
      t = await createTestSystem(kind);
    });
    after(async () => t?.close());

    test('views are counted on the Seoul day they happened, across midnight, with the totals', async () => {
      const board = await buildBoard(t.system);
      const { release } = await buildRelease(t.system, { boardSlug: board.slug, title: '자정을 넘긴 보도자료' });
      t.clock.set(new Date('2026-11-21T14:59:58Z')); // 23:59:58 on 21 November in Seoul
      view(t, release.id, 2);
      t.clock.set(new Date('2026-11-21T15:00:01Z')); // 00:00:01 on 22 November in Seoul, same batch
      view(t, release.id, 3);
      assert.equal(await t.system.views.flush(), 5);
      view(t, release.id, 4); // a second batch adds to the day already counted
      await t.system.views.flush();
      const { days, total, release: named } = await t.system.readership.releaseDays(release.id, { from: '2026-11-20', to: '2026-11-23' });
      assert.deepEqual(days, [
        { day: '2026-11-20', views: 0 },
        { day: '2026-11-21', views: 2 },
        { day: '2026-11-22', views: 7 },
        { day: '2026-11-23', views: 0 },
      ]);
      assert.equal(total, 9);
      assert.equal(named.title, '자정을 넘긴 보도자료');
      assert.equal(named.totalViews, 9, 'the day rows and the release total come from one batch');
    });

    test('a batch naming a release that does not exist still writes the others', async () => {
      const board = await buildBoard(t.system);
      const { release } = await buildRelease(t.system, { boardSlug: board.slug });
      t.clock.set(new Date('2026-11-25T03:00:00Z'));
      view(t, release.id, 1);
      view(t, 999_999, 2);
      await t.system.views.flush();
      assert.equal(t.system.views.pendingFor(999_999), 0, 'not put back to be retried forever');
      const { days } = await t.system.readership.releaseDays(release.id, { from: '2026-11-25', to: '2026-11-25' });
      assert.deepEqual(days, [{ day: '2026-11-25', views: 1 }]);
    });

    test('top releases of the last 7 and 30 days, most viewed first, only views inside each period', async () => {
      const board = await buildBoard(t.system);
      const a = (await buildRelease(t.system, { boardSlug: board.slug, title: 'Old favourite' })).release;
      const b = (await buildRelease(t.system, { boardSlug: board.slug, language: 'ko', title: '이번 주 화제' })).release;
      const c = (await buildRelease(t.system, { boardSlug: board.slug, title: 'Quiet one' })).release;
      t.clock.set(new Date('2026-09-10T03:00:00Z'));
      view(t, a.id, 500); // 10 September: outside both periods seen from 20 October
      t.clock.set(new Date('2026-10-05T03:00:00Z'));
      view(t, a.id, 40); // inside the month, outside the week
      t.clock.set(new Date('2026-10-18T03:00:00Z'));
      view(t, b.id, 30);
      view(t, c.id, 2);
      view(t, a.id, 5);
      await t.system.views.flush();
      t.clock.set(new Date('2026-10-20T03:00:00Z'));
      const { week, month } = await t.system.readership.overview();
      assert.deepEqual([week.from, week.to, month.from, month.to], ['2026-10-14', '2026-10-20', '2026-09-21', '2026-10-20']);
      assert.deepEqual(week.releases.map((r) => [r.title, r.views]), [['이번 주 화제', 30], ['Old favourite', 5], ['Quiet one', 2]]);
      assert.deepEqual(month.releases.map((r) => [r.title, r.views]), [['Old favourite', 45], ['이번 주 화제', 30], ['Quiet one', 2]]);
      assert.equal(week.releases[0]?.language, 'ko');
      assert.equal(week.releases[0]?.number, b.number);
      assert.equal(week.releases[1]?.totalViews, 545);
    });

    test('the export reads every (day, release) count of a period in day order, a batch at a time', async () => {
      const board = await buildBoard(t.system);
      const x = (await buildRelease(t.system, { boardSlug: board.slug, title: 'Export X' })).release;
      const y = (await buildRelease(t.system, { boardSlug: board.slug, language: 'ko', title: '내보내기 Y' })).release;
      for (const [at, id, n] of [['2026-09-01T03:00:00Z', x.id, 1], ['2026-09-01T04:00:00Z', y.id, 2], ['2026-09-02T03:00:00Z', y.id, 3], ['2026-09-03T03:00:00Z', x.id, 4], ['2026-09-04T03:00:00Z', x.id, 5]] as const) {
        t.clock.set(new Date(at));
        view(t, id, n);
      }
      await t.system.views.flush();
      const readership = makeReadership(t.system.db);
      const rows = [];
      for await (const r of readership.exportRows({ fromDay: '2026-09-01', toDay: '2026-09-03' }, 2)) rows.push([r.day, r.release.title, r.views]);
      assert.deepEqual(rows, [
        ['2026-09-01', 'Export X', 1],
        ['2026-09-01', '내보내기 Y', 2],
        ['2026-09-02', '내보내기 Y', 3],
        ['2026-09-03', 'Export X', 4],
      ]);
      const onlyY = [];
      for await (const r of readership.exportRows({ fromDay: '2026-09-01', toDay: '2026-09-30', releaseId: y.id }, 1)) onlyY.push(r.views);
      assert.deepEqual(onlyY, [2, 3]);
    });
  });
}
