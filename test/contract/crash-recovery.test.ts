// "Keep it fixed" (issue #13, items 1 and 7): kill -9 a Pressroom process at random points of an
// `import-json` (while loading or while indexing) and of a scheduled batch, reschedule a release between
// crashes, restart, and check: every due release public exactly once (one publication in the audit
// trail, its own number), none early, nothing not yet due published, and search matching the
// database (`reindex --check` clean, nothing left in the outbox). The processes are children running
// the real composed system (test/support/crash-child.ts). Each run picks its kill points at random
// and reports them as test diagnostics.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { makeFakeClock } from '../../src/adapters/clock/system-clock.js';
import { InvalidStateError } from '../../src/domain/errors.js';
import { composeSystem, type System } from '../../src/main/compose.js';
import { eventually, randomInt, startCrashChild } from '../support/crash-harness.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { buildBoard, buildRelease, TEST_ACTOR } from '../support/factories.js';

const MINUTE = 60_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const { kind, skip } of databaseKinds()) {
  describe(`kill -9 during import-json and a scheduled batch on ${kind}`, { skip }, () => {
    let source: TestDatabase;
    let target: TestDatabase;
    let exportDir: string;
    let system: System;
    const clock = makeFakeClock(new Date(Date.now() - 60 * MINUTE));
    const published: number[] = [];
    const due: number[] = [];
    const later: number[] = [];
    let moved = 0;
    const killPoints: string[] = [];

    before(async () => {
      // The newsroom being moved: public releases (to index), releases due before the server starts
      // (its first batch), due while it crashes, not due for an hour, and one an editor will move.
      source = await createTestDatabase(kind);
      const old = await composeSystem({ database: source.target, dataDir: source.dataDir, clock, workerId: 'source' });
      try {
        await buildBoard(old, { slug: 'briefings' });
        for (let i = 0; i < 12; i++) published.push((await buildRelease(old, { boardSlug: 'briefings', title: `Harbour notice ${i}`, publishedAt: new Date(clock.now().getTime() - (20 - i) * MINUTE) })).release.id);
        const now = Date.now();
        const scheduled = async (title: string, at: number) => (await buildRelease(old, { boardSlug: 'briefings', state: 'scheduled', title, scheduledAt: new Date(at) })).release.id;
        for (let i = 0; i < 16; i++) due.push(await scheduled(`Tide table ${i}`, now - 10 * MINUTE + i * 1000));
        for (let i = 0; i < 3; i++) due.push(await scheduled(`Tide table soon ${i}`, now + 2000 + i * 500));
        for (let i = 0; i < 2; i++) later.push(await scheduled(`Tide table later ${i}`, now + 60 * MINUTE));
        moved = await scheduled('Tide table moved', now - 5 * MINUTE);
        exportDir = join(mkdtempSync(join(tmpdir(), 'pressroom-crash-')), 'export');
        await old.transfer.exportTo(exportDir);
      } finally {
        await old.close();
      }
      target = await createTestDatabase(kind);
      system = await composeSystem({ database: target.target, dataDir: target.dataDir, clock, workerId: 'test-parent' });
    });
    after(async () => {
      await system?.close();
      await source?.drop();
      await target?.drop();
      if (exportDir) rmSync(join(exportDir, '..'), { recursive: true, force: true });
    });

    const releaseCount = async () => Number((await system.db.selectFrom('releases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const unpublishedDue = async () => (await system.db.selectFrom('releases').select('id').where('id', 'in', due).where('status', '<>', 'published').execute()).length;

    /** Runs `import-json` and kills it after a random number of its progress lines (loading audit entries, then indexing). */
    async function crashImport(maxLine: number): Promise<void> {
      const child = startCrashChild(target, ['import', exportDir]);
      const k = randomInt(1, maxLine);
      killPoints.push(`import-json after ${k} progress line(s)`);
      await child.waitFor((line) => line.startsWith('imported ') || child.lines.filter((l) => l.startsWith('progress ')).length >= k);
      await pause(randomInt(0, 10));
      await child.kill();
    }

    test('every due release is public exactly once, none early, and search matches the database', async (t) => {
      t.after(() => t.diagnostic(`killed: ${killPoints.join('; ')}`));
      // 1. import-json killed while loading (nothing committed) or while indexing; killed again while
      //    indexing if the first kill came before the commit.
      await crashImport(10);
      if ((await releaseCount()) === 0) await crashImport(6);
      if ((await releaseCount()) === 0) await startCrashChild(target, ['import', exportDir]).exited;
      assert.ok((await releaseCount()) > 0, 'the import committed');

      // 2. The server starts (finishing the indexing and running the due batch) and is killed after a
      //    random number of publications.
      const child = startCrashChild(target, ['serve']);
      await child.waitFor((line) => line === 'ready');
      const k = randomInt(1, 12);
      killPoints.push(`server after ${k} publication(s)`);
      await child.waitFor(() => child.lines.filter((l) => l.startsWith('published ')).length >= k).catch(() => undefined);
      await pause(randomInt(0, 15));
      await child.kill();

      // 3. An editor moves one release an hour later, unless it went out already.
      clock.set(new Date());
      let movedAway = false;
      try {
        await system.commands.unscheduleRelease(moved, TEST_ACTOR);
        await system.commands.scheduleRelease(moved, new Date(Date.now() + 60 * MINUTE), TEST_ACTOR);
        movedAway = true;
      } catch (error) {
        if (!(error instanceof InvalidStateError)) throw error;
      }

      // 4. Restart and let it finish.
      const last = startCrashChild(target, ['serve']);
      try {
        await last.waitFor((line) => line === 'ready');
        await eventually(async () => (await unpublishedDue()) === 0 && (await system.search.indexing.outstanding()) === 0, 'every due release published and indexed');
      } finally {
        await last.kill();
      }

      const numbers = new Set<number>();
      for (const id of [...published, ...due, ...(movedAway ? [] : [moved])]) {
        const release = (await system.releases.getRelease(id))!;
        assert.equal(release.status, 'published', `release ${id} is public`);
        assert.equal((await system.audit.list({ action: 'release.published', subjectId: String(id), limit: 5 })).length, 1, `release ${id} was published once`);
        numbers.add(release.number!);
      }
      for (const id of [...due, ...(movedAway ? [] : [moved])]) {
        const edition = (await system.editions.latestEdition(id))!;
        assert.ok((await system.releases.getRelease(id))!.publicAt! >= edition.scheduledAt!, `release ${id} was not published early`);
      }
      assert.equal(numbers.size, published.length + due.length + (movedAway ? 0 : 1), 'every release has its own number');
      for (const id of [...later, ...(movedAway ? [moved] : [])]) {
        assert.equal((await system.releases.getRelease(id))?.status, 'unpublished', `release ${id} is not due and stays unpublished`);
        assert.equal((await system.jobs.pendingFor(id)).length, 1, `release ${id} keeps exactly one job`);
      }
      assert.deepEqual(await system.search.indexing.check(), { checked: await releaseCount(), missing: [], stale: [], extra: [] });
      const hits = await system.search.releases({ query: 'harbour', language: 'en', board: null, from: null, to: null, sort: 'newest', page: 1 });
      assert.equal(hits.total, published.length, 'search finds every imported public release');
    });
  });
}
