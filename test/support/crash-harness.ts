import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from './databases.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

export interface CrashChild {
  /** Resolves with the first line (from now or earlier) matching, or rejects after `timeoutMs` (a hang guard). */
  waitFor(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Every line printed so far. */
  lines: string[];
  /** SIGKILL (kill -9): no cleanup of any kind runs in the child. */
  kill(): Promise<void>;
  /** Sends a signal (SIGTERM: a graceful stop) without waiting for the exit. */
  signal(name: NodeJS.Signals): void;
  /** Resolves when the child exits by itself, with its exit code. */
  exited: Promise<number | null>;
  stderr(): string;
}

/** Starts test/support/crash-child.ts (or another child `script`) on this database (`serve`, or `import DIR`). */
export function startCrashChild(database: TestDatabase, args: string[], script = CHILD): CrashChild {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, PRESSROOM_CRASH_DATABASE: JSON.stringify(database.target), PRESSROOM_CRASH_DATA: database.dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  let errors = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  child.stderr!.on('data', (chunk: Buffer) => void (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    for (const wake of waiters) wake();
    resolve(code);
  }));
  let done = false;
  void exited.then(() => (done = true));
  return {
    lines,
    exited,
    stderr: () => errors,
    waitFor(match, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no matching line within ${timeoutMs} ms; got:\n${lines.join('\n')}\n${errors}`)), timeoutMs);
        const check = () => {
          const line = lines.find(match);
          if (line !== undefined) finish(null, line);
          else if (done) finish(new Error(`the child exited; got:\n${lines.join('\n')}\n${errors}`));
        };
        const finish = (error: Error | null, line?: string) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(line!);
        };
        waiters.add(check);
        check();
      });
    },
    async kill() {
      if (!done) child.kill('SIGKILL');
      await exited;
    },
    signal(name) {
      if (!done) child.kill(name);
    },
  };
}

/** Polls `condition` every 50 ms until it holds; rejects after `timeoutMs` (a hang guard, not a timing assertion). */
export async function eventually(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A random integer in [min, max]. */
export const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
