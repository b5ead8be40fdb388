// Starts the compiled server as production does (node dist/main/web.js) and stops it with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../test/support/free-port.js';
export { freePort };

export interface RunningServer {
  pid: number;
  origin: string;
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
export async function startServer(options: { cwd: string; dataDir: string; databaseUrl?: string }): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PRESSROOM_DATA: options.dataDir, PRESSROOM_DEMO: '0', LOG_LEVEL: 'warn' };
  // The SQLite file in PRESSROOM_DATA unless a database is named, whatever the caller's shell says.
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  return startProcess({ args: ['dist/main/web.js'], cwd: options.cwd, env, port, healthPath: '/healthz' });
}

/**
 * The machine's ceiling for comparison: bare node:http answering every request with the same
 * bytes from memory (no framework, no headers beyond the minimum). Not Pressroom.
 */
export async function startBaseline(bodyBytes: number): Promise<RunningServer> {
  const port = await freePort();
  const code = `const body = Buffer.alloc(${bodyBytes}, 'x');
require('node:http').createServer((req, res) => { res.setHeader('Content-Type', 'text/html; charset=utf-8'); res.end(body); }).listen(${port}, '127.0.0.1');`;
  return startProcess({ args: ['-e', code], cwd: process.cwd(), env: process.env, port, healthPath: '/' });
}

async function startProcess(options: { args: string[]; cwd: string; env: NodeJS.ProcessEnv; port: number; healthPath: string }): Promise<RunningServer> {
  const child = spawn(process.execPath, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const server: RunningServer = {
    pid: child.pid ?? -1,
    origin: `http://127.0.0.1:${options.port}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode} before it was healthy:\n${log}`);
    try {
      const response = await fetch(server.origin + options.healthPath);
      await response.arrayBuffer();
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.stop();
  throw new Error(`The server did not answer ${options.healthPath} within 30 s:\n${log}`);
}
