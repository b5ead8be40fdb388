// A throwaway PostgreSQL 15 cluster for the bench, started the way scripts/test.mjs starts the test
// cluster (initdb with C.UTF-8 for Korean, trust auth on 127.0.0.1, a private socket directory),
// but with the durability settings left at their defaults so the figures are what a server sees.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { freePort } from './server.js';

const PGBIN = process.env.PRESSROOM_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface BenchCluster {
  /** postgres://… of an empty database. */
  url: string;
  stop(): void;
}

function asPostgres(args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0]!, args.slice(1)];
}

function run(args: string[], label: string): void {
  const [command, rest] = asPostgres(args);
  const result = spawnSync(command, rest, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${label} failed: ${result.stderr || result.stdout}`);
}

/** Why PostgreSQL cannot be benchmarked here, or null when it can. */
export function postgresUnavailable(): string | null {
  if (!existsSync(join(PGBIN, 'initdb'))) return `no PostgreSQL 15 binaries in ${PGBIN} (apt-get install postgresql-15)`;
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'the "postgres" user is missing (install postgresql-15)';
  return null;
}

/** initdb + pg_ctl start in a temporary directory; `stop()` stops the server and deletes it. */
export async function startBenchCluster(): Promise<BenchCluster> {
  // Under bench/.work rather than /tmp, where other jobs' clean-ups may sweep it away mid-run.
  const parent = join(fileURLToPath(new URL('.', import.meta.url)), '.work');
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, 'postgres-'));
  mkdirSync(join(dir, 'sock'));
  if (process.getuid?.() === 0) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout);
    for (const path of [dir, join(dir, 'sock')]) chownSync(path, uid, gid);
  }
  const port = await freePort();
  const data = join(dir, 'data');
  let started = false;
  const stop = () => {
    if (started) {
      try {
        run([join(PGBIN, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop'], 'pg_ctl stop');
      } catch (error) {
        console.error(String(error));
      }
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run([join(PGBIN, 'initdb'), '-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N'], 'initdb');
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${join(dir, 'sock')} -c shared_buffers=256MB -c max_connections=100`;
    run([join(PGBIN, 'pg_ctl'), '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', options, 'start'], 'pg_ctl start');
    started = true;
    run([join(PGBIN, 'psql'), '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-Atc', 'create database pressroom_bench'], 'create database');
  } catch (error) {
    stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/pressroom_bench`, stop };
}
