import { hostname } from 'node:os';

/** This process as a scheduler worker: its name in job claims, and a test of whether another claim's process is gone. */
export interface LocalWorker {
  /** host:pid:start (ms): unique even when a restarted container gets the same pid. */
  id: string;
  /** True when `workerId` names a process on this host that no longer runs (or an earlier run of this pid). */
  isGone(workerId: string): boolean;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Names this process for job claims. After a crash (kill -9) a restarted server finds the claims of
 * the dead process at once instead of waiting for their leases to run out; claims of other hosts (or
 * of names it cannot read) are left to the lease.
 */
export function makeLocalWorker(host = hostname(), pid = process.pid, startedAt = Date.now()): LocalWorker {
  return {
    id: `${host}:${pid}:${startedAt}`,
    isGone(workerId) {
      const match = /^(.*):(\d+):(\d+)$/.exec(workerId);
      if (!match || match[1] !== host) return false;
      const [other, otherStart] = [Number(match[2]), Number(match[3])];
      if (other === pid) return otherStart !== startedAt;
      return !isRunning(other);
    },
  };
}
