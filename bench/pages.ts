// The page bench of `npm run bench` (issues #2 and #17): the 10,000-release corpus served by the
// compiled server and, in the same run, the same bytes served by nginx; start times; the demo
// newsroom on first start with search under load. Returns the report; run.ts writes it.
import { join, relative } from 'node:path';
import { readFileSync } from 'node:fs';
import { buildCorpus, reuseCorpus } from './build-corpus.js';
import { measureDemo, measureStartTimes } from './first-start.js';
import { measureUncached } from './in-process.js';
import { measureLoad, type LoadSettings } from './load.js';
import { fetchPage, startStaticNginx } from './nginx-static.js';
import type { PageReport, SideBySide } from './report.js';
import { SERVER_ENTRY, startNodeBaseline, startServer, type RunningServer } from './server.js';

const DEEP_PAGE = 500;
const FILTER = 'budget';
export const RATIO_GOALS = { release: 0.5, other: 0.35 };

export interface PageBenchOptions {
  root: string;
  wrk: string;
  load: LoadSettings;
  /** Skip building the corpus when the data dir already holds one. */
  reuse: boolean;
  /** Starts per start-time median. */
  startRuns: number;
  /** Called with each server started, so Ctrl-C can stop it. */
  track: (server: { stop(): Promise<void> } | null) => void;
}

/** Runs the page bench; see the file comment. */
export async function runPageBench(options: PageBenchOptions): Promise<PageReport> {
  const { root, wrk, load } = options;
  const work = join(root, 'bench', '.work');
  const dataDir = join(work, 'data');
  const reused = options.reuse ? reuseCorpus(dataDir) : null;
  if (reused) console.log(`Reusing the corpus in ${relative(root, dataDir)} (--reuse): ${reused.total.toLocaleString('en')} releases.`);
  else console.log(`Building the corpus in ${relative(root, dataDir)}...`);
  const corpus = reused ?? (await buildCorpus(dataDir));
  if (!reused) console.log(`Built ${corpus.total.toLocaleString('en')} releases in ${(corpus.ms / 1000).toFixed(1)} s.`);
  const english = corpus.counts['press-releases']!.en;
  if (english < DEEP_PAGE * 10) throw new Error(`press-releases has only ${english} English releases; page ${DEEP_PAGE} needs ${DEEP_PAGE * 10}`);
  const middle = Math.ceil(english / 2);

  console.log('Timing the uncached reads in-process...');
  const uncached = await measureUncached(dataDir, { deepPage: DEEP_PAGE, releaseNumber: middle, filter: FILTER });

  const loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
  console.log(`Start time, median of ${options.startRuns}...`);
  const startTimes = await measureStartTimes(root, dataDir, options.startRuns);

  const targets = [
    { name: 'release page', path: `/en/press-releases/${middle}`, goalRatio: RATIO_GOALS.release },
    { name: 'board page 1', path: '/en/press-releases', goalRatio: RATIO_GOALS.other },
    { name: `board page ${DEEP_PAGE}`, path: `/en/press-releases?page=${DEEP_PAGE}`, goalRatio: RATIO_GOALS.other },
    { name: 'home', path: '/en/', goalRatio: RATIO_GOALS.other },
    { name: 'RSS feed', path: '/en/feed.xml', goalRatio: RATIO_GOALS.other },
    { name: 'Atom feed', path: '/en/feed.atom', goalRatio: RATIO_GOALS.other },
  ];
  let maxRss = 0;
  console.log(`Starting node ${SERVER_ENTRY} on the corpus, and nginx with the same bytes...`);
  let server: RunningServer | null = null;
  let nginx: Awaited<ReturnType<typeof startStaticNginx>>['nginx'] | null = null;
  const rows: SideBySide[] = [];
  let nodeBaseline: PageReport['nodeBaseline'] = null;
  let releaseBytes: { body: Buffer; contentType: string } | null = null;
  try {
    server = await startServer({ cwd: root, dataDir });
    options.track(server);
    const running = server;
    const pages = await Promise.all(targets.map((target) => fetchPage(running.origin, target.path)));
    releaseBytes = pages[0]!;
    const started = await startStaticNginx(pages);
    nginx = started.nginx;
    for (const [i, target] of targets.entries()) {
      const copy = started.copies[i]!;
      console.log(`wrk ${target.name}: Pressroom ${target.path}, nginx ${copy.path} (${copy.bytes.toLocaleString('en')} bytes, ${copy.contentType})`);
      const pressroom = await measureLoad(wrk, running.origin + target.path, load, { pid: running.pid });
      maxRss = Math.max(maxRss, pressroom.maxRss ?? 0);
      const beside = await measureLoad(wrk, nginx.origin + copy.path, load);
      rows.push({ ...target, bytes: copy.bytes, contentType: copy.contentType, pressroom: pressroom.result, nginx: beside.result, rssAfter: pressroom.rssAfter });
    }
  } finally {
    await nginx?.stop();
    await server?.stop();
    options.track(null);
  }

  if (releaseBytes) {
    console.log('Ceiling: bare node:http serving the release page bytes...');
    const baseline = await startNodeBaseline(releaseBytes.body, releaseBytes.contentType);
    try {
      nodeBaseline = (await measureLoad(wrk, `${baseline.origin}/`, load)).result;
    } finally {
      await baseline.stop();
    }
  }

  console.log('The demo newsroom: first start on an empty data dir, then pages and search under load...');
  const demo = await measureDemo(wrk, root, work, load, options.track);
  return { date: new Date(), corpus, reused: reused !== null, rows, nodeBaseline, maxRss, uncached, startTimes, demo, loadAverage, load: `wrk -t${load.threads} -c${load.connections} -d${load.seconds}s --latency URL`, totalSeconds: 0 };
}
