// Scheduled publishing after a crash (issue #13, item 1). A job carries the edition and the time it
// was made for and does nothing once either no longer matches; unschedule and reschedule cancel a job
// even while a worker holds it; a claim is a lease (60 s), and the claims of a process that died on
// this host are taken back at once. Every case: nothing early, nothing twice.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { after, before, describe, test } from 'node:test';
import { Migrator, sql } from 'kysely';
import { migrations } from '../../src/adapters/db/migrations/index.js';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { makeLocalWorker } from '../../src/adapters/jobs/local-worker.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

const editor: StaffActor = { userId: 22, label: 'editor@news.example', ip: '192.0.2.20', role: 'editor' };
const MINUTE = 60_000;

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

for (const { kind, skip } of databaseKinds()) {
  describe(`scheduled publishing after a crash on ${kind}`, { skip }, () => {
    let t: TestSystem;
    before(async () => {
      t = await createTestSystem(kind);
      await buildBoard(t.system, { slug: 'briefings' });
    });
    after(async () => t?.close());

    const at = (msFromNow: number) => new Date(t.clock.now().getTime() + msFromNow);
    const publications = async (releaseId: number) => (await t.system.audit.list({ action: 'release.published', subjectId: String(releaseId), limit: 5 })).length;
    const status = async (releaseId: number) => (await t.system.releases.getRelease(releaseId))?.status;

    test('a job claimed by a worker that died is taken back when its 60 s lease runs out, not 5 minutes later', async () => {
      const due = at(MINUTE);
      const { release } = await buildRelease(t.system, { boardSlug: 'briefings', state: 'scheduled', scheduledAt: due });
      t.clock.set(due);
      // A worker on another host claims the job and dies (kill -9) before publishing.
      const [claimed] = await t.system.jobs.claimDue(t.clock.now(), 'elsewhere:4242:1', 20, at(MINUTE));
      assert.equal(claimed?.releaseId, release.id);
      t.clock.advance(30_000);
      assert.equal(await t.system.commands.runDueJobs(), 0, 'the lease still holds');
      assert.equal(await status(release.id), 'unpublished');
      t.clock.advance(31_000);
      assert.equal(await t.system.commands.runDueJobs(), 1, 'taken back as soon as the lease ran out');
      assert.equal(await publications(release.id), 1);
      assert.ok((await t.system.releases.getRelease(release.id))!.publicAt! >= due, 'never early');
    });

    test('the claims of a process on this host that is gone are taken back at the next tick', async () => {
      const due = at(MINUTE);
      const { release } = await buildRelease(t.system, { boardSlug: 'briefings', state: 'scheduled', scheduledAt: due });
      t.clock.set(due);
      await t.system.jobs.claimDue(t.clock.now(), `${hostname()}:${deadPid()}:1`, 20, at(MINUTE));
      t.clock.advance(1000);
      assert.equal(await t.system.commands.runDueJobs(), 1, 'published on restart, not after the lease');
      assert.equal(await publications(release.id), 1);
      assert.equal(await t.system.commands.runDueJobs(), 0);
    });

    test('unscheduled while a worker holds the job, rescheduled 15 minutes later: published at the new time only, once', async () => {
      const first = at(MINUTE);
      const { release } = await buildRelease(t.system, { boardSlug: 'briefings', state: 'scheduled', scheduledAt: first });
      t.clock.set(first);
      await t.system.jobs.claimDue(t.clock.now(), 'elsewhere:4243:1', 20, at(MINUTE));
      await t.system.commands.unscheduleRelease(release.id, editor);
      const later = at(15 * MINUTE);
      await t.system.commands.scheduleRelease(release.id, later, editor);
      for (const minutes of [2, 6, 14]) {
        t.clock.set(new Date(first.getTime() + minutes * MINUTE));
        assert.equal(await t.system.commands.runDueJobs(), 0, `nothing published ${minutes} minutes after the old time`);
        assert.equal(await status(release.id), 'unpublished');
      }
      t.clock.set(later);
      assert.equal(await t.system.commands.runDueJobs(), 1);
      assert.deepEqual((await t.system.releases.getRelease(release.id))?.publicAt, later);
      t.clock.advance(10 * MINUTE);
      assert.equal(await t.system.commands.runDueJobs(), 0);
      assert.equal(await publications(release.id), 1, 'published exactly once');
      const jobs = await t.system.db.selectFrom('jobs').select(['status', 'scheduled_for']).where('release_id', '=', release.id).orderBy('id').execute();
      assert.deepEqual(
        jobs.map((j) => [j.status, Number(j.scheduled_for)]),
        [
          ['cancelled', first.getTime()],
          ['done', later.getTime()],
        ],
      );
    });

    test('a job made for another time than the edition is now scheduled for does nothing', async () => {
      const old = at(MINUTE);
      const current = at(20 * MINUTE);
      const { release, edition } = await buildRelease(t.system, { boardSlug: 'briefings', state: 'scheduled', scheduledAt: current });
      // A job left over from an earlier schedule of the same edition (as a crash could leave one).
      await t.system.jobs.enqueue({ kind: 'publish', releaseId: release.id, editionId: edition.id, scheduledFor: old }, t.clock.now());
      t.clock.set(old);
      assert.equal(await t.system.commands.runDueJobs(), 0, 'the old time publishes nothing');
      assert.equal(await status(release.id), 'unpublished');
      t.clock.set(current);
      assert.equal(await t.system.commands.runDueJobs(), 1);
      assert.equal(await publications(release.id), 1);
    });

    test('a retried job keeps the time it was made for', async () => {
      const due = at(MINUTE);
      const { release } = await buildRelease(t.system, { boardSlug: 'briefings', state: 'scheduled', scheduledAt: due });
      t.clock.set(due);
      const [job] = await t.system.jobs.claimDue(t.clock.now(), 'w', 20, at(MINUTE));
      await t.system.jobs.fail(job!.id, 'w', 'database went away', at(30_000));
      t.clock.advance(30_000);
      assert.equal(await t.system.commands.runDueJobs(), 1, 'the retry publishes: its run time moved, its scheduled time did not');
      assert.equal(await publications(release.id), 1);
    });

    test('a worker that lost its claim cannot complete, fail or revive the job', async () => {
      const due = at(MINUTE);
      const { release } = await buildRelease(t.system, { boardSlug: 'briefings', state: 'scheduled', scheduledAt: due });
      t.clock.set(due);
      const [job] = await t.system.jobs.claimDue(t.clock.now(), 'slow', 20, at(MINUTE));
      await t.system.commands.unscheduleRelease(release.id, editor);
      assert.equal(await t.system.jobs.renew(job!.id, 'slow', at(MINUTE)), false);
      assert.equal(await t.system.jobs.complete(job!.id, 'slow', t.clock.now()), false);
      await t.system.jobs.fail(job!.id, 'slow', 'late failure', at(1000));
      const row = await t.system.db.selectFrom('jobs').select('status').where('id', '=', job!.id).executeTakeFirstOrThrow();
      assert.equal(row.status, 'cancelled', 'a late failure does not put a cancelled job back in the queue');
    });
  });
}

describe('the local worker name', () => {
  test('a dead process on this host, or an earlier run of this pid, is gone; other hosts and live processes are not', () => {
    const me = makeLocalWorker('newsroom-1', process.pid, 2000);
    assert.equal(me.isGone(`newsroom-1:${deadPid()}:1000`), true);
    assert.equal(me.isGone(`newsroom-1:${process.pid}:1000`), true, 'same pid, earlier start: a restarted container');
    assert.equal(me.isGone(me.id), false);
    assert.equal(me.isGone(`newsroom-1:${process.ppid}:1000`), false, 'a running process');
    assert.equal(me.isGone(`newsroom-2:${deadPid()}:1000`), false, 'another host: left to the lease');
    assert.equal(me.isGone('one'), false);
  });
});


for (const { kind, skip } of databaseKinds()) {
  describe(`jobs from before leases (migration 2026120312) on ${kind}`, { skip }, () => {
    let t: TestSystem;
    before(async () => {
      t = await createTestSystem(kind);
      await buildBoard(t.system, { slug: 'briefings' });
    });
    after(async () => t?.close());

    test('a job left running by a crash before the upgrade, made for an earlier time, publishes nothing; the current one publishes once', async () => {
      const earlier = new Date(t.clock.now().getTime() + MINUTE);
      const current = new Date(t.clock.now().getTime() + 15 * MINUTE);
      const { release, edition } = await buildRelease(t.system, { boardSlug: 'briefings', state: 'scheduled', scheduledAt: current });
      const migrator = new Migrator({ db: t.system.db, provider: { getMigrations: async () => migrations } });
      assert.equal((await migrator.migrateTo('2026112901-search-walks')).error, undefined);
      // The jobs as the previous code left them: the earlier schedule's job still running (its worker
      // was killed), the current schedule's job pending.
      const db = t.system.db;
      await sql`delete from jobs`.execute(db);
      const legacy = (status: string, runAt: Date, lockedBy: string | null) =>
        sql`insert into jobs (kind, release_id, edition_id, run_at, status, attempts, locked_by, locked_at, created_at)
          values ('publish', ${release.id}, ${edition.id}, ${runAt.getTime()}, ${status}, ${lockedBy ? 1 : 0}, ${lockedBy}, ${lockedBy ? runAt.getTime() : null}, ${t.clock.now().getTime()})`.execute(db);
      await legacy('running', earlier, 'newsroom:4242');
      await legacy('pending', current, null);
      assert.equal((await migrator.migrateToLatest()).error, undefined);

      t.clock.set(new Date(earlier.getTime() + 6 * MINUTE));
      assert.equal(await t.system.commands.runDueJobs(), 0, 'the old job is claimed (it has no lease) and does nothing');
      assert.equal((await t.system.releases.getRelease(release.id))?.status, 'unpublished');
      t.clock.set(current);
      assert.equal(await t.system.commands.runDueJobs(), 1);
      assert.deepEqual((await t.system.releases.getRelease(release.id))?.publicAt, current);
      assert.deepEqual(
        (await db.selectFrom('jobs').select('status').orderBy('id').execute()).map((j) => j.status),
        ['done', 'done'],
      );
    });
  });
}
