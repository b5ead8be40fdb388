import { sql, type Kysely } from 'kysely';
import type { AttachmentText } from '../../domain/attachment-text.js';
import { isLanguage } from '../../domain/language.js';
import type { AttachmentTexts, TextJob } from '../../ports/attachment-texts.js';
import { isPostgres } from './dialect.js';
import type { Database } from './schema.js';
import { claimableAt } from './lease-claims.js';
import { bumpContentVersion } from './site-state.repo.js';

/** Releases whose live edition carries the file. */
async function carrying(db: Kysely<Database>, sha256: string): Promise<number[]> {
  const rows = await db
    .selectFrom('attachments')
    .innerJoin('releases', 'releases.live_edition_id', 'attachments.edition_id')
    .select('releases.id')
    .distinct()
    .where('attachments.sha256', '=', sha256)
    .execute();
  return rows.map((r) => r.id);
}

/** Text views and their extraction jobs as a table (migration 2026120330). */
export function makeAttachmentTexts(db: Kysely<Database>): AttachmentTexts {
  const held = (sha256: string, workerId: string) => db.updateTable('attachment_texts').where('sha256', '=', sha256).where('status', '=', 'running').where('locked_by', '=', workerId);

  async function queue(sha256: string, mimeType: string, at: Date): Promise<void> {
    await db
      .insertInto('attachment_texts')
      .values({ sha256, mime_type: mimeType, status: 'pending', run_at: at.getTime(), queued_at: at.getTime() })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }

  return {
    queue,

    async queueMissing(mimeTypes, at) {
      if (mimeTypes.length === 0) return 0;
      const missing = await db
        .selectFrom('attachments')
        .select(['sha256', (eb) => eb.fn.min('mime_type').as('mime_type')])
        .where('mime_type', 'in', mimeTypes)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('attachment_texts').select('attachment_texts.sha256').whereRef('attachment_texts.sha256', '=', 'attachments.sha256'))))
        .groupBy('sha256')
        .execute();
      for (const row of missing) await queue(row.sha256.trim(), row.mime_type, at);
      return missing.length;
    },

    async claim(now, workerId, limit, leaseUntil) {
      let due = db
        .selectFrom('attachment_texts')
        .select('sha256')
        .where(claimableAt(now))
        .orderBy('run_at')
        .limit(limit);
      // Several servers on one PostgreSQL database each take different rows; SQLite has one writer.
      if (isPostgres(db)) due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('attachment_texts')
        .set({ status: 'running', locked_by: workerId, lease_until: leaseUntil.getTime(), attempts: sql`attempts + 1` })
        .where('sha256', 'in', due)
        .returning(['sha256', 'mime_type', 'attempts'])
        .execute();
      return rows.map((r): TextJob => ({ sha256: r.sha256.trim(), mimeType: r.mime_type, attempts: Number(r.attempts) }));
    },

    async finish(sha256, workerId, result, at) {
      const values = result.ok
        ? { status: 'done', html: result.html, plain_text: result.text, language: result.language ?? null, partial: result.partial, page_count: result.pageCount, reason: null }
        : { status: 'failed', html: null, plain_text: null, language: null, partial: null, page_count: null, reason: result.reason };
      // The text and the search outbox entries of the releases carrying the file in one transaction:
      // a crash between them cannot leave a release indexed without its attachment's text.
      const work = async (trx: Kysely<Database>) => {
        const updated = await trx
          .updateTable('attachment_texts')
          .where('sha256', '=', sha256)
          .where('status', '=', 'running')
          .where('locked_by', '=', workerId)
          .set({ ...values, locked_by: null, lease_until: null, extracted_at: at.getTime() })
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return null;
        const releases = await carrying(trx, sha256);
        if (releases.length > 0) {
          await trx.insertInto('search_outbox').values(releases.map((id) => ({ release_id: id, queued_at: at.getTime() }))).execute();
          // Their pages change ("Read online"): other processes' page caches follow the version.
          await bumpContentVersion(trx);
        }
        return releases;
      };
      return db.isTransaction ? work(db) : db.transaction().execute(work);
    },

    async retry(sha256, workerId, error, retryAt) {
      await held(sha256, workerId)
        .set(retryAt ? { status: 'pending', run_at: retryAt.getTime(), reason: error, locked_by: null, lease_until: null } : { status: 'failed', reason: error, locked_by: null, lease_until: null })
        .execute();
    },

    async release(workerIds, at) {
      if (workerIds.length === 0) return 0;
      const result = await db.updateTable('attachment_texts').set({ lease_until: at.getTime() - 1 }).where('status', '=', 'running').where('locked_by', 'in', workerIds).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async holders() {
      const rows = await db.selectFrom('attachment_texts').select('locked_by').distinct().where('status', '=', 'running').where('locked_by', 'is not', null).execute();
      return rows.map((r) => r.locked_by!);
    },

    async get(sha256) {
      const r = await db.selectFrom('attachment_texts').selectAll().where('sha256', '=', sha256).executeTakeFirst();
      if (!r) return null;
      return {
        sha256: r.sha256.trim(),
        status: r.status as AttachmentText['status'],
        html: r.html,
        text: r.plain_text,
        language: r.language && isLanguage(r.language) ? r.language : null,
        partial: r.partial,
        reason: r.status === 'failed' ? r.reason : null,
        pageCount: r.page_count === null ? null : Number(r.page_count),
      };
    },

    async statuses(sha256s) {
      if (sha256s.length === 0) return new Map();
      const rows = await db.selectFrom('attachment_texts').select(['sha256', 'status']).where('sha256', 'in', sha256s).execute();
      return new Map(rows.map((r) => [r.sha256.trim(), r.status as AttachmentText['status']]));
    },

    async states(sha256s) {
      if (sha256s.length === 0) return new Map();
      const rows = await db.selectFrom('attachment_texts').select(['sha256', 'status', 'partial', 'reason']).where('sha256', 'in', sha256s).execute();
      return new Map(rows.map((r) => [r.sha256.trim(), { status: r.status as AttachmentText['status'], partial: r.partial, reason: r.status === 'failed' ? r.reason : null }]));
    },

    releasesCarrying: (sha256) => carrying(db, sha256),

    async outstanding() {
      const row = await db
        .selectFrom('attachment_texts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['pending', 'running'])
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
