import { sql, type Kysely } from 'kysely';
import type { FailureRecord, LoginThrottleStore } from '../../ports/login-throttle.js';
import type { AccountsDatabase } from './schema-accounts.js';

/**
 * Failure counts in the database. The increment is one upsert statement, so concurrent failures in
 * several processes each count; the lock is derived from (failures, last failure), never stored.
 */
export function makeLoginThrottleStore(db: Kysely<AccountsDatabase>): LoginThrottleStore {
  const toRecord = (row: { key: string; failures: number; last_failure_at: number }): FailureRecord => ({
    key: row.key,
    failures: Number(row.failures),
    lastFailureAt: new Date(Number(row.last_failure_at)),
  });
  return {
    async get(keys) {
      if (keys.length === 0) return [];
      const rows = await db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
      return rows.map(toRecord);
    },
    async recordFailure(key, at, forgetBefore) {
      const row = await db
        .insertInto('login_throttle')
        .values({ key, failures: 1, last_failure_at: at.getTime() })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: sql<number>`case when login_throttle.last_failure_at < ${forgetBefore.getTime()} then 1 else login_throttle.failures + 1 end`,
            last_failure_at: at.getTime(),
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },
    async clear(key) {
      await db.deleteFrom('login_throttle').where('key', '=', key).execute();
    },
  };
}
