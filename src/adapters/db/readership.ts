import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { DailyViewsRow, DailyViewsWriter, Readership, ReadershipRelease } from '../../ports/readership.js';
import type { Database } from './schema.js';

/** Adds batched views to their day's row; a release deleted meanwhile is skipped by the select. */
export function makeDailyViewsWriter(db: Kysely<Database>): DailyViewsWriter {
  return {
    async addDailyViews(day, counts) {
      for (const [id, n] of counts) {
        // INSERT ... SELECT from releases: an id that no longer exists inserts nothing (no foreign-key
        // failure that would put the whole batch back forever); the upsert adds to a day already counted,
        // atomically on both databases when several servers flush at once.
        await db
          .insertInto('release_daily_views')
          .columns(['release_id', 'day', 'views'])
          .expression(
            db
              .selectFrom('releases')
              .select(['releases.id', sql<string>`cast(${day} as varchar(10))`.as('day'), sql<number>`cast(${n} as integer)`.as('views')])
              .where('releases.id', '=', id),
          )
          .onConflict((oc) => oc.columns(['release_id', 'day']).doUpdateSet((eb) => ({ views: eb('release_daily_views.views', '+', eb.ref('excluded.views')) })))
          .execute();
      }
    },
  };
}

/** The title staff know a release by: the live edition's, else the latest edition's. */
function titleOf(eb: ExpressionBuilder<Database, 'releases'>) {
  return eb.fn.coalesce(
    eb.selectFrom('editions as live').select('live.title').whereRef('live.id', '=', 'releases.live_edition_id'),
    eb.selectFrom('editions as latest').select('latest.title').whereRef('latest.release_id', '=', 'releases.id').orderBy('latest.edition_no', 'desc').limit(1),
  );
}

function releaseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('releases')
    .innerJoin('boards', 'boards.id', 'releases.board_id')
    .select((eb) => ['releases.id', 'boards.slug', 'releases.language', 'releases.number', 'releases.view_count', titleOf(eb).as('title')]);
}

type ReleaseRow = { id: number; slug: string; language: string; number: number | null; view_count: number | string; title: string | null };

function toRelease(r: ReleaseRow): ReadershipRelease {
  return { releaseId: r.id, boardSlug: r.slug, language: r.language as Language, number: r.number, title: r.title ?? '', totalViews: Number(r.view_count) };
}

/** Readership reads on SQLite and PostgreSQL alike (sums come back as strings from pg: parsed). */
export function makeReadership(db: Kysely<Database>): Readership {
  return {
    async topReleases(fromDay, toDay, limit) {
      const ranked = await db
        .selectFrom('release_daily_views')
        .select((eb) => ['release_id', eb.fn.sum<number | string>('views').as('total')])
        .where('day', '>=', fromDay)
        .where('day', '<=', toDay)
        .groupBy('release_id')
        .orderBy('total', 'desc')
        .orderBy('release_id', 'desc')
        .limit(limit)
        .execute();
      if (ranked.length === 0) return [];
      const rows = await releaseQuery(db)
        .where(
          'releases.id',
          'in',
          ranked.map((r) => r.release_id),
        )
        .execute();
      const byId = new Map(rows.map((r) => [r.id, toRelease(r)]));
      return ranked.flatMap((r) => {
        const release = byId.get(r.release_id);
        return release ? [{ ...release, views: Number(r.total) }] : [];
      });
    },
    async release(releaseId) {
      const row = await releaseQuery(db).where('releases.id', '=', releaseId).executeTakeFirst();
      return row ? toRelease(row) : null;
    },
    async dailyViews(releaseId, fromDay, toDay) {
      const rows = await db
        .selectFrom('release_daily_views')
        .select(['day', 'views'])
        .where('release_id', '=', releaseId)
        .where('day', '>=', fromDay)
        .where('day', '<=', toDay)
        .orderBy('day')
        .execute();
      return rows.map((r) => ({ day: r.day, views: Number(r.views) }));
    },
    async *exportRows(q, batch = 1000) {
      let after: { day: string; releaseId: number } | null = null;
      for (;;) {
        let query = db
          .selectFrom('release_daily_views as d')
          .innerJoin('releases', 'releases.id', 'd.release_id')
          .innerJoin('boards', 'boards.id', 'releases.board_id')
          .select((eb) => ['d.day', 'd.views', 'releases.id', 'boards.slug', 'releases.language', 'releases.number', 'releases.view_count', titleOf(eb).as('title')])
          .where('d.day', '>=', q.fromDay)
          .where('d.day', '<=', q.toDay);
        if (q.releaseId !== undefined) query = query.where('d.release_id', '=', q.releaseId);
        if (after) {
          const { day, releaseId } = after;
          query = query.where((eb) => eb.or([eb('d.day', '>', day), eb.and([eb('d.day', '=', day), eb('d.release_id', '>', releaseId)])]));
        }
        const rows = await query.orderBy('d.day').orderBy('d.release_id').limit(batch).execute();
        for (const r of rows) {
          const { totalViews: _total, ...release } = toRelease(r);
          yield { day: r.day, views: Number(r.views), release } satisfies DailyViewsRow;
        }
        if (rows.length < batch) return;
        const last = rows.at(-1)!;
        after = { day: last.day, releaseId: last.id };
      }
    },
  };
}
