import { sql, type Kysely } from 'kysely';
import type { RateWindow, RateWindows } from '../../ports/rate-windows.js';
import type { AccountsDatabase } from './schema-accounts.js';

const toWindow = (row: { hits: number; started_at: number }): RateWindow => ({ hits: Number(row.hits), startedAt: new Date(Number(row.started_at)) });

/** Rate windows in the `rate_windows` table: one upsert per attempt, so every process counts against the same allowance. */
export function makeRateWindows(db: Kysely<AccountsDatabase>): RateWindows {
  return {
    async current(key, now, windowMs) {
      const row = await db.selectFrom('rate_windows').select(['hits', 'started_at']).where('key', '=', key).where('started_at', '>', now.getTime() - windowMs).executeTakeFirst();
      return row ? toWindow(row) : null;
    },
    async hit(key, now, windowMs) {
      const ended = now.getTime() - windowMs;
      const row = await db
        .insertInto('rate_windows')
        .values({ key, started_at: now.getTime(), hits: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql<number>`case when rate_windows.started_at <= ${ended} then 1 else rate_windows.hits + 1 end`,
            started_at: sql<number>`case when rate_windows.started_at <= ${ended} then ${now.getTime()} else rate_windows.started_at end`,
          }),
        )
        .returning(['hits', 'started_at'])
        .executeTakeFirstOrThrow();
      return toWindow(row);
    },
    async prune(before) {
      const result = await db.deleteFrom('rate_windows').where('started_at', '<', before.getTime()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
