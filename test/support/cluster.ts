// N real Pressroom server processes (src/main/web.ts, configured through the environment as in
// production) on free loopback ports, sharing one PostgreSQL database and one S3-compatible bucket
// (s3rver on loopback) and nothing else: each has a data directory of its own. The multi-server
// deployment of docs/deployment.md, for test/e2e/multi-server.test.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from './databases.js';
import { freePort } from './nginx.js';
import type { TestS3 } from './s3.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = 'src/main/web.ts';

/**
 * The file-store settings every server of a cluster gets (the one place they come from): the
 * PRESSROOM_S3_* variables of an s3rver on loopback (test/support/s3.ts), as in production.
 */
export function fileStoreEnv(s3: TestS3): Record<string, string> {
  return { ...s3.env };
}

export interface ClusterServer {
  name: string;
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** host:port, for an nginx upstream. */
  address: string;
  pid: number;
  /** Its own PRESSROOM_DATA directory (shared with no other server; removed when the cluster stops). */
  dataDir: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when the process has exited, with its exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGKILL (kill -9): nothing runs in the process after it. */
  kill(): Promise<void>;
  /** SIGTERM (a graceful stop, as systemd does), then SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface Cluster {
  servers: ClusterServer[];
  /** The environment the servers share (database, file store, site settings). */
  env: Record<string, string>;
  /** Stops every server still running. */
  stop(): Promise<void>;
}

/** Environment every server gets: production settings, loopback only, no demo content. */
function sharedEnv(database: TestDatabase, s3: TestS3): Record<string, string> {
  if (database.target.kind !== 'postgres') throw new Error('a cluster shares one PostgreSQL database: create it with createTestDatabase("postgres")');
  return {
    DATABASE_URL: database.target.url,
    ...fileStoreEnv(s3),
    HOST: '127.0.0.1',
    PRESSROOM_DEMO: '0',
    PRESSROOM_SITE_NAME: 'Cluster test',
    PRESSROOM_BASE_URL: 'https://news.example.org',
    // nginx on loopback is the only proxy (docs/operations.md).
    PRESSROOM_TRUST_PROXY: 'loopback',
    LOG_LEVEL: 'warn',
  };
}

/** One server process; resolves once it answers /healthz (or rejects with its output). */
async function startServer(name: string, env: Record<string, string>): Promise<ClusterServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `pressroom-server-${name}-`));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port), PRESSROOM_DATA: dataDir };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ENTRY], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code))).then((code) => {
    rmSync(dataDir, { recursive: true, force: true });
    return code;
  });
  let gone = false;
  void exited.then(() => (gone = true));
  const server: ClusterServer = {
    name,
    port,
    origin: `http://127.0.0.1:${port}`,
    address: `127.0.0.1:${port}`,
    pid: child.pid ?? -1,
    dataDir,
    output: () => output,
    exited,
    async kill() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 10_000) {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  // A hang guard, not a timing assertion: tsx compiles the app at start, slowly on a busy machine.
  const deadline = Date.now() + 90_000;
  while (!gone && Date.now() < deadline) {
    try {
      const response = await fetch(`${server.origin}/healthz`);
      await response.arrayBuffer();
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.kill();
  throw new Error(`server ${name} did not answer /healthz (${gone ? 'it exited' : 'gave up after 90 s'}):\n${output}`);
}

/**
 * Starts `count` servers (named A, B, ...) together on the database, files in `s3`'s bucket. The
 * database may be fresh: they then race to migrate it, as servers do in production (the migration
 * lock, docs/operations.md). `env` adds or overrides settings for all of them.
 */
export async function startCluster(database: TestDatabase, s3: TestS3, options: { count?: number; env?: Record<string, string> } = {}): Promise<Cluster> {
  const env = { ...sharedEnv(database, s3), ...options.env };
  const names = Array.from({ length: options.count ?? 2 }, (_, i) => String.fromCharCode(65 + i));
  const started = await Promise.allSettled(names.map((name) => startServer(name, env)));
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((s) => s.stop()));
    throw failed.reason;
  }
  return {
    servers,
    env,
    stop: async () => void (await Promise.all(servers.map((s) => s.stop()))),
  };
}
