import type { AuditLog } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { SessionRepo } from '../../ports/session-repo.js';
import type { UserRepo } from '../../ports/user-repo.js';
import { sha256Hex } from './secrets.js';

/** Ends the session behind a cookie token; signing out twice is harmless. */
export function makeSignOut(deps: { users: UserRepo; sessions: SessionRepo; audit: AuditLog; clock: Clock }) {
  return async function signOut(input: { token: string | undefined; ip: string | null }): Promise<void> {
    if (!input.token) return;
    const session = await deps.sessions.byTokenHash(sha256Hex(input.token));
    if (!session) return;
    await deps.sessions.delete(session.id);
    const user = await deps.users.byId(session.userId);
    await deps.audit.record({
      at: deps.clock.now(),
      actor: { userId: session.userId, label: user?.email ?? `user:${session.userId}`, ip: input.ip },
      action: 'user.logged_out',
      subjectType: 'user',
      subjectId: String(session.userId),
      details: {},
    });
  };
}
export type SignOut = ReturnType<typeof makeSignOut>;
