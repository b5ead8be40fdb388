import type { Kysely, Selectable } from 'kysely';
import { isApiScope, type ApiScope } from '../../domain/api-scopes.js';
import type { ApiToken, ApiTokenRepo, ApiTokenUnitOfWork } from '../../ports/api-token-repo.js';
import { makeAuditLog } from './audit-log.js';
import type { ApiTokensTable, Database } from './schema.js';
import { makeUserRepo } from './user.repo.js';

const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(Number(ms)));

/** The one place an api_tokens row becomes an ApiToken; the hash stays behind. */
function toToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    tokenHint: row.token_hint,
    scopes: (JSON.parse(row.scopes) as string[]).filter(isApiScope) as ApiScope[],
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)),
    expiresAt: toDate(row.expires_at),
    revokedAt: toDate(row.revoked_at),
    revokedBy: row.revoked_by,
    lastUsedAt: toDate(row.last_used_at),
  };
}

export function makeApiTokenRepo(db: Kysely<Database>): ApiTokenRepo {
  return {
    async create(input) {
      const row = await db
        .insertInto('api_tokens')
        .values({
          name: input.name,
          owner_id: input.ownerId,
          token_hash: input.tokenHash,
          token_hint: input.tokenHint,
          scopes: JSON.stringify(input.scopes),
          created_by: input.createdBy,
          created_at: input.createdAt.getTime(),
          expires_at: input.expiresAt?.getTime() ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toToken(row);
    },
    async get(id) {
      const row = await db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toToken(row) : null;
    },
    async byTokenHash(tokenHash) {
      const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toToken(row) : null;
    },
    async list() {
      const rows = await db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.owner_id')
        .selectAll('api_tokens')
        .select(['users.email as owner_email', 'users.name as owner_name', 'users.role as owner_role'])
        .orderBy('api_tokens.id', 'desc')
        .execute();
      return rows.map((r) => ({ ...toToken(r), owner: { email: r.owner_email, name: r.owner_name, role: r.owner_role } }));
    },
    async revoke(id, at, by) {
      const result = await db.updateTable('api_tokens').set({ revoked_at: at.getTime(), revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async recordUse(id, at) {
      // Never moves backwards when two servers record uses out of order.
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: at.getTime() })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', at.getTime())]))
        .execute();
    },
  };
}

/** Token changes with their audit entries in one transaction. */
export function makeApiTokenUnitOfWork(db: Kysely<Database>): ApiTokenUnitOfWork {
  return {
    run: (work) => db.transaction().execute((trx) => work({ tokens: makeApiTokenRepo(trx), users: makeUserRepo(trx), audit: makeAuditLog(trx) })),
  };
}
