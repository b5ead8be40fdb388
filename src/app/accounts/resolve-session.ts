import { isSessionExpired, SESSION_LIMITS, type Session, type User } from '../../domain/user.js';
import type { Clock } from '../../ports/clock.js';
import type { SessionRepo } from '../../ports/session-repo.js';
import type { UserRepo } from '../../ports/user-repo.js';
import { sha256Hex } from './secrets.js';

export interface ResolvedSession {
  user: User;
  session: Session;
}

/**
 * The session and user behind a cookie token, or null when there is none, it has expired (idle or
 * absolute limit) or the account is disabled. Under mandatory two-factor sign-in, a full session of
 * a user without it is treated as `totp_setup`, so turning the setting on takes effect at once.
 */
export function makeResolveSession(deps: { users: UserRepo; sessions: SessionRepo; clock: Clock; requireTotp: boolean }) {
  return async function resolveSession(token: string | undefined): Promise<ResolvedSession | null> {
    if (!token || token.length > 200) return null;
    const now = deps.clock.now();
    const session = await deps.sessions.byTokenHash(sha256Hex(token));
    if (!session) return null;
    if (isSessionExpired(session, now)) {
      await deps.sessions.delete(session.id);
      return null;
    }
    const user = await deps.users.byId(session.userId);
    if (!user || user.disabledAt) {
      await deps.sessions.delete(session.id);
      return null;
    }
    // Written at most once a minute: the idle limit does not need per-request precision.
    if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_LIMITS.touchEveryMs) await deps.sessions.touch(session.id, now);
    const stage = session.stage === 'full' && deps.requireTotp && !user.hasTotp ? 'totp_setup' : session.stage;
    return { user, session: { ...session, stage, lastSeenAt: now } };
  };
}
export type ResolveSession = ReturnType<typeof makeResolveSession>;
