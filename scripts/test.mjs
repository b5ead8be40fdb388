#!/usr/bin/env node
// `npm test`: lists the test files explicitly (Node 20's runner has no globs and silently runs
// nothing on a bare directory), starts a throwaway PostgreSQL 15 cluster for the contract suites,
// checks for Chromium, migrates one SQLite file and one PostgreSQL database that the test systems
// copy (test/support/migrated-templates.ts), runs everything with `node --test` on JavaScript compiled
// once into test-artifacts/compiled/ (scripts/test-build.mjs; PRESSROOM_TEST_TSX=1: through tsx), and
// stops the cluster. With CI=true a missing database or browser fails the run; elsewhere those
// suites are skipped with a one-line explanation. `--unit` (npm run test:unit) runs test/unit only,
// and a run of unit test files alone starts no database and looks for no browser: seconds.
// Files run in parallel, one per core (PRESSROOM_TEST_CONCURRENCY overrides); each file's time is
// written to test-artifacts/test-timings.json and the slowest are listed at the end.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync, mkdirSync } from 'node:fs';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
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

const args = process.argv.slice(2);
const unitOnly = args.includes('--unit');
const filter = args.filter((a) => a !== '--unit');
const isUnit = (f) => f.startsWith('test/unit/') || f.startsWith('src/');
let files = [...findTests(join(root, 'src')), ...findTests(join(root, 'test'))].map((f) => relative(root, f)).sort();
if (unitOnly) files = files.filter(isUnit);
if (filter.length > 0) files = files.filter((f) => filter.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('No test files found: refusing to report success for an empty run.');
  process.exit(1);
}
// Unit tests build no system and use no database server or browser.
const needsServices = !files.every(isUnit);

// One file per core; each test process (and a browser suite's Chromium) takes up to ~1.5 GB.
const concurrency = Number(process.env.PRESSROOM_TEST_CONCURRENCY) || Math.max(2, Math.min(availableParallelism(), Math.floor(totalmem() / 1.5e9)));

const env = { ...process.env };
const problems = [];

// Browser.
if (needsServices && !env.PRESSROOM_CHROMIUM_PATH) {
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

if (needsServices && !env.PRESSROOM_TEST_PG_URL) {
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

// Migrated templates, copied by test/support/databases.ts for each test system.
let templates = null;
if (needsServices && problems.length === 0) {
  const dir = mkdtempSync(join(tmpdir(), 'pressroom-template-'));
  const pgName = `pressroom_template_${process.pid}`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/migrated-templates.ts', dir, pgName], { cwd: root, env, encoding: 'utf8' });
  if (r.status === 0) {
    const made = JSON.parse(r.stdout.trim().split('\n').pop());
    templates = { dir, pgName: made.postgres };
    env.PRESSROOM_TEST_SQLITE_TEMPLATE = made.sqlite;
    if (made.postgres) env.PRESSROOM_TEST_PG_TEMPLATE = made.postgres;
  } else {
    // The suites then migrate each database themselves, and show what fails.
    console.log(`Migrated templates not made, every test database migrates from scratch:\n${r.stderr || r.stdout}`);
    rmSync(dir, { recursive: true, force: true });
  }
}
async function dropTemplates() {
  if (!templates) return;
  rmSync(templates.dir, { recursive: true, force: true });
  // A cluster of our own goes as a whole; on a server given in PRESSROOM_TEST_PG_URL, drop ours.
  if (templates.pgName && !cluster) {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: env.PRESSROOM_TEST_PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${templates.pgName}`);
    await admin.end();
  }
  templates = null;
}

if (problems.length > 0) {
  for (const p of problems) console.error(`ERROR: ${p}`);
  stopCluster();
  process.exit(1);
}

const artifacts = join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });
env.PRESSROOM_TEST_ARTIFACTS = artifacts;

// Test files run as JavaScript compiled once into a mirror of the project (scripts/test-build.mjs):
// tsx's loader hooks cost each test process about 2 s of CPU. PRESSROOM_TEST_TSX=1 runs the .ts
// files through tsx as before (when comparing, or if the mirror misbehaves).
let runFiles = files;
let loader = ['--import', 'tsx'];
if (process.env.PRESSROOM_TEST_TSX !== '1') {
  const { buildTestMirror } = await import('./test-build.mjs');
  const started = Date.now();
  const built = await buildTestMirror(root);
  console.log(`Compiled ${built.compiled} changed TypeScript files into ${relative(root, built.mirror)} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  runFiles = files.map((f) => built.relativeTo(f).replace(/\.tsx?$/, '.js'));
  loader = ['--enable-source-maps'];
  // Child processes the tests start with `--import tsx` (servers, CLIs, crash children) run from the
  // mirror's directory, where tsx would not apply the project's tsconfig (JSX for preact) to the
  // real files it loads: name it.
  env.TSX_TSCONFIG_PATH = join(root, 'tsconfig.json');
}

const reporters = ['--test-reporter', process.stdout.isTTY ? 'spec' : 'tap', '--test-reporter-destination', 'stdout', '--test-reporter', './scripts/test-timings.mjs', '--test-reporter-destination', join(artifacts, 'test-timings.json')];
const child = spawn(process.execPath, [...loader, '--test', `--test-concurrency=${concurrency}`, ...reporters, ...runFiles], { cwd: root, env, stdio: 'inherit' });
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', async (code, signal) => {
  await dropTemplates().catch((error) => console.error(`Could not drop the template database: ${error.message}`));
  stopCluster();
  process.exit(code ?? (signal ? 1 : 0));
});
