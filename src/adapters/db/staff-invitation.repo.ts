import type { Kysely, Selectable } from 'kysely';
import type { StaffInvitation } from '../../domain/staff-invitation.js';
import type { Role } from '../../domain/user.js';
import type { StaffInvitationRepo } from '../../ports/staff-invitation-repo.js';
import type { AccountsDatabase, StaffInvitationsTable } from './schema-accounts.js';

const toDate = (ms: number | string | null): Date | null => (ms === null ? null : new Date(Number(ms)));

/** The one place an invitations row becomes a StaffInvitation; the token hash stays behind. */
function toInvitation(row: Selectable<StaffInvitationsTable>): StaffInvitation {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    createdBy: row.created_by,
    createdByLabel: row.created_by_label,
    createdAt: new Date(Number(row.created_at)),
    expiresAt: new Date(Number(row.expires_at)),
    usedAt: toDate(row.used_at),
    revokedAt: toDate(row.revoked_at),
    userId: row.user_id,
  };
}

export function makeStaffInvitationRepo(db: Kysely<AccountsDatabase>): StaffInvitationRepo {
  return {
    async create(input) {
      const row = await db
        .insertInto('staff_invitations')
        .values({
          token_hash: input.tokenHash,
          email: input.email,
          name: input.name,
          role: input.role,
          created_by: input.createdBy,
          created_by_label: input.createdByLabel,
          created_at: input.createdAt.getTime(),
          expires_at: input.expiresAt.getTime(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toInvitation(row);
    },
    async byId(id) {
      const row = await db.selectFrom('staff_invitations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toInvitation(row) : null;
    },
    async byTokenHash(tokenHash) {
      const row = await db.selectFrom('staff_invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row ? toInvitation(row) : null;
    },
    async pending(now) {
      const rows = await db
        .selectFrom('staff_invitations')
        .selectAll()
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now.getTime())
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toInvitation);
    },
    async use(tokenHash, userId, at) {
      const result = await db
        .updateTable('staff_invitations')
        .set({ used_at: at.getTime(), user_id: userId })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at.getTime())
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async revoke(filter, at) {
      const result = await db
        .updateTable('staff_invitations')
        .set({ revoked_at: at.getTime() })
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where((eb) => ('id' in filter ? eb('id', '=', filter.id) : eb('email', '=', filter.email)))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
