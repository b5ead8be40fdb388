import type { Role, User } from '../../domain/user.js';
import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { AccountsUnitOfWork } from '../../ports/user-repo.js';
import { validate } from '../validate.js';
import { accountByEmail, refuseLastAdmin, roleChangeSchema, type RoleChangeInput } from './staff-account.js';

/**
 * Changes a staff account's role. Sessions and API tokens read the role on every request, so the
 * change applies to the next one (a token's scopes never exceed its owner's role). Audited as
 * `user.role_changed` with both roles; the last active administrator cannot be demoted.
 */
export function makeSetRole(deps: { uow: AccountsUnitOfWork; clock: Clock }) {
  return async function setRole(input: RoleChangeInput, actor: Actor): Promise<{ user: User; changed: boolean; previous: Role }> {
    const { email, role } = validate(roleChangeSchema, input);
    const now = deps.clock.now();
    return deps.uow.run(async (tx) => {
      const user = await accountByEmail(tx, email);
      if (user.role === role) return { user, changed: false, previous: user.role };
      if (role !== 'admin') await refuseLastAdmin(tx, user, 'demote');
      await tx.users.setRole(user.id, role, now);
      await tx.audit.record({ at: now, actor, action: 'user.role_changed', subjectType: 'user', subjectId: String(user.id), details: { email: user.email, from: user.role, to: role } });
      return { user: { ...user, role }, changed: true, previous: user.role };
    });
  };
}
export type SetRole = ReturnType<typeof makeSetRole>;
