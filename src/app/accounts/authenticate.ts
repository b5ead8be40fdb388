import { isSessionExpired, normaliseEmail, SESSION_LIMITS, type SessionStage, type User } from '../../domain/user.js';
import type { AuditLog } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { SessionRepo } from '../../ports/session-repo.js';
import type { UserRepo } from '../../ports/user-repo.js';
import type { LoginThrottle } from './login-throttle.js';
import type { PasswordHasher } from './password-hashing.js';
import { hashRecoveryCode, sha256Hex } from './secrets.js';
import { startSession } from './start-session.js';
import { normaliseCode, totpStepOf } from './totp-codes.js';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/**
 * What a sign-in step led to. `session` carries a new cookie token; its stage says what comes next
 * (`full`: signed in; `totp_pending`: enter a code; `totp_setup`: set up two-factor sign-in first).
 */
export type SignInResult =
  | { outcome: 'session'; token: string; stage: SessionStage; user: User }
  /** Wrong email, password or code; `retryAfterMs` is the wait this failure imposed, if any. */
  | { outcome: 'refused'; retryAfterMs: number }
  /** Refused without checking anything: too many recent failures. */
  | { outcome: 'throttled'; retryAfterMs: number }
  /** The half-finished sign-in is gone or too old; start again with the password. */
  | { outcome: 'expired' };

interface Deps {
  users: UserRepo;
  sessions: SessionRepo;
  throttle: LoginThrottle;
  audit: AuditLog;
  clock: Clock;
  hasher: PasswordHasher;
  /** Two-factor sign-in is mandatory: users without it must set it up before anything else. */
  requireTotp: boolean;
}

/** Signs in with email and password: throttled, audited, and followed by a TOTP step when enabled. */
export function makeAuthenticate(deps: Deps) {
  return async function authenticate(input: { email: string; password: string } & ClientInfo): Promise<SignInResult> {
    const email = normaliseEmail(input.email);
    const now = deps.clock.now();
    const actor = { userId: null, label: email, ip: input.ip };
    const wait = await deps.throttle.retryAfterMs(email, input.ip, now);
    if (wait > 0) {
      // Refused before any password check, so guessing during the wait learns nothing.
      await deps.audit.record({ at: now, actor, action: 'user.login_failed', subjectType: 'user', subjectId: null, details: { email, reason: 'throttled' } });
      return { outcome: 'throttled', retryAfterMs: wait };
    }

    const user = await deps.users.byEmail(email);
    const credentials = user ? await deps.users.credentials(user.id) : null;
    // Unknown accounts cost the same hashing time, so response times do not reveal which exist.
    const passwordOk = credentials ? await deps.hasher.verify(input.password, credentials.passwordHash) : await deps.hasher.verifyAgainstNothing(input.password);
    if (!user || !passwordOk || user.disabledAt) {
      const retryAfterMs = await deps.throttle.fail(email, input.ip, now);
      const reason = !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'account_disabled';
      await deps.audit.record({ at: now, actor: { ...actor, userId: user?.id ?? null }, action: 'user.login_failed', subjectType: 'user', subjectId: user ? String(user.id) : null, details: { email, reason } });
      return { outcome: 'refused', retryAfterMs };
    }

    await deps.sessions.deleteExpired(
      new Date(now.getTime() - SESSION_LIMITS.idleMs),
      new Date(now.getTime() - SESSION_LIMITS.absoluteMs),
      new Date(now.getTime() - SESSION_LIMITS.unfinishedMs),
    );
    const stage: SessionStage = user.hasTotp ? 'totp_pending' : deps.requireTotp ? 'totp_setup' : 'full';
    const { token } = await startSession(deps.sessions, { userId: user.id, stage, at: now, ip: input.ip, userAgent: input.userAgent });
    if (stage !== 'totp_pending') {
      await deps.throttle.succeed(email);
      await deps.audit.record({
        at: now,
        actor: { userId: user.id, label: user.email, ip: input.ip },
        action: 'user.login_succeeded',
        subjectType: 'user',
        subjectId: String(user.id),
        details: { secondFactor: stage === 'totp_setup' ? 'setup_required' : 'none' },
      });
    }
    return { outcome: 'session', token, stage, user };
  };
}
export type Authenticate = ReturnType<typeof makeAuthenticate>;

/**
 * The second sign-in step: a TOTP code or a one-use recovery code for a session that passed the
 * password. Success replaces the half-finished session with a new one (a new token), so a token
 * seen before the second factor is worth nothing after it.
 */
export function makeCompleteSignIn(deps: Omit<Deps, 'hasher' | 'requireTotp'>) {
  return async function completeSignIn(input: { token: string; code: string } & ClientInfo): Promise<SignInResult> {
    const now = deps.clock.now();
    const pending = await deps.sessions.byTokenHash(sha256Hex(input.token));
    if (!pending || pending.stage !== 'totp_pending' || isSessionExpired(pending, now)) return { outcome: 'expired' };
    const user = await deps.users.byId(pending.userId);
    const credentials = user ? await deps.users.credentials(user.id) : null;
    if (!user || user.disabledAt || !credentials?.totpSecret) {
      await deps.sessions.delete(pending.id);
      return { outcome: 'expired' };
    }
    const actor = { userId: user.id, label: user.email, ip: input.ip };
    const wait = await deps.throttle.retryAfterMs(user.email, input.ip, now);
    if (wait > 0) {
      await deps.audit.record({ at: now, actor, action: 'user.login_failed', subjectType: 'user', subjectId: String(user.id), details: { email: user.email, reason: 'throttled' } });
      return { outcome: 'throttled', retryAfterMs: wait };
    }

    const code = normaliseCode(input.code);
    let secondFactor: 'totp' | 'recovery_code' | null = null;
    if (/^\d{6}$/.test(code)) {
      const step = totpStepOf(credentials.totpSecret, code, now);
      if (step !== null && (await deps.users.claimTotpStep(user.id, step))) secondFactor = 'totp';
    } else if (code.length > 0 && (await deps.users.useRecoveryCode(user.id, hashRecoveryCode(code), now))) {
      secondFactor = 'recovery_code';
      const remaining = await deps.users.unusedRecoveryCodes(user.id);
      await deps.audit.record({ at: now, actor, action: 'user.recovery_code_used', subjectType: 'user', subjectId: String(user.id), details: { remaining } });
    }
    if (!secondFactor) {
      const retryAfterMs = await deps.throttle.fail(user.email, input.ip, now);
      await deps.audit.record({ at: now, actor, action: 'user.login_failed', subjectType: 'user', subjectId: String(user.id), details: { email: user.email, reason: 'wrong_code' } });
      return { outcome: 'refused', retryAfterMs };
    }

    await deps.sessions.delete(pending.id);
    const { token } = await startSession(deps.sessions, { userId: user.id, stage: 'full', at: now, ip: input.ip, userAgent: input.userAgent });
    await deps.throttle.succeed(user.email);
    await deps.audit.record({ at: now, actor, action: 'user.login_succeeded', subjectType: 'user', subjectId: String(user.id), details: { secondFactor } });
    return { outcome: 'session', token, stage: 'full', user };
  };
}
export type CompleteSignIn = ReturnType<typeof makeCompleteSignIn>;
