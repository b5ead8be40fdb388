import type { Session, SessionStage } from '../../domain/user.js';
import type { SessionRepo } from '../../ports/session-repo.js';
import { newSessionToken, sha256Hex } from './secrets.js';

/** Opens a session and returns its token: the only moment the token exists outside the cookie. */
export async function startSession(
  sessions: SessionRepo,
  input: { userId: number; stage: SessionStage; at: Date; ip: string | null; userAgent: string | null },
): Promise<{ token: string; session: Session }> {
  const token = newSessionToken();
  const session = await sessions.create({ userId: input.userId, tokenHash: sha256Hex(token), stage: input.stage, createdAt: input.at, ip: input.ip, userAgent: input.userAgent });
  return { token, session };
}
