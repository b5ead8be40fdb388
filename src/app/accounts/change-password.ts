import { NotFoundError, ValidationError, type FieldIssue } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { AccountsUnitOfWork, UserRepo } from '../../ports/user-repo.js';
import { passwordChangeSchema, type PasswordChangeInput } from './account.schema.js';
import type { LoginThrottle } from './login-throttle.js';
import type { PasswordHasher } from './password-hashing.js';

/**
 * Changes a signed-in user's password after checking the current one, and ends every other session
 * of the user (a stolen session dies with the old password). Wrong current passwords count towards
 * the sign-in throttle, so a borrowed session cannot be used to guess it.
 */
export function makeChangePassword(deps: { uow: AccountsUnitOfWork; users: UserRepo; throttle: LoginThrottle; clock: Clock; hasher: PasswordHasher }) {
  return async function changePassword(input: PasswordChangeInput & { userId: number; sessionId: number; ip: string | null }): Promise<{ endedSessions: number }> {
    const now = deps.clock.now();
    const user = await deps.users.byId(input.userId);
    const credentials = user ? await deps.users.credentials(input.userId) : null;
    if (!user || !credentials) throw new NotFoundError(`No user ${input.userId}`);

    const parsed = passwordChangeSchema.safeParse(input);
    const issues: FieldIssue[] = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ code: i.code, message: i.message, field: i.path.join('.') || undefined }));
    if (input.currentPassword) {
      const wait = await deps.throttle.retryAfterMs(user.email, input.ip, now);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        issues.push({ code: 'throttled', message: `Too many wrong passwords. Try again in ${seconds} seconds.`, field: 'currentPassword', params: { seconds } });
      } else if (!(await deps.hasher.verify(input.currentPassword, credentials.passwordHash))) {
        await deps.throttle.fail(user.email, input.ip, now);
        issues.push({ code: 'wrong_password', message: 'Your current password is not right', field: 'currentPassword' });
      }
    }
    if (issues.length > 0 || !parsed.success) throw new ValidationError('The password was not changed', issues);

    const passwordHash = await deps.hasher.hash(parsed.data.newPassword);
    return deps.uow.run(async (tx) => {
      await tx.users.setPassword(user.id, passwordHash, now);
      const endedSessions = await tx.sessions.deleteForUser(user.id, input.sessionId);
      await tx.audit.record({
        at: now,
        actor: { userId: user.id, label: user.email, ip: input.ip },
        action: 'user.password_changed',
        subjectType: 'user',
        subjectId: String(user.id),
        details: { endedSessions },
      });
      return { endedSessions };
    });
  };
}
export type ChangePassword = ReturnType<typeof makeChangePassword>;
