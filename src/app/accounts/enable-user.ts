import type { User } from '../../domain/user.js';
import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { AccountsUnitOfWork } from '../../ports/user-repo.js';
import { validate } from '../validate.js';
import { accountByEmail, accountSchema, type AccountInput } from './staff-account.js';

/**
 * Enables a disabled staff account again: it may sign in with its password (old sessions stay
 * gone) and its API tokens work again unless revoked or expired. Audited as `user.enabled`.
 */
export function makeEnableUser(deps: { uow: AccountsUnitOfWork; clock: Clock }) {
  return async function enableUser(input: AccountInput, actor: Actor): Promise<{ user: User; changed: boolean }> {
    const { email } = validate(accountSchema, input);
    const now = deps.clock.now();
    return deps.uow.run(async (tx) => {
      const user = await accountByEmail(tx, email);
      if (!user.disabledAt) return { user, changed: false };
      await tx.users.setDisabled(user.id, null, now);
      await tx.audit.record({ at: now, actor, action: 'user.enabled', subjectType: 'user', subjectId: String(user.id), details: { email: user.email, role: user.role, disabledAt: user.disabledAt.toISOString() } });
      return { user: { ...user, disabledAt: null }, changed: true };
    });
  };
}
export type EnableUser = ReturnType<typeof makeEnableUser>;
