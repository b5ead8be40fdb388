// `npm run bench`: builds a 10,000-release SQLite database, serves it with the compiled server, loads
// four public pages with wrk (the page bench); then the scale bench (bench/scale.ts): 100,000
// releases on SQLite and PostgreSQL, search latency, feeds and API lists, publish-to-searchable.
// Writes docs/benchmarks.md, keeping other benches' sections. A benchmark, not a test: goals that are
// missed are reported, and the exit code is 0 unless the bench itself could not run.
// Options: --only pages|scale|mail|cluster   --size N (scale corpus; subscribers for mail; cluster corpus)   --no-postgres
//          --subscribers N: the mail bench for N subscribers only (2,000 and 10,000 unless set)
//          --quick: the scale part only, 5,000 releases, short runs, writes bench/.work/benchmarks-quick.md
import { clusterMarkdown, runClusterBench } from './cluster.js';
import { MAIL_BENCH_SIZES, runMailBench } from './mail.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpus } from './build-corpus.js';
import { measureUncached } from './in-process.js';
import { markdown, printSummary, type Report, type Row } from './report.js';
import { runScaleBench } from './scale.js';
import { scaleMarkdown } from './scale-report.js';
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

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    size: { type: 'string' },
    subscribers: { type: 'string' },
    quick: { type: 'boolean', default: false },
    'no-postgres': { type: 'boolean', default: false },
  },
});

const SCALE_START = '<!-- bench:scale start: written by `npm run bench` (bench/scale-report.ts) -->';
const SCALE_END = '<!-- bench:scale end -->';

/** Replaces (or appends) the section between `start` and `end`, leaving the rest of the file alone. */
function withSection(text: string, start: string, end: string, body: string): string {
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = text.indexOf(start.slice(0, start.indexOf(' start') + ' start'.length));
  const to = text.indexOf(end);
  if (from >= 0 && to > from) return text.slice(0, from) + block + text.slice(to + end.length);
  return `${text.trimEnd()}\n\n${block}\n`;
}

/** Replaces the page bench's part: everything before the first `<!-- bench:` section. */
function withPagePart(text: string, body: string): string {
  const first = text.indexOf('<!-- bench:');
  return first >= 0 ? `${body.trimEnd()}\n\n${text.slice(first)}` : body;
}

async function main(): Promise<void> {
  const started = performance.now();
  if (args.only === 'mail') {
    // Email alerts need no HTTP load, so no wrk and no build.
    const size = args.subscribers ?? args.size;
    await runMailBench({ root, sizes: size ? [Number(size)] : MAIL_BENCH_SIZES, writeDocs: !args.quick });
    return;
  }
  const wrk = findWrk();
  if (!wrk) {
    console.error('wrk is not installed. Install it with: apt-get install wrk');
    process.exit(1);
  }
  const only = args.quick ? 'scale' : args.only;
  if (only !== undefined && only !== 'pages' && only !== 'scale' && only !== 'cluster') throw new Error('--only takes "pages", "scale", "mail" or "cluster"');

  console.log('Building the server (npm run build)...');
  try {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  } catch {
    throw new Error('npm run build failed (errors above): the bench measures the compiled server, so the build must pass first.');
  }

  const docs = join(root, 'docs', 'benchmarks.md');
  if (only === 'cluster') {
    await clusterBench(wrk, started, docs);
    return;
  }
  if (only !== 'scale') await pageBench(wrk, started, docs);
  if (only === 'pages') return;

  const scaleStarted = performance.now();
  const size = args.size ? Number(args.size) : args.quick ? 5_000 : 100_000;
  if (!Number.isInteger(size) || size < 1_000) throw new Error('--size takes a whole number of at least 1000');
  const loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
  const scale = await runScaleBench(
    {
      root,
      size,
      wrk,
      load: args.quick ? { ...LOAD, seconds: 3 } : LOAD,
      warmUpSeconds: args.quick ? 1 : WARM_UP_SECONDS,
      searchIterations: args.quick ? 10 : 30,
      publishRounds: args.quick ? 3 : 10,
      postgres: !args['no-postgres'],
    },
    loadAverage,
  );
  mkdirSync(join(root, 'bench', '.work'), { recursive: true });
  writeFileSync(join(root, 'bench', '.work', 'scale-report.json'), JSON.stringify(scale, null, 1));
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const section = scaleMarkdown(scale, command, (performance.now() - scaleStarted) / 1000, new Date());
  if (args.quick) {
    const out = join(root, 'bench', '.work', 'benchmarks-quick.md');
    writeFileSync(out, section);
    console.log(`\nQuick run: docs/benchmarks.md left alone; the section is in ${relative(root, out)}.`);
  } else {
    writeFileSync(docs, withSection(existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n', SCALE_START, SCALE_END, section));
    console.log(`\nWrote the scale section of ${relative(root, docs)}.`);
  }
  console.log(`${((performance.now() - started) / 1000).toFixed(0)} s in all.`);
}

const CLUSTER_START = '<!-- bench:cluster start: written by `npm run bench -- --only cluster` (bench/cluster.ts) -->';
const CLUSTER_END = '<!-- bench:cluster end -->';

/** The cluster bench of issue #18: one server directly, then nginx in front of one and two (PostgreSQL). */
async function clusterBench(wrk: string, started: number, docs: string): Promise<void> {
  const size = args.size ? Number(args.size) : 10_000;
  if (!Number.isInteger(size) || size < 1_000) throw new Error('--size takes a whole number of at least 1000');
  const loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
  const report = await runClusterBench({ root, wrk, size, load: LOAD, warmUpSeconds: WARM_UP_SECONDS }, loadAverage);
  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`;
  const section = clusterMarkdown(report, command, (performance.now() - started) / 1000);
  writeFileSync(docs, withSection(existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n', CLUSTER_START, CLUSTER_END, section));
  console.log(`\nWrote the cluster section of ${relative(root, docs)}.`);
}

/** The page bench of issue #2: 10,000 releases through the commands, four pages under wrk. */
async function pageBench(wrk: string, started: number, docs: string): Promise<void> {
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
  writeFileSync(docs, withPagePart(existsSync(docs) ? readFileSync(docs, 'utf8') : '', markdown(report)));
  console.log(`\nWrote the page bench part of ${relative(root, docs)} (${report.totalSeconds.toFixed(0)} s).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
