// `npm run bench -- --only cluster` (issue #18): one PostgreSQL database seeded with the scale
// bench's corpus (bench/scale-corpus.ts), the compiled server loaded with wrk directly, then through
// nginx (the deployed configuration, as test/support/nginx.ts derives it) to one and to two
// servers, for a release page and a search page; then Varnish (deploy/varnish/default.vcl) in front
// of nginx and the two servers, as docs/deployment.md sets it up, for the release page: its hit
// ratio from varnishstat. On a 2-core machine little gain is expected from the second server: the
// point is that it and the proxy cost nothing a reader would notice.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { makeProgress } from '../src/cli/progress.js';
import { composeSystem } from '../src/main/compose.js';
import { nginxSkip, NGINX, startNginx, type RunningNginx } from '../test/support/nginx.js';
import { freePort, startVarnish, VARNISHD, type RunningVarnish } from '../test/support/varnish.js';
import { postgresUnavailable, startBenchCluster } from './postgres.js';
import { buildScaleCorpus } from './scale-corpus.js';
import { SERVER_ENTRY, startServer, type RunningServer } from './server.js';
import { runWrk, type WrkResult } from './wrk.js';

export interface ClusterOptions {
  root: string;
  wrk: string;
  size: number;
  load: { threads: number; connections: number; seconds: number };
  warmUpSeconds: number;
}

interface Target {
  name: string;
  path: string;
}

/** One way of serving the site: which origin wrk loads, and how many app servers are behind it. */
interface Front {
  name: string;
  servers: number;
  origin: string;
}

export interface ClusterRow {
  front: string;
  servers: number;
  target: Target;
  result: WrkResult;
}

export interface ClusterReport {
  date: Date;
  size: number;
  seedSeconds: number;
  loadAverage: string;
  load: ClusterOptions['load'];
  rows: ClusterRow[];
  /** Varnish in front of nginx and two servers, release page: what varnishstat counted during the measured run. */
  varnish: VarnishFigures;
}

export interface VarnishFigures {
  hits: number;
  misses: number;
  /** Requests Varnish passed to the backend uncached (pass), or piped. */
  passes: number;
}

/** Varnish's hit, miss and pass counters (`varnishstat -1 -j`). */
function varnishCounters(workdir: string): VarnishFigures {
  const json = JSON.parse(execFileSync('varnishstat', ['-n', workdir, '-1', '-j'], { encoding: 'utf8' })) as { counters?: Record<string, { value: number }> } & Record<string, { value: number }>;
  const counters = json.counters ?? json;
  const value = (name: string) => counters[name]?.value ?? 0;
  return { hits: value('MAIN.cache_hit'), misses: value('MAIN.cache_miss'), passes: value('MAIN.s_pass') + value('MAIN.s_pipe') };
}

async function measure(wrk: string, front: Front, targets: Target[], options: ClusterOptions & { onMeasure?: () => void }): Promise<ClusterRow[]> {
  const rows: ClusterRow[] = [];
  for (const target of targets) {
    const url = front.origin + target.path;
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}, not 200`);
    console.log(`  wrk ${front.name}, ${target.name}: ${url}`);
    await runWrk(wrk, url, { ...options.load, seconds: options.warmUpSeconds });
    options.onMeasure?.();
    const result = await runWrk(wrk, url, options.load);
    if (result.non2xx > 0 || result.socketErrors > 0) console.log(`    ${result.non2xx} non-2xx responses, socket errors: ${result.socketErrorDetail || 'none'}`);
    console.log(`    ${Math.round(result.requestsPerSec).toLocaleString('en')} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p90 ${result.p90Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms`);
    rows.push({ front: front.name, servers: front.servers, target, result });
  }
  return rows;
}

/** Seeds PostgreSQL, then loads one server directly, one through nginx and two through nginx. */
export async function runClusterBench(options: ClusterOptions, loadAverage: string): Promise<ClusterReport> {
  const unavailable = postgresUnavailable() ?? (nginxSkip() ? `nginx is not installed at ${NGINX} (apt-get install nginx)` : null) ?? (existsSync(VARNISHD) ? null : `varnishd is not installed at ${VARNISHD} (apt-get install varnish)`);
  if (unavailable) throw new Error(`The cluster bench needs PostgreSQL, nginx and Varnish: ${unavailable}`);
  const dataDir = join(options.root, 'bench', '.work', 'cluster-data');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const postgres = await startBenchCluster();
  const servers: RunningServer[] = [];
  let nginx: RunningNginx | null = null;
  let varnish: RunningVarnish | null = null;
  try {
    console.log(`\nSeeding ${options.size.toLocaleString('en')} releases on PostgreSQL...`);
    const seeded = performance.now();
    const system = await composeSystem({ database: { kind: 'postgres', url: postgres.url }, dataDir });
    let middle: number;
    try {
      const corpus = await buildScaleCorpus(system, options.size, makeProgress('  reindex', process.stdout));
      middle = Math.ceil(corpus.counts['press-releases']!.en / 2);
    } finally {
      await system.close();
    }
    const seedSeconds = (performance.now() - seeded) / 1000;
    const targets: Target[] = [
      { name: 'release page', path: `/en/press-releases/${middle}` },
      { name: 'search page', path: '/en/search?q=budget' },
    ];
    const start = () => startServer({ cwd: options.root, dataDir, databaseUrl: postgres.url }).then((server) => (servers.push(server), server));
    const withNginx = async (upstreams: RunningServer[]) => {
      await nginx?.stop();
      nginx = await startNginx(upstreams.map((s) => new URL(s.origin).host));
      return nginx.origin;
    };

    const rows: ClusterRow[] = [];
    const first = await start();
    rows.push(...(await measure(options.wrk, { name: '1 server, direct', servers: 1, origin: first.origin }, targets, options)));
    rows.push(...(await measure(options.wrk, { name: 'nginx, 1 server', servers: 1, origin: await withNginx([first]) }, targets, options)));
    const second = await start();
    rows.push(...(await measure(options.wrk, { name: 'nginx, 2 servers', servers: 2, origin: await withNginx([first, second]) }, targets, options)));
    // Varnish in front of nginx and both servers (docs/deployment.md), for the release page; the
    // counters are read around the measured run only (the warm-up fills the cache).
    const nginxPort = Number(new URL((nginx as RunningNginx | null)!.origin).port);
    varnish = await startVarnish({ port: await freePort(), backendPort: nginxPort });
    const viaVarnish = varnish;
    const release = targets[0]!;
    const countersBefore = { value: varnishCounters(viaVarnish.workdir) };
    const varnishRows = await measure(options.wrk, { name: 'Varnish, nginx, 2 servers', servers: 2, origin: viaVarnish.url }, [release], {
      ...options,
      // Read the counters after the warm-up, just before the measured run.
      onMeasure: () => void (countersBefore.value = varnishCounters(viaVarnish.workdir)),
    });
    rows.push(...varnishRows);
    const after = varnishCounters(viaVarnish.workdir);
    const figures: VarnishFigures = { hits: after.hits - countersBefore.value.hits, misses: after.misses - countersBefore.value.misses, passes: after.passes - countersBefore.value.passes };
    console.log(`    Varnish: ${figures.hits.toLocaleString('en')} hits, ${figures.misses} misses, ${figures.passes} passes`);
    return { date: new Date(), size: options.size, seedSeconds, loadAverage, load: options.load, rows, varnish: figures };
  } finally {
    await (varnish as RunningVarnish | null)?.stop();
    await (nginx as RunningNginx | null)?.stop();
    for (const server of servers) await server.stop();
    postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const int = (n: number) => Math.round(n).toLocaleString('en');

/** "N hits, M misses (hit ratio R%)". */
function hitLine(v: VarnishFigures): string {
  const total = v.hits + v.misses;
  const ratio = total === 0 ? 'no lookups' : `hit ratio ${((100 * v.hits) / total).toFixed(2)}%`;
  return `${int(v.hits)} hits, ${int(v.misses)} misses, ${int(v.passes)} passes (${ratio})`;
}
const ms = (n: number) => `${n.toFixed(2)} ms`;

/** The "Several servers" section of docs/benchmarks.md. */
export function clusterMarkdown(report: ClusterReport, command: string, seconds: number): string {
  const direct = (target: Target) => report.rows.find((r) => r.front === '1 server, direct' && r.target.path === target.path)!.result.requestsPerSec;
  const rows = report.rows.map((r) => [
    r.front,
    `${r.target.name} \`${r.target.path}\``,
    int(r.result.requestsPerSec),
    ms(r.result.p50Ms),
    ms(r.result.p90Ms),
    ms(r.result.p99Ms),
    `${(r.result.requestsPerSec / direct(r.target)).toFixed(2)}x`,
    String(r.result.non2xx),
    r.result.socketErrors === 0 ? '0' : r.result.socketErrorDetail,
  ]);
  const header = ['front', 'page', 'req/s', 'p50', 'p90', 'p99', 'vs 1 server direct', 'non-2xx', 'socket errors'];
  const table = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  const { threads, connections, seconds: loadSeconds } = report.load;
  const cores = availableParallelism();
  const busy =
    Number(report.loadAverage.split(',')[0]) > cores
      ? `\n**Other work was running on the machine** (load average ${report.loadAverage.split(',')[0]} on ${cores} cores when the run\nstarted): the figures are lower than on a quiet machine and the ratios noisier; run it again on a quiet one.`
      : '';
  return `## Several servers (nginx in front of one and two servers, Varnish in front, PostgreSQL)

\`${command}\` (${report.date.toISOString().slice(0, 16)}Z, ${seconds.toFixed(0)} s in all; load average
before the run ${report.loadAverage}): ${int(report.size)} releases (the scale bench's corpus,
bench/scale-corpus.ts, seeded in ${report.seedSeconds.toFixed(0)} s) on one PostgreSQL 15 database;
the compiled server (\`node ${SERVER_ENTRY}\`); nginx with the deployed configuration
(deploy/nginx/pressroom.conf as test/support/nginx.ts derives it: HTTP, the same upstream and proxy
directives, one worker); \`wrk -t${threads} -c${connections} -d${loadSeconds}s --latency\` after a warm-up. The search page is the
server's cached answer for its query (as readers asking the same thing get it).

${table}

Everything (wrk, nginx, both servers, PostgreSQL) shares the same ${cores} cores, so a second server
cannot add capacity here; what the table shows is the cost of the proxy and of splitting the load.
Socket errors are wrk's connect, read, write and timeout (2 s) errors, not answers.${busy}

Varnish (deploy/varnish/default.vcl, \`-s malloc,32m\`) in front of the same nginx and two servers,
release page, during the measured run (varnishstat): ${hitLine(report.varnish)}. The page's
\`s-maxage\` (300 s) outlasts the run, so after the first miss every read is a hit and the
servers are not asked; what limits the rate here is wrk and Varnish sharing the ${cores} cores.`;
}
