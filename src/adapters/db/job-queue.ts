import { sql, type Kysely } from 'kysely';
import type { Job, JobQueue } from '../../ports/job-queue.js';
import { isPostgres } from './dialect.js';
import type { Database } from './schema.js';

/** A job left "running" this long is taken to have lost its worker and is claimed again. */
const STALE_MS = 5 * 60_000;

type JobRow = { id: number; kind: string; release_id: number; edition_id: number; run_at: number; attempts: number };
const toJob = (r: JobRow): Job => ({ id: r.id, kind: 'publish', releaseId: r.release_id, editionId: r.edition_id, runAt: new Date(Number(r.run_at)), attempts: r.attempts });

export function makeJobQueue(db: Kysely<Database>): JobQueue {
  return {
    async enqueue(job, at) {
      const row = await db
        .insertInto('jobs')
        .values({ kind: job.kind, release_id: job.releaseId, edition_id: job.editionId, run_at: job.runAt.getTime(), status: 'pending', created_at: at.getTime() })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toJob(row);
    },

    async cancelFor(releaseId, at) {
      const result = await db
        .updateTable('jobs')
        .set({ status: 'cancelled', locked_at: at.getTime() })
        .where('release_id', '=', releaseId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async claimDue(now, workerId, limit) {
      // One UPDATE over a locked sub-select: on PostgreSQL `FOR UPDATE SKIP LOCKED` lets racing
      // schedulers each take different rows; SQLite has a single writer, so the statement is atomic.
      let due = db
        .selectFrom('jobs')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now.getTime())]),
            eb.and([eb('status', '=', 'running'), eb('locked_at', '<', now.getTime() - STALE_MS)]),
          ]),
        )
        .orderBy('run_at')
        .limit(limit);
      if (isPostgres(db)) due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('jobs')
        .set({ status: 'running', locked_by: workerId, locked_at: now.getTime(), attempts: sql`attempts + 1` })
        .where('id', 'in', due)
        .returningAll()
        .execute();
      return rows.map(toJob);
    },

    async complete(id, at) {
      await db.updateTable('jobs').set({ status: 'done', locked_at: at.getTime() }).where('id', '=', id).execute();
    },

    async fail(id, error, retryAt) {
      await db
        .updateTable('jobs')
        .set(retryAt ? { status: 'pending', run_at: retryAt.getTime(), last_error: error } : { status: 'failed', last_error: error })
        .where('id', '=', id)
        .execute();
    },

    async pendingFor(releaseId) {
      const rows = await db.selectFrom('jobs').selectAll().where('release_id', '=', releaseId).where('status', 'in', ['pending', 'running']).orderBy('run_at').execute();
      return rows.map(toJob);
    },
  };
}
