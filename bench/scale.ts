// The scale part of `npm run bench` (issue #4): a 100,000-release corpus on SQLite and on
// PostgreSQL; search p50/p95 in-process; feeds and the API list under wrk against the compiled
// server; publish-to-searchable through the publish command while the server answers searches.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEM_ACTOR, type StaffActor } from '../src/app/workflow/actor.js';
import type { DatabaseTarget } from '../src/adapters/db/connect.js';
import { makeProgress } from '../src/cli/progress.js';
import { composeSystem } from '../src/main/compose.js';
import { postgresUnavailable, startBenchCluster, type BenchCluster } from './postgres.js';
import { buildScaleCorpus, type ScaleCorpus } from './scale-corpus.js';
import { searchCases, timeSearches, type SearchTiming } from './search-timing.js';
import { loadSearchTargets, type LoadRow as SearchLoadRow } from './first-start.js';
import { startServer, type RunningServer } from './server.js';
import { runWrk, type WrkResult } from './wrk.js';

export interface ScaleOptions {
  root: string;
  size: number;
  wrk: string;
  load: { threads: number; connections: number; seconds: number };
  warmUpSeconds: number;
  searchIterations: number;
  publishRounds: number;
  postgres: boolean;
}

export interface LoadRow {
  name: string;
  path: string;
  result: WrkResult;
}

export interface DatabaseRun {
  database: 'SQLite' | 'PostgreSQL';
  corpus: ScaleCorpus;
  searches: SearchTiming[];
  loads: LoadRow[];
  /** Search page and API, English and Korean, each (a) one cached query and (b) distinct queries (#17). */
  searchLoads: SearchLoadRow[];
  /** Milliseconds from calling publish to the first search response that lists the release. */
  publishToSearchable: number[];
}

export interface ScaleReport {
  size: number;
  runs: DatabaseRun[];
  /** Why PostgreSQL was not measured, when it was not. */
  postgresSkipped: string | null;
  loadAverage: string;
}

const BENCH_ACTOR: StaffActor = { ...SYSTEM_ACTOR, label: 'system:bench' };

/** Issue #17's goal for search under load at 100,000 releases, both ways (a) and (b). */
export const SCALE_SEARCH_GOALS = { rps: 1_000, p99Ms: 50 };

export const LOAD_TARGETS = [
  { name: 'RSS, whole site', path: '/en/feed.xml' },
  { name: 'Atom, whole site', path: '/en/feed.atom' },
  { name: 'RSS, one board (Korean)', path: '/ko/press-releases/feed.xml' },
  { name: 'API list', path: '/api/v1/releases' },
  { name: 'API list, filtered', path: '/api/v1/releases?board=news&language=ko' },
];

async function measureLoads(wrk: string, server: RunningServer, options: ScaleOptions): Promise<LoadRow[]> {
  const rows: LoadRow[] = [];
  for (const target of LOAD_TARGETS) {
    const url = server.origin + target.path;
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}, not 200`);
    console.log(`  wrk ${target.name}: ${url}`);
    await runWrk(wrk, url, { ...options.load, seconds: options.warmUpSeconds });
    rows.push({ ...target, result: await runWrk(wrk, url, options.load) });
  }
  return rows;
}

/**
 * Publishes releases with a word found nowhere else through the publish command (in this process,
 * as the CLI or a second server would) and polls the running server's search page until the
 * release is listed. The index is updated after commit, so this is the delay a reader sees.
 */
async function publishToSearchable(target: DatabaseTarget, dataDir: string, server: RunningServer, rounds: number): Promise<number[]> {
  const system = await composeSystem({ database: target, dataDir });
  try {
    const times: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const word = `benchword${Date.now().toString(36)}x${round}`;
      const { release } = await system.commands.createRelease(
        {
          boardSlug: 'press-releases',
          language: 'en',
          title: `Publish-to-search probe ${round}`,
          subtitle: [],
          bodyMarkdown: `The probe carries the word ${word}.`,
          department: 'Public Affairs Office',
          contact: null,
          tags: [],
        },
        BENCH_ACTOR,
      );
      await system.commands.submitRelease(release.id, BENCH_ACTOR);
      await system.commands.approveRelease(release.id, BENCH_ACTOR);
      const url = `${server.origin}/en/search?q=${word}`;
      const started = performance.now();
      await system.commands.publishRelease(release.id, BENCH_ACTOR);
      for (;;) {
        const html = await (await fetch(url)).text();
        if (html.includes('Publish-to-search probe')) break;
        if (performance.now() - started > 30_000) throw new Error(`release ${release.id} was not searchable within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    await system.close();
  }
}

async function runOn(database: DatabaseRun['database'], target: DatabaseTarget, dataDir: string, options: ScaleOptions): Promise<DatabaseRun> {
  console.log(`\n${database}: building ${options.size.toLocaleString('en')} releases...`);
  let corpus: ScaleCorpus;
  let searches: SearchTiming[];
  const system = await composeSystem({ database: target, dataDir });
  try {
    corpus = await buildScaleCorpus(system, options.size, makeProgress(`  ${database} reindex`, process.stdout));
    console.log(`  rows in ${(corpus.insertMs / 1000).toFixed(1)} s, search index (reindex) in ${(corpus.indexMs / 1000).toFixed(1)} s`);
    console.log(`  timing ${searchCases(corpus.newest).length * 2} searches x ${options.searchIterations}...`);
    searches = await timeSearches(system, searchCases(corpus.newest), options.searchIterations, (t) =>
      console.log(`    ${t.sort.padEnd(9)} ${t.label.padEnd(48)} ${`${t.totalExact ? '' : '>'}${t.total}`.padStart(6)} hits  p50 ${t.p50Ms.toFixed(1)} ms  p95 ${t.p95Ms.toFixed(1)} ms`),
    );
  } finally {
    await system.close();
  }
  const server = await startServer({ cwd: options.root, dataDir, databaseUrl: target.kind === 'postgres' ? target.url : undefined });
  try {
    const loads = await measureLoads(options.wrk, server, options);
    const settings = { ...options.load, warmUpSeconds: options.warmUpSeconds };
    const scripts = join(options.root, 'bench', '.work', 'wrk-scripts');
    const searchLoads = await loadSearchTargets(options.wrk, server.origin, settings, scripts, { goalRps: SCALE_SEARCH_GOALS.rps, goalP99Ms: SCALE_SEARCH_GOALS.p99Ms });
    console.log('  publish-to-searchable...');
    const publish = await publishToSearchable(target, dataDir, server, options.publishRounds);
    return { database, corpus, searches, loads, searchLoads, publishToSearchable: publish };
  } finally {
    await server.stop();
  }
}

/** Runs the scale bench on SQLite, then on a throwaway PostgreSQL cluster when one can be started. */
export async function runScaleBench(options: ScaleOptions, loadAverage: string): Promise<ScaleReport> {
  const work = join(options.root, 'bench', '.work');
  const runs: DatabaseRun[] = [];
  const sqliteDir = join(work, 'scale-sqlite');
  rmSync(sqliteDir, { recursive: true, force: true });
  runs.push(await runOn('SQLite', { kind: 'sqlite', file: join(sqliteDir, 'pressroom.sqlite') }, sqliteDir, options));
  rmSync(sqliteDir, { recursive: true, force: true });

  let postgresSkipped = options.postgres ? postgresUnavailable() : 'not requested (--no-postgres)';
  if (!postgresSkipped) {
    let cluster: BenchCluster | null = null;
    const pgDir = join(work, 'scale-postgres');
    rmSync(pgDir, { recursive: true, force: true });
    try {
      cluster = await startBenchCluster();
      runs.push(await runOn('PostgreSQL', { kind: 'postgres', url: cluster.url }, pgDir, options));
    } catch (error) {
      if (cluster) throw error;
      postgresSkipped = `could not start a cluster (${String(error instanceof Error ? error.message : error).split('\n')[0]})`;
    } finally {
      cluster?.stop();
      rmSync(pgDir, { recursive: true, force: true });
    }
  }
  if (postgresSkipped) console.log(`PostgreSQL skipped: ${postgresSkipped}`);
  return { size: options.size, runs, postgresSkipped, loadAverage };
}
