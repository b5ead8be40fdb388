import { sql, type Kysely } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { ReleaseRepo } from '../../ports/release-repo.js';
import { toRelease } from './mappers.js';
import { isPostgres } from './dialect.js';
import type { Database } from './schema.js';

/** Releases (board, language, number, status) and the per-board number counters. */
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
  };
}
