#!/usr/bin/env node
// `npm test`: lists the test files explicitly (Node 20's runner has no globs and silently runs
// nothing on a bare directory), starts a throwaway PostgreSQL 15 cluster for the contract suites,
// checks for Chromium, runs everything with `node --import tsx --test`, and stops the cluster.
// With CI=true a missing database or browser fails the run; elsewhere those suites are skipped
// with a one-line explanation.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createServer } from 'node:net';

const root = new URL('..', import.meta.url).pathname;
const isCI = process.env.CI === 'true' || process.env.CI === '1';
const PGBIN = process.env.PRESSROOM_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const CHROMIUM = process.env.PRESSROOM_CHROMIUM ?? '/usr/bin/chromium';

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const filter = process.argv.slice(2);
let files = [...findTests(join(root, 'src')), ...findTests(join(root, 'test'))].map((f) => relative(root, f)).sort();
if (filter.length > 0) files = files.filter((f) => filter.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('No test files found: refusing to report success for an empty run.');
  process.exit(1);
}

const env = { ...process.env };
const problems = [];

// Browser.
if (!env.PRESSROOM_CHROMIUM_PATH) {
  if (existsSync(CHROMIUM)) env.PRESSROOM_CHROMIUM_PATH = CHROMIUM;
  else if (isCI) problems.push(`Chromium not found at ${CHROMIUM} (CI=true: browser tests must run; install it with .ci/run).`);
  else console.log(`Browser suites skipped: no Chromium at ${CHROMIUM} (apt-get install chromium fonts-nanum to run them).`);
}

// PostgreSQL.
async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

let cluster = null;
function asPostgres(args) {
  const isRoot = process.getuid?.() === 0;
  return isRoot ? ['runuser', ['-u', 'postgres', '--', ...args]] : [args[0], args.slice(1)];
}
function run(args, label) {
  const [cmd, rest] = asPostgres(args);
  const r = spawnSync(cmd, rest, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr || r.stdout}`);
}
async function startCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'pressroom-pg-'));
  mkdirSync(join(dir, 'sock'));
  if (process.getuid?.() === 0) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (pw.status !== 0) throw new Error('the "postgres" user is missing (install postgresql-15)');
    for (const p of [dir, join(dir, 'sock')]) chownSync(p, Number(pw.stdout), Number(gid.stdout));
  }
  const port = await freePort();
  // C.UTF-8: under the C locale pg_trgm produces no trigrams for Korean.
  run([join(PGBIN, 'initdb'), '-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N'], 'initdb');
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${join(dir, 'sock')} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run([join(PGBIN, 'pg_ctl'), '-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', opts, 'start'], 'pg_ctl start');
  return { dir, url: `postgres://postgres@127.0.0.1:${port}/postgres` };
}
function stopCluster() {
  if (!cluster) return;
  try {
    run([join(PGBIN, 'pg_ctl'), '-D', join(cluster.dir, 'data'), '-m', 'fast', '-w', 'stop'], 'pg_ctl stop');
  } catch (error) {
    console.error(String(error));
  }
  rmSync(cluster.dir, { recursive: true, force: true });
  cluster = null;
}

if (!env.PRESSROOM_TEST_PG_URL) {
  if (existsSync(join(PGBIN, 'initdb'))) {
    try {
      cluster = await startCluster();
      env.PRESSROOM_TEST_PG_URL = cluster.url;
      console.log(`PostgreSQL 15 test cluster started (${cluster.url}).`);
    } catch (error) {
      if (isCI) problems.push(`Could not start PostgreSQL: ${error.message}`);
      else console.log(`PostgreSQL suites skipped: could not start a cluster (${error.message.split('\n')[0]}).`);
    }
  } else if (isCI) problems.push(`PostgreSQL 15 binaries not found in ${PGBIN} (CI=true: install postgresql-15 with .ci/run).`);
  else console.log(`PostgreSQL suites skipped: no PostgreSQL 15 binaries in ${PGBIN} (apt-get install postgresql-15 to run them).`);
}

if (problems.length > 0) {
  for (const p of problems) console.error(`ERROR: ${p}`);
  stopCluster();
  process.exit(1);
}

const artifacts = join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });
env.PRESSROOM_TEST_ARTIFACTS = artifacts;

const reporters = ['--test-reporter', process.stdout.isTTY ? 'spec' : 'tap', '--test-reporter-destination', 'stdout', '--test-reporter', './scripts/test-timings.mjs', '--test-reporter-destination', join(artifacts, 'test-timings.json')];
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...reporters, ...files], { cwd: root, env, stdio: 'inherit' });
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code, signal) => {
  stopCluster();
  process.exit(code ?? (signal ? 1 : 0));
});
