// `npm run bench`: builds a 10,000-release SQLite database, serves it with the compiled server and its
// pages' bytes with nginx side by side, times starts, loads the demo newsroom and its search (the page
// bench, bench/pages.ts); then the scale bench (bench/scale.ts): 100,000
// releases on SQLite and PostgreSQL, search latency, feeds and API lists, publish-to-searchable.
// Writes docs/benchmarks.md, keeping other benches' sections. A benchmark, not a test: goals that are
// missed are reported, and the exit code is 0 unless the bench itself could not run.
// Options: --only pages|scale|mail|cluster   --size N (scale corpus; subscribers for mail; cluster corpus)   --no-postgres
//          --subscribers N: the mail bench for N subscribers only (2,000 and 10,000 unless set)
//          --quick: the scale part only, 5,000 releases, short runs, writes bench/.work/benchmarks-quick.md
//          --reuse: the page bench keeps the corpus in bench/.work/data when its pressroom.sqlite exists
//          --dev: the page bench with short runs (2 s), 3 starts per start time; writes bench/.work/benchmarks-pages-dev.md
import { clusterMarkdown, runClusterBench } from './cluster.js';
import { MAIL_BENCH_SIZES, runMailBench } from './mail.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runPageBench } from './pages.js';
import { markdown, printSummary } from './report.js';
import { runScaleBench } from './scale.js';
import { scaleMarkdown } from './scale-report.js';
import { findWrk, stopWrk } from './wrk.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const LOAD = { threads: 2, connections: 50, seconds: 10 };
const WARM_UP_SECONDS = 2;

let running: { stop(): Promise<void> } | null = null;
const onSignal = () => {
  stopWrk();
  void (running?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
};

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    size: { type: 'string' },
    subscribers: { type: 'string' },
    quick: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    dev: { type: 'boolean', default: false },
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

/** The page bench of issues #2 and #17 (bench/pages.ts); a --dev run writes to bench/.work/ instead of docs/. */
async function pageBench(wrk: string, started: number, docs: string): Promise<void> {
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const load = args.dev ? { ...LOAD, seconds: 2, warmUpSeconds: 1 } : { ...LOAD, warmUpSeconds: WARM_UP_SECONDS };
  const report = await runPageBench({ root, wrk, load, reuse: args.reuse, startRuns: args.dev ? 3 : 5, track: (server) => (running = server) }).finally(() => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  });
  report.totalSeconds = (performance.now() - started) / 1000;
  printSummary(report);
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const text = markdown(report, command);
  if (args.dev) {
    const out = join(root, 'bench', '.work', 'benchmarks-pages-dev.md');
    writeFileSync(out, text);
    console.log(`\nDev run: docs/benchmarks.md left alone; the page part is in ${relative(root, out)}.`);
    return;
  }
  writeFileSync(docs, withPagePart(existsSync(docs) ? readFileSync(docs, 'utf8') : '', text));
  console.log(`\nWrote the page bench part of ${relative(root, docs)} (${report.totalSeconds.toFixed(0)} s).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
