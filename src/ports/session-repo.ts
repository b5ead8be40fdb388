import type { Session, SessionStage } from '../domain/user.js';

export interface NewSession {
  userId: number;
  /** SHA-256 of the cookie's token, hex; the token itself is never stored. */
  tokenHash: string;
  stage: SessionStage;
  createdAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** Server-side sign-in sessions, shared by every process. */
export interface SessionRepo {
  create(input: NewSession): Promise<Session>;
  byTokenHash(tokenHash: string): Promise<Session | null>;
  touch(id: number, at: Date): Promise<void>;
  delete(id: number): Promise<void>;
  /** Ends every session of the user, except `exceptId` when given; returns how many ended. */
  deleteForUser(userId: number, exceptId?: number): Promise<number>;
  /** Housekeeping: removes sessions idle since `idleBefore` or created before `createdBefore`. */
  deleteExpired(idleBefore: Date, createdBefore: Date, unfinishedCreatedBefore: Date): Promise<number>;
  countForUser(userId: number): Promise<number>;
}
