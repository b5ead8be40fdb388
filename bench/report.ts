// Formats the page bench (bench/pages.ts): a console summary and the page part of docs/benchmarks.md,
// each figure checked against issue #17's goals. A miss is reported, never an error.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BOARDS, type Corpus } from './build-corpus.js';
import { DEMO_SEARCH_GOAL_RPS, median, type DemoReport, type LoadRow, type StartTimes } from './first-start.js';
import type { Timing } from './in-process.js';
import { DISTINCT_QUERIES } from './search-load.js';
import { SERVER_ENTRY } from './server.js';
import type { WrkResult } from './wrk.js';

export const GOALS = { rssBytes: 150 * 1_000_000 };

/** One target served by Pressroom and, in the same run, its exact bytes by nginx. */
export interface SideBySide {
  name: string;
  path: string;
  goalRatio: number;
  bytes: number;
  contentType: string;
  pressroom: WrkResult;
  nginx: WrkResult;
  rssAfter: number | null;
}

export interface PageReport {
  date: Date;
  corpus: Corpus;
  /** The corpus came from an earlier build (`--reuse`). */
  reused: boolean;
  rows: SideBySide[];
  /** Bare node:http serving the release page's bytes, loaded in the same run: Node's own ceiling. */
  nodeBaseline: WrkResult | null;
  maxRss: number;
  uncached: Timing[];
  startTimes: StartTimes[];
  demo: DemoReport;
  load: string;
  /** /proc/loadavg (1, 5, 15 min) before the loads: other work on the machine skews the figures. */
  loadAverage: string;
  totalSeconds: number;
}

const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1_000_000).toFixed(1)} MB`);
const int = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => `${n.toFixed(2)} ms`;
const ok = (pass: boolean) => (pass ? 'pass' : 'miss');
const ratio = (row: SideBySide) => row.pressroom.requestsPerSec / row.nginx.requestsPerSec;
/** Two decimals rounded down, so a ratio shown as 0.35 has met a 0.35 goal. */
const shownRatio = (row: SideBySide) => (Math.floor(ratio(row) * 100) / 100).toFixed(2);
/** The path as typed (Korean readable); `WORDS` stands for the distinct queries of a (b) row. */
const shownPath = (path: string) => decodeURIComponent(path);
const rssPass = (bytes: number | null) => bytes !== null && bytes <= GOALS.rssBytes;
const loadPass = (row: LoadRow) => row.goalRps === null || (row.result.requestsPerSec >= row.goalRps && (row.goalP99Ms === null || row.result.p99Ms <= row.goalP99Ms));
const WAY = { cached: '(a) one query, cached', distinct: `(b) ${DISTINCT_QUERIES.toLocaleString('en')} distinct queries, misses`, page: 'page, cached' } as const;

function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function sideRows(report: PageReport): string[][] {
  return report.rows.map((row) => [
    `${row.name} \`${row.path}\``,
    int(row.bytes),
    int(row.pressroom.requestsPerSec),
    ms(row.pressroom.p99Ms),
    int(row.nginx.requestsPerSec),
    ms(row.nginx.p99Ms),
    shownRatio(row),
    `≥ ${row.goalRatio}`,
    ok(ratio(row) >= row.goalRatio),
  ]);
}
const SIDE_HEADER = ['target', 'bytes', 'Pressroom req/s', 'p99', 'nginx req/s', 'p99', 'ratio', 'goal', 'result'];

function startRows(report: PageReport): string[][] {
  return report.startTimes.map((s) => [s.label, `\`${s.command}\``, s.runsMs.map((t) => t.toFixed(0)).join(', '), `${int(median(s.runsMs))} ms`, `≤ ${int(s.goalMs)} ms`, ok(median(s.runsMs) <= s.goalMs)]);
}
const START_HEADER = ['start', 'command', 'runs (ms)', 'median', 'goal', 'result'];

function demoRows(rows: LoadRow[]): string[][] {
  return rows.map((row) => [
    `${row.name} \`${shownPath(row.path)}\``,
    WAY[row.way],
    int(row.result.requestsPerSec),
    ms(row.result.p50Ms),
    ms(row.result.p99Ms),
    row.goalRps === null ? 'info' : `≥ ${int(row.goalRps)} req/s${row.goalP99Ms === null ? '' : `, p99 ≤ ${row.goalP99Ms} ms`}`,
    row.goalRps === null ? '' : `${ok(loadPass(row))} (${row.way === 'cached' ? 'a: cached' : 'b: misses'})`,
  ]);
}
const DEMO_HEADER = ['target', 'way', 'req/s', 'p50', 'p99', 'goal', 'result'];

function warnings(report: PageReport): string[] {
  const results: [string, WrkResult][] = [
    ...report.rows.flatMap((r): [string, WrkResult][] => [[`${r.name} (Pressroom)`, r.pressroom], [`${r.name} (nginx)`, r.nginx]]),
    ...report.demo.rows.map((r): [string, WrkResult] => [`demo ${r.name} ${r.way}`, r.result]),
  ];
  return results.filter(([, r]) => r.non2xx > 0 || r.socketErrors > 0).map(([name, r]) => `${name}: ${int(r.non2xx)} non-2xx/3xx responses, ${r.socketErrors} socket errors (${r.socketErrorDetail})`);
}

/** Node's ceiling beside nginx: bare node:http with the release page's bytes, the same load. */
function baselineLine(report: PageReport): string {
  const release = report.rows[0];
  if (!report.nodeBaseline || !release) return '';
  const ratio = (report.nodeBaseline.requestsPerSec / release.nginx.requestsPerSec).toFixed(2);
  return `Ceiling for any Node.js server here: bare \`node:http\` (no framework, routing, cache lookup or headers beyond Content-Type) answering with the release page's ${int(release.bytes)} bytes from memory, same load, same run: **${int(report.nodeBaseline.requestsPerSec)} req/s** (p99 ${report.nodeBaseline.p99Ms.toFixed(2)} ms), **${ratio}** of nginx's ${int(release.nginx.requestsPerSec)} for the same file; Pressroom's release page is ${(release.pressroom.requestsPerSec / report.nodeBaseline.requestsPerSec).toFixed(2)} of that ceiling.`;
}

/** The console summary. */
export function printSummary(report: PageReport): void {
  const { demo } = report;
  console.log(`\n${table(SIDE_HEADER, sideRows(report))}`);
  console.log(baselineLine(report));
  console.log(`\nMax RSS on the 10,000-release corpus: ${mb(report.maxRss)} (goal ≤ ${mb(GOALS.rssBytes)}: ${ok(rssPass(report.maxRss))})`);
  console.log(`\n${table(START_HEADER, startRows(report))}`);
  console.log(`\nDemo first start: first 200 after ${int(demo.readyMs)} ms; RSS ${mb(demo.rssAtReady)} then (peak while seeding ${mb(demo.peakRssFirstStart)}); max under load ${mb(demo.maxRssUnderLoad)} (goal ≤ ${mb(GOALS.rssBytes)}: ${ok(rssPass(demo.maxRssUnderLoad) && rssPass(demo.rssAtReady))})`);
  console.log(`\n${table(DEMO_HEADER, demoRows(demo.rows))}`);
  for (const line of warnings(report)) console.log(`Warning: ${line}`);
  console.log('\nUncached, in-process (mean per call):');
  for (const t of report.uncached) console.log(`  ${t.label.padEnd(40)} ${ms(t.meanMs)} (${t.iterations} calls)`);
}

function machine(): string {
  const cores = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown CPU';
  const memory = /^MemTotal:\s+(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1];
  return `${cores} cores (nproc), ${cpu}${memory ? `, ${(Number(memory) / 1_048_576).toFixed(1)} GiB RAM` : ''}, Node.js ${process.version}`;
}

function deepVsFirst(uncached: Timing[]): string {
  const [first, deep] = uncached;
  if (!first || !deep) return 'not measured.';
  const r = deep.meanMs / first.meanMs;
  return `\`${deep.label}\` took ${ms(deep.meanMs)} against ${ms(first.meanMs)} for page 1, ${r < 1.5 ? 'about what page 1 does' : `${r.toFixed(1)} times what page 1 does`}.`;
}

/** The page part of docs/benchmarks.md; `command` is how the bench was run. */
export function markdown(report: PageReport, command: string): string {
  const { corpus, demo } = report;
  const boards = BOARDS.map((b) => `\`${b.slug}\` ${int(corpus.counts[b.slug]!.en)} English + ${int(corpus.counts[b.slug]!.ko)} Korean`).join(', ');
  const built = report.reused || Number.isNaN(corpus.ms) ? 'reused from an earlier build of the same seeded corpus (`--reuse`)' : `in **${(corpus.ms / 1000).toFixed(1)} s**`;
  const misses =
    report.rows.filter((r) => ratio(r) < r.goalRatio).length +
    report.startTimes.filter((s) => median(s.runsMs) > s.goalMs).length +
    demo.rows.filter((r) => !loadPass(r)).length +
    [report.maxRss, demo.maxRssUnderLoad, demo.rssAtReady].filter((b) => !rssPass(b)).length;
  const hits = demo.hitSample.map((h) => `${h.withHits} of ${h.sampled} ${h.language === 'en' ? 'English' : 'Korean'}`).join(' and ');
  const warned = warnings(report);
  return `# Benchmarks

<!-- Written by \`npm run bench\` (bench/report.ts); edit the generator, not this file. -->

- **Date:** ${report.date.toISOString().replace(/\.\d+Z$/, 'Z')}
- **Machine:** ${machine()}
- **Command:** \`${command}\` (total run ${report.totalSeconds.toFixed(0)} s)
- **Load:** \`${report.load}\` per target after a 2 s warm-up, wrk on the same machine as the servers
- **Machine load average before the loads:** ${report.loadAverage} (1, 5, 15 min)${Number(report.loadAverage.split(',')[0]) > 1 ? ': other processes were using the machine, so the figures below are lower than on an idle one' : ''}
- **Server:** \`node ${SERVER_ENTRY}\` with SQLite, \`LOG_LEVEL=warn\`; \`PRESSROOM_DEMO=0\` on the corpus, \`1\` for the demo

${misses === 0 ? 'Every goal of issue #17 below was met.' : `**${misses} goal(s) of issue #17 missed on this machine** (see the result columns).`}

## Corpus

${int(corpus.total)} published releases built through the application's commands (\`createRelease\`, \`attachFile\`,
\`submitRelease\`, \`approveRelease\`, \`publishRelease\`) ${built}, published oldest first over the past three
years: ${boards}. Generated titles of varied length, 1-3 subtitle lines, 4-8 body paragraphs (Hangul for
Korean releases), a PDF on ${int(corpus.pdfs)} releases and a photo on ${int(corpus.photos)}.

## Pages and feeds beside nginx

For each target the bench fetched the page's exact bytes and Content-Type from Pressroom, wrote them
into a directory served by Debian nginx (one worker process, \`access_log off\`, \`sendfile on\`,
\`keepalive_timeout 65\` and \`keepalive_requests 1000\` as Debian's nginx.conf and the deployed site file
leave them), and loaded both in turn in this run. Goal (issue #17): a release page at ≥ 0.5 of nginx's
req/s for the same bytes; lists, home and feeds ≥ 0.35.

${table(SIDE_HEADER, sideRows(report))}

${baselineLine(report)}

Maximum resident memory of the server on this corpus (VmRSS, sampled every 250 ms during every run
and after it): **${mb(report.maxRss)}** (goal ≤ ${mb(GOALS.rssBytes)}: **${ok(rssPass(report.maxRss))}**).

## Start time

Spawn to the first 200 of \`/en/\` on the corpus above (an existing, migrated data dir, \`PRESSROOM_DEMO=0\`),
polled every 10 ms; \`npm start\` runs its prestart check (build only when sources changed) on the tree
the bench has just built, and is stopped with its whole process group.

${table(START_HEADER, startRows(report))}

## The demo newsroom: first start and search under load

The built server on an **empty** data dir with \`PRESSROOM_DEMO=1\`, as \`npm start\` does on a first
start: it seeds the demo, then listens. First 200 of \`/en/\` after **${int(demo.readyMs)} ms**; RSS then
**${mb(demo.rssAtReady)}**, highest while seeding ${mb(demo.peakRssFirstStart)}. Maximum RSS over the loads
below: **${mb(demo.maxRssUnderLoad)}** (goal ≤ ${mb(GOALS.rssBytes)} under load and after the first start:
**${ok(rssPass(demo.maxRssUnderLoad) && rssPass(demo.rssAtReady))}**).

Search is measured two ways: **(a)** one query repeated, which after its first request is a hit in
the server's search cache (answers kept per query and content version), and **(b)** a wrk Lua script
cycling through ${int(DISTINCT_QUERIES)} distinct queries per language (word pairs and triples of the
bench corpus vocabulary, bench/text.ts), more than the search cache's 2,000 entries (LRU), so every
request runs the search. (b) is the figure for real readers, who rarely repeat one query. Goal: ≥ ${int(DEMO_SEARCH_GOAL_RPS)}
req/s on the demo. The vocabulary is the generated corpus's: ${hits} sampled queries found something in
the demo's content, so many (b) requests are searches with no hits. In a (b) row's path, \`WORDS\`
stands for each request's query.

${table(DEMO_HEADER, demoRows(demo.rows))}

The search targets on 100,000 releases, with the goal ≥ 1,000 req/s and p99 ≤ 50 ms, are in the
scale section below.

## Uncached cost (in-process)

The app's read use cases called directly on the corpus (no HTTP, no rendering, no page cache), mean
per call:

${table(['call', 'calls', 'mean'], report.uncached.map((t) => [`\`${t.label}\``, String(t.iterations), ms(t.meanMs)]))}

## Notes

- wrk sends no \`Accept-Encoding\`, so Pressroom and nginx both send the identity bytes in the bytes
  column (Pressroom keeps gzip and brotli copies for clients that ask). The bodies are identical;
  the headers are not: Pressroom adds ETag, caching and security headers, nginx its own few.
- Pages and feeds come from Pressroom's in-memory page cache (see [architecture.md](architecture.md),
  Caching): wrk repeats one URL, so each Pressroom row measures a cache hit (lookup, ETag, send).
  The in-process table shows what a miss costs in the database; ${deepVsFirst(report.uncached)}
- wrk runs on the same cores as the servers, so on a small machine the two compete for CPU, as
  does any other work running at the time (see the load average); req/s are a floor for a server
  with the machine to itself, and p99 is the figure most sensitive to such noise. Start times
  are medians for the same reason.${warned.length > 0 ? `\n- Errors during the loads: ${warned.join('; ')}.` : ''}
`;
}
