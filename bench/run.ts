// `npm run bench`: builds a 10,000-release SQLite database, serves it with the compiled server, loads
// four public pages with wrk, and writes docs/benchmarks.md. A benchmark, not a test: goals that are
// missed are reported, and the exit code is 0 unless the bench itself could not run.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './build-corpus.js';
import { measureUncached } from './in-process.js';
import { markdown, printSummary, type Row } from './report.js';
import { rssBytes, startServer, type RunningServer } from './server.js';
import { findWrk, runWrk } from './wrk.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = join(root, 'bench', '.work', 'data');
const LOAD = { threads: 2, connections: 50, seconds: 10 };
const DEEP_PAGE = 500;
const FILTER = 'budget';

async function main(): Promise<void> {
  const started = performance.now();
  const wrk = findWrk();
  if (!wrk) {
    console.error('wrk is not installed. Install it with: apt-get install wrk');
    process.exit(1);
  }

  console.log('Building the server (npm run build)...');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });

  console.log(`Building the corpus in ${relative(root, dataDir)}...`);
  const corpus = await buildCorpus(dataDir);
  console.log(`Built ${corpus.total.toLocaleString('en')} releases in ${(corpus.ms / 1000).toFixed(1)} s.`);
  const english = corpus.counts['press-releases']!.en;
  if (english < DEEP_PAGE * 10) throw new Error(`press-releases has only ${english} English releases; page ${DEEP_PAGE} needs ${DEEP_PAGE * 10}`);
  const middle = Math.ceil(english / 2);

  console.log('Timing the uncached reads in-process...');
  const uncached = await measureUncached(dataDir, { deepPage: DEEP_PAGE, releaseNumber: middle, filter: FILTER });

  const targets = [
    { name: 'release page', path: `/en/press-releases/${middle}`, goalRps: 20_000 },
    { name: 'board page 1', path: '/en/press-releases', goalRps: 10_000 },
    { name: `board page ${DEEP_PAGE}`, path: `/en/press-releases?page=${DEEP_PAGE}`, goalRps: 10_000 },
    { name: 'home', path: '/en/', goalRps: 10_000 },
  ];

  let server: RunningServer | null = null;
  const stop = () => void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const rows: Row[] = [];
  let maxRss = 0;
  try {
    console.log('Starting node dist/main/web.js...');
    server = await startServer({ cwd: root, dataDir });
    const running = server;
    for (const target of targets) {
      const response = await fetch(running.origin + target.path);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}, not 200`);
    }
    const sample = () => {
      const rss = rssBytes(running.pid);
      if (rss !== null) maxRss = Math.max(maxRss, rss);
      return rss;
    };
    for (const target of targets) {
      const url = running.origin + target.path;
      console.log(`wrk ${target.name}: ${url}`);
      await runWrk(wrk, url, { ...LOAD, seconds: 2 });
      const sampler = setInterval(sample, 250);
      const result = await runWrk(wrk, url, LOAD).finally(() => clearInterval(sampler));
      rows.push({ ...target, result, rssAfter: sample() });
    }
  } finally {
    await server?.stop();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }

  const report = {
    date: new Date(),
    corpus,
    rows,
    maxRss,
    uncached,
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
