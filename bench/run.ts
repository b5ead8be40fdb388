// `npm run bench`: builds a 10,000-release SQLite database, serves it with the compiled server, loads
// four public pages with wrk, and writes docs/benchmarks.md. A benchmark, not a test: goals that are
// missed are reported, and the exit code is 0 unless the bench itself could not run.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './build-corpus.js';
import { measureUncached } from './in-process.js';
import { markdown, printSummary, type Report, type Row } from './report.js';
import { rssBytes, startBaseline, startServer, type RunningServer } from './server.js';
import { findWrk, runWrk, stopWrk } from './wrk.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = join(root, 'bench', '.work', 'data');
const LOAD = { threads: 2, connections: 50, seconds: 10 };
const WARM_UP_SECONDS = 2;
const DEEP_PAGE = 500;
const FILTER = 'budget';

interface Target {
  name: string;
  path: string;
  goalRps: number;
}

let server: RunningServer | null = null;
const onSignal = () => {
  stopWrk();
  void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
};

/** Starts a server, runs `work` against it and always stops it, even on error or Ctrl-C. */
async function withServer<T>(start: () => Promise<RunningServer>, work: (running: RunningServer) => Promise<T>): Promise<T> {
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    server = await start();
    return await work(server);
  } finally {
    await server?.stop();
    server = null;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Warm-up, then the measured run, sampling the server's memory every 250 ms and at the end. */
async function load(wrk: string, running: RunningServer, target: Target, onRss: (bytes: number) => void): Promise<Row> {
  const url = running.origin + target.path;
  console.log(`wrk ${target.name}: ${url}`);
  await runWrk(wrk, url, { ...LOAD, seconds: WARM_UP_SECONDS });
  const sample = () => {
    const rss = rssBytes(running.pid);
    if (rss !== null) onRss(rss);
    return rss;
  };
  const sampler = setInterval(sample, 250);
  const result = await runWrk(wrk, url, LOAD).finally(() => clearInterval(sampler));
  return { ...target, result, rssAfter: sample() };
}

async function main(): Promise<void> {
  const started = performance.now();
  const wrk = findWrk();
  if (!wrk) {
    console.error('wrk is not installed. Install it with: apt-get install wrk');
    process.exit(1);
  }

  console.log('Building the server (npm run build)...');
  try {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  } catch {
    throw new Error('npm run build failed (errors above): the bench measures the compiled server, so the build must pass first.');
  }

  console.log(`Building the corpus in ${relative(root, dataDir)}...`);
  const corpus = await buildCorpus(dataDir);
  console.log(`Built ${corpus.total.toLocaleString('en')} releases in ${(corpus.ms / 1000).toFixed(1)} s.`);
  const english = corpus.counts['press-releases']!.en;
  if (english < DEEP_PAGE * 10) throw new Error(`press-releases has only ${english} English releases; page ${DEEP_PAGE} needs ${DEEP_PAGE * 10}`);
  const middle = Math.ceil(english / 2);

  console.log('Timing the uncached reads in-process...');
  const uncached = await measureUncached(dataDir, { deepPage: DEEP_PAGE, releaseNumber: middle, filter: FILTER });

  const targets: Target[] = [
    { name: 'release page', path: `/en/press-releases/${middle}`, goalRps: 20_000 },
    { name: 'board page 1', path: '/en/press-releases', goalRps: 10_000 },
    { name: `board page ${DEEP_PAGE}`, path: `/en/press-releases?page=${DEEP_PAGE}`, goalRps: 10_000 },
    { name: 'home', path: '/en/', goalRps: 10_000 },
  ];
  let maxRss = 0;
  let pageBytes = 0;
  const loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
  console.log('Starting node dist/main/web.js...');
  const rows = await withServer(
    () => startServer({ cwd: root, dataDir }),
    async (running) => {
      for (const target of targets) {
        const response = await fetch(running.origin + target.path);
        const bytes = (await response.arrayBuffer()).byteLength;
        if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}, not 200`);
        if (target === targets[0]) pageBytes = bytes;
      }
      const results: Row[] = [];
      for (const target of targets) results.push(await load(wrk, running, target, (rss) => (maxRss = Math.max(maxRss, rss))));
      return results;
    },
  );

  console.log(`Baseline: bare node:http serving ${pageBytes.toLocaleString('en')} bytes from memory...`);
  const baseline = await withServer(
    () => startBaseline(pageBytes),
    (running) => load(wrk, running, { name: 'baseline', path: '/', goalRps: 0 }, () => undefined),
  );

  const report: Report = {
    date: new Date(),
    corpus,
    rows,
    maxRss,
    uncached,
    baseline: { result: baseline.result, bytes: pageBytes },
    loadAverage,
    load: `wrk -t${LOAD.threads} -c${LOAD.connections} -d${LOAD.seconds}s --latency URL`,
    totalSeconds: (performance.now() - started) / 1000,
  };
  printSummary(report);
  const docs = join(root, 'docs', 'benchmarks.md');
  writeFileSync(docs, markdown(report));
  console.log(`\nWrote ${relative(root, docs)} (${report.totalSeconds.toFixed(0)} s in all).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
