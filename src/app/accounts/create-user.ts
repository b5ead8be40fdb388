import { ValidationError } from '../../domain/errors.js';
import type { User } from '../../domain/user.js';
import type { Actor } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { AccountsUnitOfWork } from '../../ports/user-repo.js';
import { validate } from '../validate.js';
import { newUserSchema, type NewUserInput } from './account.schema.js';
import type { PasswordHasher } from './password-hashing.js';

/** Creates a staff account with a role and a password; the password is stored only as a hash. */
export function makeCreateUser(deps: { uow: AccountsUnitOfWork; clock: Clock; hasher: PasswordHasher }) {
  return async function createUser(input: NewUserInput, actor: Actor): Promise<User> {
    const data = validate(newUserSchema, input);
    const passwordHash = await deps.hasher.hash(data.password);
    const now = deps.clock.now();
    return deps.uow.run(async (tx) => {
      const user = await tx.users.create({ email: data.email, name: data.name, role: data.role, passwordHash, createdAt: now });
      if (!user) throw new ValidationError('The email address is taken', [{ code: 'email_taken', message: 'An account with this email address already exists', field: 'email' }]);
      await tx.audit.record({ at: now, actor, action: 'user.created', subjectType: 'user', subjectId: String(user.id), details: { email: user.email, role: user.role } });
      return user;
    });
  };
}
export type CreateUser = ReturnType<typeof makeCreateUser>;
