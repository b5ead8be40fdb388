import { sql, type Kysely } from 'kysely';
import type { Job, JobQueue } from '../../ports/job-queue.js';
import { isPostgres } from './dialect.js';
import type { Database } from './schema.js';
import { claimableAt } from './lease-claims.js';

type JobRow = { id: number; kind: string; release_id: number; edition_id: number; run_at: number; scheduled_for: number | null; attempts: number };
const toJob = (r: JobRow): Job => ({
  id: r.id,
  kind: 'publish',
  releaseId: r.release_id,
  editionId: r.edition_id,
  // Rows from an export made before migration 2026120312 carry no scheduled time: their run_at.
  scheduledFor: new Date(Number(r.scheduled_for ?? r.run_at)),
  runAt: new Date(Number(r.run_at)),
  attempts: r.attempts,
});

export function makeJobQueue(db: Kysely<Database>): JobQueue {
  /** A running job this worker still holds. */
  const held = (id: number, workerId: string) => db.updateTable('jobs').where('id', '=', id).where('status', '=', 'running').where('locked_by', '=', workerId);

  return {
    async enqueue(job, at) {
      const runAt = job.scheduledFor.getTime();
      const row = await db
        .insertInto('jobs')
        .values({ kind: job.kind, release_id: job.releaseId, edition_id: job.editionId, run_at: runAt, scheduled_for: runAt, status: 'pending', created_at: at.getTime() })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toJob(row);
    },

    async cancelFor(releaseId, at) {
      const result = await db
        .updateTable('jobs')
        .set({ status: 'cancelled', locked_at: at.getTime(), lease_until: null })
        .where('release_id', '=', releaseId)
        .where('status', 'in', ['pending', 'running'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async claimDue(now, workerId, limit, leaseUntil) {
      // One UPDATE over a locked sub-select: on PostgreSQL `FOR UPDATE SKIP LOCKED` lets racing
      // schedulers each take different rows; SQLite has a single writer, so the statement is atomic.
      // A running job with no lease was claimed before leases existed: its worker is long gone.
      let due = db
        .selectFrom('jobs')
        .select('id')
        .where(claimableAt(now))
        .orderBy('run_at')
        .limit(limit);
      if (isPostgres(db)) due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('jobs')
        .set({ status: 'running', locked_by: workerId, locked_at: now.getTime(), lease_until: leaseUntil.getTime(), attempts: sql`attempts + 1` })
        .where('id', 'in', due)
        .returningAll()
        .execute();
      return rows.map(toJob).sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
    },

    async renew(id, workerId, leaseUntil) {
      const result = await held(id, workerId).set({ lease_until: leaseUntil.getTime() }).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async complete(id, workerId, at) {
      const result = await held(id, workerId).set({ status: 'done', locked_at: at.getTime(), lease_until: null }).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async fail(id, workerId, error, retryAt) {
      await held(id, workerId)
        .set(retryAt ? { status: 'pending', run_at: retryAt.getTime(), last_error: error, lease_until: null } : { status: 'failed', last_error: error, lease_until: null })
        .execute();
    },

    async holders() {
      const rows = await db.selectFrom('jobs').select('locked_by').distinct().where('status', '=', 'running').where('locked_by', 'is not', null).execute();
      return rows.map((r) => r.locked_by!);
    },

    async release(workerIds, at) {
      if (workerIds.length === 0) return 0;
      const result = await db
        .updateTable('jobs')
        .set({ lease_until: at.getTime() - 1 })
        .where('status', '=', 'running')
        .where('locked_by', 'in', workerIds)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async pendingFor(releaseId) {
      const rows = await db.selectFrom('jobs').selectAll().where('release_id', '=', releaseId).where('status', 'in', ['pending', 'running']).orderBy('run_at').execute();
      return rows.map(toJob);
    },
  };
}
