// Start time and the demo newsroom (issue #17): how long the built server and `npm start` take to
// their first page, and what the demo costs in time and memory on a first start and under load.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { measureLoad, sampleRss, type LoadSettings } from './load.js';
import { distinctQueries, searchTargets, writeCyclingScript } from './search-load.js';
import { firstOk, freePort, rssBytes, SERVER_ENTRY, startServer } from './server.js';
import type { WrkResult } from './wrk.js';

export interface StartTimes {
  label: string;
  command: string;
  runsMs: number[];
  goalMs: number;
}

/** A search or page target under load; `way` says whether it was the cached path or distinct queries. */
export interface LoadRow {
  name: string;
  path: string;
  way: 'cached' | 'distinct' | 'page';
  result: WrkResult;
  goalRps: number | null;
  goalP99Ms: number | null;
}

export interface DemoReport {
  /** Spawn to the first 200 of /en/ on an empty data dir with PRESSROOM_DEMO=1 (seeding included). */
  readyMs: number;
  rssAtReady: number | null;
  /** The highest RSS sampled from spawn to the first 200 (seeding). */
  peakRssFirstStart: number;
  rows: LoadRow[];
  /** The highest RSS sampled over all the demo's loads. */
  maxRssUnderLoad: number;
  /** Of a sample of the distinct queries, how many found something on the demo (per language). */
  hitSample: { language: 'en' | 'ko'; sampled: number; withHits: number }[];
}

export const START_GOALS = { entryMs: 500, npmStartMs: 1_000 };
export const DEMO_SEARCH_GOAL_RPS = 5_000;

/** The middle value (the upper one of an even count). */
export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Spawns `npm start` in its own process group, times its first 200 of /en/, then kills the group. */
async function timeNpmStart(root: string, dataDir: string): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PRESSROOM_DATA: dataDir, PRESSROOM_DEMO: '0', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], { cwd: root, env, detached: true, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  try {
    const at = await firstOk(`http://127.0.0.1:${port}/en/`, 120_000, () => gone);
    if (at === null) throw new Error(`npm start did not answer /en/ (${gone ? `exited with ${child.exitCode}` : 'within 120 s'})`);
    return at - started;
  } finally {
    if (!gone && child.pid !== undefined) {
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => !gone && child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  }
}

/** Median of `runs` starts each: the built server alone, then `npm start` on the built, unchanged tree. */
export async function measureStartTimes(root: string, dataDir: string, runs: number): Promise<StartTimes[]> {
  const entry: number[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await startServer({ cwd: root, dataDir, readyPath: '/en/' });
    entry.push(server.readyMs);
    await server.stop();
  }
  console.log(`  node ${SERVER_ENTRY}: ${entry.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  const npm: number[] = [];
  for (let i = 0; i < runs; i++) npm.push(await timeNpmStart(root, dataDir));
  console.log(`  npm start: ${npm.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  return [
    { label: 'built server alone', command: `node ${SERVER_ENTRY}`, runsMs: entry, goalMs: START_GOALS.entryMs },
    { label: '`npm start`, built and unchanged tree', command: 'npm start', runsMs: npm, goalMs: START_GOALS.npmStartMs },
  ];
}

/** The first release and list links of the demo's English home page. */
async function demoPaths(origin: string): Promise<{ release: string; list: string }> {
  const html = await (await fetch(`${origin}/en/`)).text();
  const release = /href="(\/en\/[a-z0-9-]+\/\d+)"/.exec(html)?.[1];
  const list = release?.replace(/\/\d+$/, '');
  if (!release || !list) throw new Error('The demo home page links no release (/en/<board>/<number>)');
  return { release, list };
}

/**
 * Loads the search targets both ways, cached (a) then distinct queries (b) straight after, so (b)
 * needs no warm-up of its own (one would fill the cache with its first queries).
 */
export async function loadSearchTargets(wrk: string, origin: string, settings: LoadSettings, scriptDir: string, options: { pid?: number; goalRps: number; goalP99Ms: number | null; onRss?: (bytes: number) => void }): Promise<LoadRow[]> {
  const rows: LoadRow[] = [];
  for (const target of searchTargets()) {
    const response = await fetch(origin + target.path);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}, not 200`);
    console.log(`  wrk ${target.name}, one query (cached): ${target.path}`);
    const cached = await measureLoad(wrk, origin + target.path, settings, { pid: options.pid });
    const paths = distinctQueries(target.language).map(target.pathFor);
    const script = writeCyclingScript(scriptDir, target.name.replace(/\W+/g, '-'), paths, settings.threads);
    console.log(`  wrk ${target.name}, ${paths.length.toLocaleString('en')} distinct queries: ${script}`);
    const distinct = await measureLoad(wrk, origin + '/', settings, { pid: options.pid, script, warmUp: false });
    for (const m of [cached, distinct]) if (m.maxRss !== null) options.onRss?.(m.maxRss);
    const goals = { goalRps: options.goalRps, goalP99Ms: options.goalP99Ms };
    rows.push({ name: target.name, path: target.path, way: 'cached', result: cached.result, ...goals });
    rows.push({ name: target.name, path: target.pathFor('WORDS'), way: 'distinct', result: distinct.result, ...goals });
  }
  return rows;
}

/** How many of the first `count` distinct queries of each language find something (API, after the loads). */
async function sampleHits(origin: string, count: number): Promise<DemoReport['hitSample']> {
  const sample: DemoReport['hitSample'] = [];
  for (const language of ['en', 'ko'] as const) {
    let withHits = 0;
    for (const q of distinctQueries(language).slice(0, count)) {
      const body = (await (await fetch(`${origin}/api/v1/search?q=${encodeURIComponent(q)}&language=${language}`)).json()) as { total?: number };
      if ((body.total ?? 0) > 0) withHits += 1;
    }
    sample.push({ language, sampled: count, withHits });
  }
  return sample;
}

/**
 * The demo newsroom as `npm start` makes it on first start: the built server on an empty data dir
 * with PRESSROOM_DEMO=1; time to the first 200 of /en/ and memory, then pages and search under load.
 */
export async function measureDemo(wrk: string, root: string, workDir: string, settings: LoadSettings, track: (server: { stop(): Promise<void> } | null) => void = () => undefined): Promise<DemoReport> {
  const dataDir = mkdtempSync(join(workDir, 'demo-'));
  let peakRssFirstStart = 0;
  let stopSampling = () => undefined as void;
  const server = await startServer({ cwd: root, dataDir, demo: true, readyPath: '/en/', onSpawn: (pid) => (stopSampling = sampleRss(pid, (rss) => (peakRssFirstStart = Math.max(peakRssFirstStart, rss)))) }).finally(() => stopSampling());
  track(server);
  try {
    const rssAtReady = rssBytes(server.pid);
    peakRssFirstStart = Math.max(peakRssFirstStart, rssAtReady ?? 0);
    console.log(`  demo seeded and serving in ${(server.readyMs / 1000).toFixed(1)} s, RSS ${((rssAtReady ?? 0) / 1e6).toFixed(0)} MB`);
    let maxRssUnderLoad = 0;
    const onRss = (rss: number) => (maxRssUnderLoad = Math.max(maxRssUnderLoad, rss));
    const { release, list } = await demoPaths(server.origin);
    const rows: LoadRow[] = [];
    for (const [name, path] of [['home', '/en/'], ['release page', release], ['board page 1', list]] as const) {
      console.log(`  wrk ${name}: ${path}`);
      const m = await measureLoad(wrk, server.origin + path, settings, { pid: server.pid });
      if (m.maxRss !== null) onRss(m.maxRss);
      rows.push({ name, path, way: 'page', result: m.result, goalRps: null, goalP99Ms: null });
    }
    rows.push(...(await loadSearchTargets(wrk, server.origin, settings, join(workDir, 'wrk-scripts'), { pid: server.pid, goalRps: DEMO_SEARCH_GOAL_RPS, goalP99Ms: null, onRss })));
    const hitSample = await sampleHits(server.origin, 50);
    return { readyMs: server.readyMs, rssAtReady, peakRssFirstStart, rows, maxRssUnderLoad, hitSample };
  } finally {
    await server.stop();
    track(null);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
