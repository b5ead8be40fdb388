/** Past this, a stop that has not finished (a hung database, say) is abandoned and the process exits 1. */
const HARD_LIMIT_MS = 30_000;

export interface ShutdownDeps {
  /** The web app's graceful stop (web-app.ts): requests, current work, leases, view counts. */
  stop: () => Promise<void>;
  /** Closes the composed system (search indexing, mail, database). */
  close: () => Promise<void>;
  log: { info(message: string): void; error(details: object, message: string): void };
  hardLimitMs?: number;
  exit?: (code: number) => void;
}

/**
 * On SIGTERM or SIGINT (systemd, Docker, Ctrl-C): stops the server gracefully, closes the system
 * and exits 0; exits 1 when stopping fails or outlasts the hard limit. A second signal while
 * stopping is logged and otherwise ignored (the hard limit still holds).
 */
export function stopOnSignals(deps: ShutdownDeps): void {
  const exit = deps.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      deps.log.info(`${signal}: already shutting down`);
      return;
    }
    stopping = true;
    deps.log.info(`${signal}: shutting down (finishing requests and the current job)`);
    const limit = deps.hardLimitMs ?? HARD_LIMIT_MS;
    setTimeout(() => {
      deps.log.error({ limitMs: limit }, 'shutdown did not finish in time: exiting anyway');
      exit(1);
    }, limit).unref();
    try {
      await deps.stop();
      await deps.close();
      exit(0);
    } catch (error) {
      deps.log.error({ err: error }, 'shutdown failed');
      exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
