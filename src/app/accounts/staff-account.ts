import { z } from 'zod';
import { InvalidStateError, NotFoundError } from '../../domain/errors.js';
import { ROLES, type User } from '../../domain/user.js';
import type { AccountsTx } from '../../ports/user-repo.js';
import { emailSchema } from './account.schema.js';

/** Names one staff account by its email address (CLI, later the admin UI). */
export const accountSchema = z.object({ email: emailSchema });
export type AccountInput = z.input<typeof accountSchema>;

/** A new role for an account. */
export const roleChangeSchema = z.object({ email: emailSchema, role: z.enum(ROLES, `Choose one of: ${ROLES.join(', ')}`) });
export type RoleChangeInput = z.input<typeof roleChangeSchema>;

/** The account with this (normalised) address, read inside the change's transaction. */
export async function accountByEmail(tx: AccountsTx, email: string): Promise<User> {
  const user = await tx.users.byEmail(email);
  if (!user) throw new NotFoundError(`No staff account has the email address ${email}`);
  return user;
}

/**
 * Refuses to take away the last active administrator (by disabling or demoting it): nobody could
 * then manage staff or API tokens except through the database.
 */
export async function refuseLastAdmin(tx: AccountsTx, user: User, doing: 'disable' | 'demote'): Promise<void> {
  if (user.role !== 'admin' || user.disabledAt) return;
  if ((await tx.users.countActiveAdmins()) > 1) return;
  const message = `${user.email} is the only active administrator; ${doing === 'disable' ? 'disabling' : 'demoting'} it would leave nobody to manage staff. Make another account an administrator first (pressroom user set-role EMAIL admin).`;
  throw new InvalidStateError(message, [{ code: 'last_admin', message, field: 'email' }]);
}
