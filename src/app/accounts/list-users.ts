import type { User } from '../../domain/user.js';
import type { UserRepo } from '../../ports/user-repo.js';
import type { PasswordHasher } from './password-hashing.js';

/** A staff account as an administrator's list shows it: no secret, only whether one is set. */
export interface UserListing extends User {
  /** False for accounts that cannot sign in with a password yet (imported staff). */
  hasPassword: boolean;
}

/** Every staff account, by id, with whether it has a usable password (`pressroom user list`). */
export function makeListUsers(deps: { users: UserRepo; hasher: PasswordHasher }) {
  return async function listUsers(): Promise<UserListing[]> {
    const users = await deps.users.list();
    const listings: UserListing[] = [];
    for (const user of users) {
      const credentials = await deps.users.credentials(user.id);
      listings.push({ ...user, hasPassword: credentials !== null && deps.hasher.isHash(credentials.passwordHash) });
    }
    return listings;
  };
}
export type ListUsers = ReturnType<typeof makeListUsers>;
