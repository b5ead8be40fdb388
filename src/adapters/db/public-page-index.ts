import type { Kysely } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { PublicPageIndex } from '../../ports/static-site.js';
import { pagePublic } from './public-visibility.js';
import type { Database } from './schema.js';

/** Public release pages (listed or withdrawn) by the shared visibility rule, in keyset pages. */
export function makePublicPageIndex(db: Kysely<Database>): PublicPageIndex {
  return {
    async releasePages(now, afterReleaseId, limit) {
      const rows = await db
        .selectFrom('releases')
        .innerJoin('boards', 'boards.id', 'releases.board_id')
        .select(['releases.id', 'boards.slug', 'releases.language', 'releases.number'])
        .where((eb) => pagePublic(eb, now))
        .where('releases.number', 'is not', null)
        .where('releases.id', '>', afterReleaseId)
        .orderBy('releases.id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ releaseId: Number(r.id), boardSlug: r.slug, language: r.language as Language, number: Number(r.number) }));
    },
  };
}
