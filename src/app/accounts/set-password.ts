import { NotFoundError } from '../../domain/errors.js';
import type { User } from '../../domain/user.js';
import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { AccountsUnitOfWork, UserRepo } from '../../ports/user-repo.js';
import { validate } from '../validate.js';
import { passwordSetSchema, type PasswordSetInput } from './account.schema.js';
import type { PasswordHasher } from './password-hashing.js';

/**
 * Gives an existing account a new password without knowing the old one: staff brought in by an
 * import (who have none) or someone who forgot theirs. Only an administrator's tool (the CLI) calls
 * it. Every session of the account ends, since whoever held the old password may hold one; the
 * change is audited as `user.password_set`, without the password.
 */
export function makeSetPassword(deps: { uow: AccountsUnitOfWork; users: UserRepo; clock: Clock; hasher: PasswordHasher }) {
  return async function setPassword(input: PasswordSetInput, actor: Actor): Promise<{ user: User; endedSessions: number }> {
    const data = validate(passwordSetSchema, input);
    const user = await deps.users.byEmail(data.email);
    if (!user) throw new NotFoundError(`No staff account has the email address ${data.email}`);
    const passwordHash = await deps.hasher.hash(data.password);
    const now = deps.clock.now();
    return deps.uow.run(async (tx) => {
      await tx.users.setPassword(user.id, passwordHash, now);
      const endedSessions = await tx.sessions.deleteForUser(user.id);
      await tx.audit.record({ at: now, actor, action: 'user.password_set', subjectType: 'user', subjectId: String(user.id), details: { email: user.email, endedSessions } });
      return { user, endedSessions };
    });
  };
}
export type SetPassword = ReturnType<typeof makeSetPassword>;
