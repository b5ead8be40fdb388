import type { Kysely, Selectable } from 'kysely';
import type { Role, User } from '../../domain/user.js';
import type { UserRepo } from '../../ports/user-repo.js';
import type { AccountsDatabase, UsersTable } from './schema-accounts.js';

const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(Number(ms)));

/** The one place a users row becomes a User; secrets stay behind. */
export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    hasTotp: row.totp_secret !== null,
    totpEnabledAt: toDate(row.totp_enabled_at),
    passwordChangedAt: new Date(Number(row.password_changed_at)),
    disabledAt: toDate(row.disabled_at),
    createdAt: new Date(Number(row.created_at)),
  };
}

export function makeUserRepo(db: Kysely<AccountsDatabase>): UserRepo {
  return {
    async create(input) {
      const at = input.createdAt.getTime();
      // "on conflict do nothing" answers a taken address with no row on both databases, without
      // parsing driver-specific constraint errors.
      const row = await db
        .insertInto('users')
        .values({ email: input.email, name: input.name, role: input.role, password_hash: input.passwordHash, password_changed_at: at, created_at: at, updated_at: at })
        .onConflict((oc) => oc.column('email').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async byId(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async byEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async list() {
      return (await db.selectFrom('users').selectAll().orderBy('id').execute()).map(toUser);
    },
    async credentials(id) {
      const row = await db
        .selectFrom('users')
        .select(['password_hash', 'totp_secret', 'totp_pending_secret', 'totp_last_step'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      return {
        passwordHash: row.password_hash,
        totpSecret: row.totp_secret,
        totpPendingSecret: row.totp_pending_secret,
        totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
      };
    },
    async setPassword(id, passwordHash, at) {
      await db.updateTable('users').set({ password_hash: passwordHash, password_changed_at: at.getTime(), updated_at: at.getTime() }).where('id', '=', id).execute();
    },
    async setDisabled(id, disabledAt, at) {
      await db.updateTable('users').set({ disabled_at: disabledAt ? disabledAt.getTime() : null, updated_at: at.getTime() }).where('id', '=', id).execute();
    },
    async setRole(id, role, at) {
      await db.updateTable('users').set({ role, updated_at: at.getTime() }).where('id', '=', id).execute();
    },
    async countActiveAdmins() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async setPendingTotpSecret(id, secret, at) {
      await db.updateTable('users').set({ totp_pending_secret: secret, updated_at: at.getTime() }).where('id', '=', id).execute();
    },
    async enableTotp(id, secret, recoveryCodeHashes, at) {
      const ms = at.getTime();
      await db
        .updateTable('users')
        .set({ totp_secret: secret, totp_pending_secret: null, totp_enabled_at: ms, totp_last_step: null, updated_at: ms })
        .where('id', '=', id)
        .execute();
      await db.deleteFrom('recovery_codes').where('user_id', '=', id).execute();
      if (recoveryCodeHashes.length > 0) {
        await db
          .insertInto('recovery_codes')
          .values(recoveryCodeHashes.map((code_hash) => ({ user_id: id, code_hash, created_at: ms })))
          .execute();
      }
    },
    async disableTotp(id, at) {
      await db
        .updateTable('users')
        .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null, updated_at: at.getTime() })
        .where('id', '=', id)
        .execute();
      await db.deleteFrom('recovery_codes').where('user_id', '=', id).execute();
    },
    async claimTotpStep(id, step) {
      const result = await db
        .updateTable('users')
        .set({ totp_last_step: step })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async useRecoveryCode(userId, codeHash, at) {
      const result = await db
        .updateTable('recovery_codes')
        .set({ used_at: at.getTime() })
        .where('user_id', '=', userId)
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async unusedRecoveryCodes(userId) {
      const row = await db
        .selectFrom('recovery_codes')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
