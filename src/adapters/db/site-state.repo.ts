import { sql, type Kysely } from 'kysely';
import type { SiteStateRepo } from '../../ports/site-state.js';
import type { Database } from './schema.js';

/** Page views of releases, added in batches. */
export function makeSiteStateRepo(db: Kysely<Database>): SiteStateRepo {
  return {
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

/** The public content version every server's page cache follows. */
export async function readContentVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('site_state').select('content_version').where('id', '=', 1).executeTakeFirst();
  return Number(row?.content_version ?? 0);
}
