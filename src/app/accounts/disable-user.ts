import type { User } from '../../domain/user.js';
import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { AccountsUnitOfWork } from '../../ports/user-repo.js';
import { validate } from '../validate.js';
import { accountByEmail, accountSchema, refuseLastAdmin, type AccountInput } from './staff-account.js';

/**
 * Offboarding: disables a staff account. Its sessions are deleted in the same transaction (a
 * request with an old cookie is refused at once) and its API tokens stop working, since every use
 * checks the owner. Audited as `user.disabled`; disabling a disabled account changes nothing.
 * The last active administrator cannot be disabled.
 */
export function makeDisableUser(deps: { uow: AccountsUnitOfWork; clock: Clock }) {
  return async function disableUser(input: AccountInput, actor: Actor): Promise<{ user: User; changed: boolean; endedSessions: number }> {
    const { email } = validate(accountSchema, input);
    const now = deps.clock.now();
    return deps.uow.run(async (tx) => {
      const user = await accountByEmail(tx, email);
      if (user.disabledAt) return { user, changed: false, endedSessions: 0 };
      await refuseLastAdmin(tx, user, 'disable');
      await tx.users.setDisabled(user.id, now, now);
      const endedSessions = await tx.sessions.deleteForUser(user.id);
      await tx.audit.record({ at: now, actor, action: 'user.disabled', subjectType: 'user', subjectId: String(user.id), details: { email: user.email, role: user.role, endedSessions } });
      return { user: { ...user, disabledAt: now }, changed: true, endedSessions };
    });
  };
}
export type DisableUser = ReturnType<typeof makeDisableUser>;
