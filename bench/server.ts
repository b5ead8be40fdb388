// Starts the compiled server as production does (node SERVER_ENTRY) and stops it with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../test/support/free-port.js';
export { freePort };

/**
 * The compiled server as production runs it (docs/deployment.md), relative to the project root: the
 * one place bench/ names it. PRESSROOM_BENCH_ENTRY overrides it (node flags and file, space-separated).
 */
export const SERVER_ENTRY = process.env.PRESSROOM_BENCH_ENTRY ?? '--max-semi-space-size=4 dist/server/web.js';
const SERVER_ARGS = SERVER_ENTRY.split(/\s+/).filter(Boolean);

export interface RunningServer {
  pid: number;
  origin: string;
  /** Milliseconds from spawn to the first 2xx answer of the health path. */
  readyMs: number;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s. Safe to call twice. */
  stop(): Promise<void>;
}


/** Resident memory of a process in bytes (VmRSS), or null once it has gone. */
export function rssBytes(pid: number): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Pressroom's compiled server on a free port, with the bench's data directory and its SQLite file,
 * or the PostgreSQL database `databaseUrl`.
 */
export async function startServer(options: {
  cwd: string;
  dataDir: string;
  databaseUrl?: string;
  /** PRESSROOM_DEMO=1: seeds the demo newsroom into an empty data dir, as `npm start` does. */
  demo?: boolean;
  /** The path whose first 200 marks the server ready (default /healthz). */
  readyPath?: string;
  /** Called with the child's pid as soon as it is spawned (to sample memory from the start). */
  onSpawn?: (pid: number) => void;
}): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PRESSROOM_DATA: options.dataDir, PRESSROOM_DEMO: options.demo ? '1' : '0', LOG_LEVEL: 'warn' };
  // The SQLite file in PRESSROOM_DATA unless a database is named, whatever the caller's shell says.
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  return startProcess({ args: SERVER_ARGS, cwd: options.cwd, env, port, healthPath: options.readyPath ?? '/healthz', onSpawn: options.onSpawn });
}

/**
 * The ceiling for any Node.js server on this machine: bare node:http (no framework, no routing, no
 * cache lookup) answering every request with the same bytes from memory. Not Pressroom.
 */
export async function startNodeBaseline(body: Buffer, contentType: string): Promise<RunningServer> {
  const port = await freePort();
  const code = `const body = Buffer.from(${JSON.stringify(body.toString('base64'))}, 'base64');
require('node:http').createServer((req, res) => { res.setHeader('Content-Type', ${JSON.stringify(contentType)}); res.end(body); }).listen(${port}, '127.0.0.1');`;
  return startProcess({ args: ['-e', code], cwd: process.cwd(), env: process.env, port, healthPath: '/' });
}

async function startProcess(options: { args: string[]; cwd: string; env: NodeJS.ProcessEnv; port: number; healthPath: string; onSpawn?: (pid: number) => void }): Promise<RunningServer> {
  const spawned = performance.now();
  const child = spawn(process.execPath, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) options.onSpawn?.(child.pid);
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const server: RunningServer = {
    pid: child.pid ?? -1,
    origin: `http://127.0.0.1:${options.port}`,
    readyMs: 0,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    },
  };

  // A hang guard, not a goal: seeding the demo on a loaded machine can take a while.
  const ready = await firstOk(server.origin + options.healthPath, 120_000, () => child.exitCode !== null);
  if (ready !== null) return { ...server, readyMs: ready - spawned };
  await server.stop();
  if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode} before it was healthy:\n${log}`);
  throw new Error(`The server did not answer ${options.healthPath} within 120 s:\n${log}`);
}

/**
 * Polls `url` every 10 ms until it answers 2xx and returns performance.now() at that answer, or null
 * when `gone()` says the process died or `timeoutMs` passed.
 */
export async function firstOk(url: string, timeoutMs: number, gone: () => boolean): Promise<number | null> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline && !gone()) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return performance.now();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return null;
}
