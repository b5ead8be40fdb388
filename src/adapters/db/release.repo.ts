import { sql, type Kysely } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { EditionContent } from '../../domain/release.js';
import type { ReleaseRepo, Revision } from '../../ports/release-repo.js';
import { toAttachment, toEdition, toImageDerivative, toRelease } from './mappers.js';
import { isPostgres } from './dialect.js';
import type { Database } from './schema.js';

const contentColumns = (c: EditionContent) => ({
  title: c.title,
  subtitle: JSON.stringify(c.subtitle),
  body_markdown: c.bodyMarkdown,
  department: c.department,
  contact_name: c.contact?.name ?? null,
  contact_phone: c.contact?.phone ?? null,
  contact_email: c.contact?.email ?? null,
  tags: JSON.stringify(c.tags),
});

function toRevision(row: { id: number; edition_id: number; revision_no: number; content: string; author_id: number | null; author_label: string; created_at: number }): Revision {
  return {
    id: row.id,
    editionId: row.edition_id,
    revisionNo: row.revision_no,
    content: JSON.parse(row.content) as EditionContent,
    authorId: row.author_id,
    authorLabel: row.author_label,
    createdAt: new Date(Number(row.created_at)),
  };
}

export function makeReleaseRepo(db: Kysely<Database>): ReleaseRepo {
  return {
    async createRelease(input) {
      const row = await db
        .insertInto('releases')
        .values({
          board_id: input.boardId,
          language: input.language,
          status: 'unpublished',
          translation_group: input.translationGroup,
          created_at: input.createdAt.getTime(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRelease(row);
    },

    async getRelease(id) {
      const row = await db.selectFrom('releases').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRelease(row) : null;
    },

    async getReleaseForUpdate(id) {
      let query = db.selectFrom('releases').selectAll().where('id', '=', id);
      if (isPostgres(db)) query = query.forUpdate();
      const row = await query.executeTakeFirst();
      return row ? toRelease(row) : null;
    },

    async createEdition(input) {
      const previous = await db
        .selectFrom('editions')
        .select((eb) => eb.fn.max('edition_no').as('n'))
        .where('release_id', '=', input.releaseId)
        .executeTakeFirst();
      const at = input.createdAt.getTime();
      const row = await db
        .insertInto('editions')
        .values({
          release_id: input.releaseId,
          edition_no: Number(previous?.n ?? 0) + 1,
          state: input.state,
          ...contentColumns(input),
          change_note: input.changeNote,
          created_by: input.createdBy,
          created_at: at,
          updated_at: at,
          lock_version: 1,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEdition(row);
    },

    async getEdition(id) {
      const row = await db.selectFrom('editions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toEdition(row) : null;
    },

    async latestEdition(releaseId) {
      const row = await db
        .selectFrom('editions')
        .selectAll()
        .where('release_id', '=', releaseId)
        .orderBy('edition_no', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toEdition(row) : null;
    },

    async updateEditionContent(id, content, expectedLockVersion, at) {
      // The lock version in the WHERE clause makes the check and the write one atomic step.
      const row = await db
        .updateTable('editions')
        .set({ ...contentColumns(content), updated_at: at.getTime(), lock_version: expectedLockVersion + 1 })
        .where('id', '=', id)
        .where('lock_version', '=', expectedLockVersion)
        .returningAll()
        .executeTakeFirst();
      return row ? toEdition(row) : null;
    },

    async setEditionState(id, state, publishedAt, at) {
      await db
        .updateTable('editions')
        .set({ state, published_at: publishedAt?.getTime() ?? null, updated_at: at.getTime() })
        .where('id', '=', id)
        .execute();
    },

    async updateEditionWorkflow(id, patch, at) {
      const ms = (d: Date | null | undefined) => (d === undefined ? undefined : d === null ? null : d.getTime());
      const row = await db
        .updateTable('editions')
        .set({
          state: patch.state,
          submitted_by: patch.submittedBy,
          approved_by: patch.approvedBy,
          scheduled_at: ms(patch.scheduledAt),
          embargo_until: ms(patch.embargoUntil),
          review_comment: patch.reviewComment,
          change_note: patch.changeNote,
          is_minor_change: patch.isMinorChange === undefined ? undefined : patch.isMinorChange ? 1 : 0,
          published_at: ms(patch.publishedAt),
          updated_at: at.getTime(),
          lock_version: sql`lock_version + 1`,
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEdition(row);
    },

    async assignReviewer(editionId, reviewerId) {
      await db.updateTable('editions').set({ reviewer_id: reviewerId }).where('id', '=', editionId).execute();
    },

    async copyAttachments(fromEditionId, toEditionId) {
      const rows = await db.selectFrom('attachments').selectAll().where('edition_id', '=', fromEditionId).orderBy('position').execute();
      for (const { id: _id, ...row } of rows) {
        await db.insertInto('attachments').values({ ...row, edition_id: toEditionId }).execute();
      }
    },

    async markWithdrawn(releaseId, at, reason, removeContent = false) {
      await db
        .updateTable('releases')
        .set({ status: 'withdrawn', withdrawn_at: at.getTime(), withdrawal_reason: reason, public_updated_at: at.getTime(), ...(removeContent ? { content_removed_at: at.getTime() } : {}) })
        .where('id', '=', releaseId)
        .execute();
    },

    async changeNotes(releaseId) {
      const rows = await db
        .selectFrom('editions')
        .select(['published_at', 'change_note'])
        .where('release_id', '=', releaseId)
        .where('state', 'in', ['published', 'superseded'])
        .where('change_note', 'is not', null)
        .where('published_at', 'is not', null)
        .orderBy('published_at', 'desc')
        .execute();
      return rows.map((r) => ({ at: new Date(Number(r.published_at)), note: r.change_note ?? '' }));
    },

    async addRevision(editionId, content, author, at) {
      const last = await db
        .selectFrom('revisions')
        .select((eb) => eb.fn.max('revision_no').as('n'))
        .where('edition_id', '=', editionId)
        .executeTakeFirst();
      const row = await db
        .insertInto('revisions')
        .values({
          edition_id: editionId,
          revision_no: Number(last?.n ?? 0) + 1,
          content: JSON.stringify(content),
          author_id: author.id,
          author_label: author.label,
          created_at: at.getTime(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRevision(row);
    },

    async revisions(editionId) {
      const rows = await db.selectFrom('revisions').selectAll().where('edition_id', '=', editionId).orderBy('revision_no', 'desc').execute();
      return rows.map(toRevision);
    },

    async getRevision(id) {
      const row = await db.selectFrom('revisions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRevision(row) : null;
    },

    async addAttachment(input) {
      const last = await db
        .selectFrom('attachments')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('edition_id', '=', input.editionId)
        .executeTakeFirst();
      const row = await db
        .insertInto('attachments')
        .values({
          edition_id: input.editionId,
          position: input.position ?? Number(last?.p ?? 0) + 1,
          sha256: input.sha256,
          file_name: input.fileName,
          mime_type: input.mimeType,
          byte_size: input.byteSize,
          caption: input.caption,
          credit: input.credit,
          alt_text: input.altText,
          width: input.width,
          height: input.height,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAttachment(row);
    },

    async attachmentsOf(editionId) {
      const rows = await db.selectFrom('attachments').selectAll().where('edition_id', '=', editionId).orderBy('position').execute();
      return rows.map(toAttachment);
    },

    async getAttachment(id) {
      const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toAttachment(row) : null;
    },

    async updateAttachment(id, text) {
      const row = await db
        .updateTable('attachments')
        .set({ caption: text.caption, credit: text.credit, alt_text: text.altText })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toAttachment(row) : null;
    },

    async removeAttachment(id) {
      await db.deleteFrom('attachments').where('id', '=', id).execute();
    },

    async setAttachmentOrder(editionId, orderedIds) {
      for (const [index, id] of orderedIds.entries()) {
        await db.updateTable('attachments').set({ position: index + 1 }).where('id', '=', id).where('edition_id', '=', editionId).execute();
      }
    },

    async addImageDerivative(d, at) {
      await db
        .insertInto('image_derivatives')
        .values({ source_sha256: d.sourceSha256, width: d.width, height: d.height, sha256: d.sha256, mime_type: d.mimeType, byte_size: d.byteSize, created_at: at.getTime() })
        .onConflict((oc) => oc.columns(['source_sha256', 'width']).doNothing())
        .execute();
    },

    async imageDerivativesOf(sourceSha256s) {
      if (sourceSha256s.length === 0) return [];
      const rows = await db.selectFrom('image_derivatives').selectAll().where('source_sha256', 'in', [...sourceSha256s]).orderBy('source_sha256').orderBy('width').execute();
      return rows.map(toImageDerivative);
    },

    async allocateNumber(boardId: number, language: Language) {
      // An upsert that increments and returns in one statement: two publishers can never get the
      // same number, on SQLite (single writer) or PostgreSQL (row lock on conflict).
      const row = await db
        .insertInto('board_counters')
        .values({ board_id: boardId, language, last_number: 1 })
        .onConflict((oc) => oc.columns(['board_id', 'language']).doUpdateSet({ last_number: sql`board_counters.last_number + 1` }))
        .returning('last_number')
        .executeTakeFirstOrThrow();
      return row.last_number;
    },

    async markPublished(releaseId, state) {
      await db
        .updateTable('releases')
        .set({
          status: 'published',
          live_edition_id: state.liveEditionId,
          number: state.number,
          first_published_at: state.firstPublishedAt.getTime(),
          public_at: state.publicAt.getTime(),
          embargo_until: state.embargoUntil?.getTime() ?? null,
          public_updated_at: state.publicUpdatedAt.getTime(),
        })
        .where('id', '=', releaseId)
        .execute();
    },

    async addViews(counts) {
      for (const [id, n] of counts) {
        await db
          .updateTable('releases')
          .set({ view_count: sql`view_count + ${n}` })
          .where('id', '=', id)
          .execute();
      }
    },
  };
}

/**
 * Bumps the site-wide content version so page caches in every process drop stale pages. Only the
 * unit of work calls it, when a transaction recorded a change (adapters/db/unit-of-work.ts).
 */
export async function bumpContentVersion(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('site_state')
    .set({ content_version: sql`content_version + 1` })
    .where('id', '=', 1)
    .execute();
}
