import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * The one rule for what a worker may claim from a leased queue table (scheduled `jobs`,
 * `attachment_texts`): rows pending and due, or running under a lease that has run out (or that were
 * claimed before leases existed, with no lease at all: their worker is long gone).
 */
export function claimableAt(now: Date): Expression<SqlBool> {
  const at = now.getTime();
  return sql<SqlBool>`((status = 'pending' and run_at <= ${at}) or (status = 'running' and (lease_until is null or lease_until < ${at})))`;
}
