/** Consecutive failed sign-ins of one key ("account:kim@mnd.example", "address:203.0.113.9"). */
export interface FailureRecord {
  key: string;
  failures: number;
  lastFailureAt: Date;
}

/** Failed sign-in counts kept in the database, so every process sees the same back-off. */
export interface LoginThrottleStore {
  get(keys: string[]): Promise<FailureRecord[]>;
  /**
   * Adds one failure atomically; a key whose last failure is older than `forgetBefore` starts again
   * from one. Returns the updated record.
   */
  recordFailure(key: string, at: Date, forgetBefore: Date): Promise<FailureRecord>;
  clear(key: string): Promise<void>;
}
