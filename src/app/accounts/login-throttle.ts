import { lockedUntil, THROTTLE_POLICIES, type ThrottlePolicy } from '../../domain/user.js';
import type { LoginThrottleStore } from '../../ports/login-throttle.js';

interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

/** The keys one attempt counts against: the account (by email, known or not) and the client address. */
function keysFor(email: string, ip: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: `account:${email}`, policy: THROTTLE_POLICIES.account }];
  if (ip) keys.push({ key: `address:${ip}`, policy: THROTTLE_POLICIES.address });
  return keys;
}

/**
 * Growing back-off after failed sign-ins, per account and per client address, kept in the database
 * so that every process enforces the same waits.
 */
export function makeLoginThrottle(deps: { store: LoginThrottleStore }) {
  return {
    /** Milliseconds until an attempt is allowed again; 0 when it is allowed now. */
    async retryAfterMs(email: string, ip: string | null, now: Date): Promise<number> {
      const keys = keysFor(email, ip);
      const records = await deps.store.get(keys.map((k) => k.key));
      let until = 0;
      for (const record of records) {
        const policy = keys.find((k) => k.key === record.key)!.policy;
        until = Math.max(until, lockedUntil(record, policy, now)?.getTime() ?? 0);
      }
      return Math.max(0, until - now.getTime());
    },
    /** Counts a failure against every key; returns the wait it imposes on the next attempt. */
    async fail(email: string, ip: string | null, now: Date): Promise<number> {
      let until = 0;
      for (const { key, policy } of keysFor(email, ip)) {
        const record = await deps.store.recordFailure(key, now, new Date(now.getTime() - policy.forgetAfterMs));
        until = Math.max(until, lockedUntil(record, policy, now)?.getTime() ?? 0);
      }
      return Math.max(0, until - now.getTime());
    },
    /**
     * A full sign-in clears the account's count. The address keeps its count (it fades after an
     * hour) so that one valid account cannot be used to reset guessing at others.
     */
    async succeed(email: string): Promise<void> {
      await deps.store.clear(`account:${email}`);
    },
  };
}
export type LoginThrottle = ReturnType<typeof makeLoginThrottle>;
