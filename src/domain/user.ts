/**
 * Staff accounts: roles, sign-in sessions and the sign-in throttle's back-off. Pure rules; hashing,
 * storage and cookies live outside the domain.
 */

/** Roles from least to most trusted; each one may do everything the roles before it may. */
export const ROLES = ['viewer', 'writer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  /** Stored normalised (trimmed, lower case), so one address is one account. */
  email: string;
  name: string;
  role: Role;
  hasTotp: boolean;
  totpEnabledAt: Date | null;
  passwordChangedAt: Date;
  /** A disabled account cannot sign in and its sessions stop working. */
  disabledAt: Date | null;
  createdAt: Date;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether the user's role is `minRole` or a more trusted one. */
export function hasRole(user: Pick<User, 'role'>, minRole: Role): boolean {
  return ROLES.indexOf(user.role) >= ROLES.indexOf(minRole);
}

/** The form under which an email address is stored and looked up. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const ACCOUNT_LIMITS = {
  emailMaxChars: 254,
  nameMaxChars: 120,
  /** Long passphrases are encouraged; no composition rules (NIST SP 800-63B). */
  passwordMinChars: 12,
  passwordMaxChars: 200,
  recoveryCodes: 10,
} as const;

/**
 * What a session may be used for. A `totp_pending` session has passed the password and waits for
 * the second factor; a `totp_setup` one may only set up two-factor sign-in (when it is mandatory).
 */
export const SESSION_STAGES = ['full', 'totp_pending', 'totp_setup'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

export interface Session {
  id: number;
  userId: number;
  stage: SessionStage;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export const SESSION_LIMITS = {
  /** Signed out after this long without a request. */
  idleMs: 12 * 3600_000,
  /** Signed out this long after signing in, however active. */
  absoluteMs: 7 * 24 * 3600_000,
  /** A half-finished sign-in (waiting for a code or for two-factor setup) lasts this long. */
  unfinishedMs: 15 * 60_000,
  /** Last-seen times are written at most this often, not on every request. */
  touchEveryMs: 60_000,
} as const;

/** When the session stops being valid: the earlier of its idle and absolute limits. */
export function sessionExpiresAt(session: Pick<Session, 'stage' | 'createdAt' | 'lastSeenAt'>): Date {
  if (session.stage !== 'full') return new Date(session.createdAt.getTime() + SESSION_LIMITS.unfinishedMs);
  return new Date(Math.min(session.lastSeenAt.getTime() + SESSION_LIMITS.idleMs, session.createdAt.getTime() + SESSION_LIMITS.absoluteMs));
}

export function isSessionExpired(session: Pick<Session, 'stage' | 'createdAt' | 'lastSeenAt'>, now: Date): boolean {
  return sessionExpiresAt(session).getTime() <= now.getTime();
}

/** How one throttle key (an account, a client address) backs off after failed sign-ins. */
export interface ThrottlePolicy {
  /** Failures allowed before any wait. */
  freeFailures: number;
  /** The first wait; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key with no failure for this long starts again from zero. */
  forgetAfterMs: number;
}

export const THROTTLE_POLICIES = {
  /** Per account: after 5 failures wait 1 s, then 2 s, 4 s ... up to 15 minutes. */
  account: { freeFailures: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetAfterMs: 3600_000 },
  /** Per client address: offices share addresses behind NAT, so more failures pass before waiting. */
  address: { freeFailures: 20, baseDelayMs: 1000, maxDelayMs: 15 * 60_000, forgetAfterMs: 3600_000 },
} as const satisfies Record<string, ThrottlePolicy>;

/** The wait imposed after `failures` consecutive failures. */
export function backoffDelayMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = failures - policy.freeFailures;
  // 2^doublings overflows nothing useful past 40; the cap applies long before.
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(doublings, 40));
}

/** Until when a key with this failure record refuses sign-ins, or null when it does not. */
export function lockedUntil(record: { failures: number; lastFailureAt: Date }, policy: ThrottlePolicy, now: Date): Date | null {
  if (now.getTime() - record.lastFailureAt.getTime() >= policy.forgetAfterMs) return null;
  const until = record.lastFailureAt.getTime() + backoffDelayMs(record.failures, policy);
  return until > now.getTime() ? new Date(until) : null;
}
