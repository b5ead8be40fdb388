import type { User } from '../../domain/user.js';
import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { AccountsUnitOfWork } from '../../ports/user-repo.js';
import { validate } from '../validate.js';
import { accountByEmail, accountSchema, type AccountInput } from './staff-account.js';

/**
 * An administrator turns off someone's two-factor sign-in (a lost phone, no recovery codes left):
 * the secret and recovery codes go, and every session of the account ends, so the next sign-in
 * starts from the password (and, when two-factor is mandatory, sets it up again). Audited as
 * `user.totp_reset`; an account without two-factor sign-in is left unchanged.
 */
export function makeResetTotp(deps: { uow: AccountsUnitOfWork; clock: Clock }) {
  return async function resetTotp(input: AccountInput, actor: Actor): Promise<{ user: User; changed: boolean; endedSessions: number }> {
    const { email } = validate(accountSchema, input);
    const now = deps.clock.now();
    return deps.uow.run(async (tx) => {
      const user = await accountByEmail(tx, email);
      if (!user.hasTotp) return { user, changed: false, endedSessions: 0 };
      await tx.users.disableTotp(user.id, now);
      const endedSessions = await tx.sessions.deleteForUser(user.id);
      await tx.audit.record({ at: now, actor, action: 'user.totp_reset', subjectType: 'user', subjectId: String(user.id), details: { email: user.email, endedSessions } });
      return { user: { ...user, hasTotp: false, totpEnabledAt: null }, changed: true, endedSessions };
    });
  };
}
export type ResetTotp = ReturnType<typeof makeResetTotp>;
