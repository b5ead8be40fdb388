import type { Kysely } from 'kysely';
import type { Language } from '../../domain/language.js';
import type { CdnPurgeTargets, ReleaseCacheTarget } from '../../ports/cdn-purger.js';
import type { Database } from './schema.js';

/** The CDN purge's lookups: a release's board, language and files; the embargoes that ended in a window. */
export function makeCdnPurgeTargets(db: Kysely<Database>): CdnPurgeTargets {
  return {
    async releases(releaseIds) {
      if (releaseIds.length === 0) return [];
      const rows = await db
        .selectFrom('releases')
        .innerJoin('boards', 'boards.id', 'releases.board_id')
        .select(['releases.id', 'releases.language', 'boards.slug'])
        .where('releases.id', 'in', [...releaseIds])
        .execute();
      // Every edition's files, not only the live one's: a correction that dropped a file turns its URL 404.
      const files = await db
        .selectFrom('attachments')
        .innerJoin('editions', 'editions.id', 'attachments.edition_id')
        .leftJoin('image_derivatives', 'image_derivatives.source_sha256', 'attachments.sha256')
        .select(['editions.release_id', 'attachments.sha256', 'image_derivatives.sha256 as derivative'])
        .where('editions.release_id', 'in', [...releaseIds])
        .execute();
      const byRelease = new Map<number, Set<string>>();
      for (const f of files) {
        const set = byRelease.get(Number(f.release_id)) ?? new Set<string>();
        set.add(f.sha256.trim());
        if (f.derivative) set.add(f.derivative.trim());
        byRelease.set(Number(f.release_id), set);
      }
      return rows.map(
        (r): ReleaseCacheTarget => ({ releaseId: Number(r.id), boardSlug: r.slug, language: r.language as Language, fileSha256s: [...(byRelease.get(Number(r.id)) ?? [])].sort() }),
      );
    },

    async embargoesLifted(after, upTo) {
      const rows = await db
        .selectFrom('releases')
        .select('id')
        .where('status', 'in', ['published', 'withdrawn'])
        .where('public_at', '>', after.getTime())
        .where('public_at', '<=', upTo.getTime())
        // Made public later than published: an embargo (a plain publication has its own event).
        .whereRef('public_at', '>', 'first_published_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => Number(r.id));
    },
  };
}
