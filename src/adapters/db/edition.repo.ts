import { sql, type Kysely } from 'kysely';
import type { EditionContent } from '../../domain/release.js';
import type { EditionRepo, Revision } from '../../ports/edition-repo.js';
import { toEdition } from './mappers.js';
import type { Database } from './schema.js';

const contentColumns = (c: EditionContent) => ({
  title: c.title,
  subtitle: JSON.stringify(c.subtitle),
  body_markdown: c.bodyMarkdown,
  department: c.department,
  contact_name: c.contact?.name ?? null,
  contact_phone: c.contact?.phone ?? null,
  contact_email: c.contact?.email ?? null,
  contact_id: c.contact?.contactId ?? null,
  tags: JSON.stringify(c.tags),
});

/**
 * A revision row as a Revision. "Saved by" shows the author's name as staff know it now (#16); the
 * label stored at the time (the email address) stands in when the account is gone or was never
 * known (imports, the system).
 */
function toRevision(row: { id: number; edition_id: number; revision_no: number; content: string; author_id: number | null; author_label: string; author_name?: string | null; created_at: number; autosave_started_at: number | string | null }): Revision {
  return {
    id: row.id,
    editionId: row.edition_id,
    revisionNo: row.revision_no,
    content: JSON.parse(row.content) as EditionContent,
    authorId: row.author_id,
    authorLabel: row.author_name ?? row.author_label,
    createdAt: new Date(Number(row.created_at)),
    autosaveStartedAt: row.autosave_started_at === null ? null : new Date(Number(row.autosave_started_at)),
  };
}

/** Revisions with their author's current name. */
const revisionsWithNames = (db: Kysely<Database>) => db.selectFrom('revisions').leftJoin('users', 'users.id', 'revisions.author_id').selectAll('revisions').select('users.name as author_name');

/** Editions of releases and the revisions saved of each. */
export function makeEditionRepo(db: Kysely<Database>): EditionRepo {
  return {
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

    async addRevision(editionId, content, author, at, options = {}) {
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
          autosave_started_at: options.autosaveStartedAt?.getTime() ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRevision(row);
    },

    async updateAutosaveRevision(id, content, at) {
      const updated = await db
        .updateTable('revisions')
        .set({ content: JSON.stringify(content), created_at: at.getTime() })
        .where('id', '=', id)
        .where('autosave_started_at', 'is not', null)
        .returning('id')
        .executeTakeFirst();
      if (!updated) return null;
      const row = await revisionsWithNames(db).where('revisions.id', '=', id).executeTakeFirstOrThrow();
      return toRevision(row);
    },

    async revisions(editionId) {
      const rows = await revisionsWithNames(db).where('revisions.edition_id', '=', editionId).orderBy('revisions.revision_no', 'desc').execute();
      return rows.map(toRevision);
    },

    async getRevision(id) {
      const row = await revisionsWithNames(db).where('revisions.id', '=', id).executeTakeFirst();
      return row ? toRevision(row) : null;
    },
  };
}
