import type { Kysely } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { EditionState, ReleaseStatus } from '../../domain/release.js';
import type { AdminCatalog } from '../../ports/admin-catalog.js';
import type { Database } from './schema.js';

export function makeAdminCatalog(db: Kysely<Database>): AdminCatalog {
  return {
    async list(q) {
      // The latest edition of each release: no later edition exists for it.
      let base = db
        .selectFrom('releases')
        .innerJoin('editions', 'editions.release_id', 'releases.id')
        .innerJoin('boards', 'boards.id', 'releases.board_id')
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('editions as later').select('later.id').whereRef('later.release_id', '=', 'releases.id').whereRef('later.edition_no', '>', 'editions.edition_no'))),
        );
      if (q.boardSlug) base = base.where('boards.slug', '=', q.boardSlug);
      if (q.state) base = base.where('editions.state', '=', q.state);
      if (q.status) base = base.where('releases.status', '=', q.status);
      if (q.createdBy !== undefined) base = base.where('editions.created_by', '=', q.createdBy);
      if (q.language) base = base.where('releases.language', '=', q.language);
      if (q.sentBack) base = base.where('editions.review_comment', 'is not', null);
      if (q.submittedBy !== undefined) base = base.where('editions.submitted_by', '=', q.submittedBy);
      if (q.reviewerId !== undefined) base = base.where('editions.reviewer_id', '=', q.reviewerId);
      if (q.awaitingReviewBy !== undefined) {
        const me = q.awaitingReviewBy;
        base = base.where((eb) =>
          eb.and([
            eb.or([eb('editions.reviewer_id', 'is', null), eb('editions.reviewer_id', '=', me)]),
            eb.or([eb('editions.created_by', 'is', null), eb('editions.created_by', '!=', me)]),
            eb.or([eb('editions.submitted_by', 'is', null), eb('editions.submitted_by', '!=', me)]),
          ]),
        );
      }
      if (q.embargoedAt) base = base.where('releases.status', '=', 'published').where('releases.public_at', '>', q.embargoedAt.getTime());
      const [count, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
        base
          .select([
            'releases.id as release_id',
            'boards.slug',
            'releases.language',
            'releases.number',
            'releases.status',
            'releases.public_at',
            'editions.id as edition_id',
            'editions.edition_no',
            'editions.state',
            'editions.title',
            'editions.created_by',
            'editions.updated_at',
            'editions.scheduled_at',
            'editions.embargo_until',
            'editions.review_comment',
            'editions.reviewer_id',
          ])
          .orderBy('editions.updated_at', 'desc')
          .orderBy('releases.id', 'desc')
          .limit(q.limit)
          .offset(q.offset)
          .execute(),
      ]);
      const date = (ms: number | null) => (ms === null ? null : new Date(Number(ms)));
      return {
        total: Number(count?.n ?? 0),
        rows: rows.map((r) => ({
          releaseId: r.release_id,
          boardSlug: r.slug,
          language: r.language as Language,
          number: r.number,
          status: r.status as ReleaseStatus,
          editionId: r.edition_id,
          editionNo: r.edition_no,
          state: r.state as EditionState,
          title: r.title,
          createdBy: r.created_by,
          updatedAt: new Date(Number(r.updated_at)),
          scheduledAt: date(r.scheduled_at),
          embargoUntil: date(r.embargo_until),
          publicAt: date(r.public_at),
          reviewComment: r.review_comment,
          reviewerId: r.reviewer_id,
        })),
      };
    },
  };
}
