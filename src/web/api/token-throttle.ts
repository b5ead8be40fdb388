/** How many failed token attempts one address may make per window, and how many addresses are remembered. */
export interface TokenThrottlePolicy {
  maxFailures: number;
  windowMs: number;
  maxAddresses: number;
}

export const TOKEN_THROTTLE_POLICY: TokenThrottlePolicy = { maxFailures: 10, windowMs: 5 * 60_000, maxAddresses: 10_000 };

interface Window {
  startedAt: number;
  failures: number;
}

/**
 * Failed bearer-token attempts per client address, in memory (per process): once an address has
 * failed `maxFailures` times within a window, every token it sends is refused until the window
 * ends, so guessing cannot be automated. Tokens have 256 random bits; this keeps the audit log and
 * the database from being flooded too. The oldest addresses are forgotten first past `maxAddresses`.
 */
export function makeTokenThrottle(options: { now: () => number; policy?: Partial<TokenThrottlePolicy> }) {
  const policy = { ...TOKEN_THROTTLE_POLICY, ...options.policy };
  const windows = new Map<string, Window>();

  /** The address's current window, dropping an ended one. */
  function windowOf(address: string, now: number): Window | undefined {
    const window = windows.get(address);
    if (window && window.startedAt + policy.windowMs <= now) {
      windows.delete(address);
      return undefined;
    }
    return window;
  }

  return {
    /** Milliseconds until the address may present a token again; 0 when it may now. */
    retryAfterMs(address: string): number {
      const now = options.now();
      const window = windowOf(address, now);
      return window && window.failures >= policy.maxFailures ? window.startedAt + policy.windowMs - now : 0;
    },
    /** Counts one refused token; returns true when this failure used up the address's allowance. */
    fail(address: string): boolean {
      const now = options.now();
      const window = windowOf(address, now) ?? { startedAt: now, failures: 0 };
      window.failures += 1;
      windows.delete(address);
      windows.set(address, window);
      if (windows.size > policy.maxAddresses) windows.delete(windows.keys().next().value as string);
      return window.failures === policy.maxFailures;
    },
  };
}
export type TokenThrottle = ReturnType<typeof makeTokenThrottle>;
