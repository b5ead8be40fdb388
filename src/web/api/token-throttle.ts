import type { RateWindows } from '../../ports/rate-windows.js';

/** How many failed token attempts one address may make per window. */
export interface TokenThrottlePolicy {
  maxFailures: number;
  windowMs: number;
}

export const TOKEN_THROTTLE_POLICY: TokenThrottlePolicy = { maxFailures: 10, windowMs: 5 * 60_000 };

/**
 * Failed attempts per key (a client address, a hashed email address), counted in the database
 * (`rate_windows`) so that N servers behind a load balancer allow what one would: once a key has
 * failed `maxFailures` times within a window (which starts with its first failure), every attempt
 * is refused until the window ends, so guessing cannot be automated. Tokens have 256 random bits;
 * this keeps the audit log and the database from being flooded too. `scope` keeps the counts of
 * different throttles apart.
 */
export function makeTokenThrottle(options: { scope: string; store: RateWindows; now: () => number; policy?: Partial<TokenThrottlePolicy> }) {
  const policy = { ...TOKEN_THROTTLE_POLICY, ...options.policy };
  const keyOf = (subject: string) => `${options.scope}:${subject}`.slice(0, 200);
  return {
    /** Milliseconds until the key may try again; 0 when it may now. */
    async retryAfterMs(subject: string): Promise<number> {
      const now = options.now();
      const window = await options.store.current(keyOf(subject), new Date(now), policy.windowMs);
      return window && window.hits >= policy.maxFailures ? window.startedAt.getTime() + policy.windowMs - now : 0;
    },
    /** Counts one failure; returns true when this failure used up the key's allowance. */
    async fail(subject: string): Promise<boolean> {
      const window = await options.store.hit(keyOf(subject), new Date(options.now()), policy.windowMs);
      return window.hits === policy.maxFailures;
    },
  };
}
export type TokenThrottle = ReturnType<typeof makeTokenThrottle>;
