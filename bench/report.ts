// Formats the results: a console table and docs/benchmarks.md, with each row checked against the
// goals from the issue. A miss is reported, never an error.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BOARDS, type Corpus } from './build-corpus.js';
import type { Timing } from './in-process.js';
import type { WrkResult } from './wrk.js';

export const GOALS = { p99Ms: 50, rssBytes: 150 * 1_000_000 };

export interface Row {
  name: string;
  path: string;
  goalRps: number;
  result: WrkResult;
  rssAfter: number | null;
}

export interface Report {
  date: Date;
  corpus: Corpus;
  rows: Row[];
  maxRss: number;
  uncached: Timing[];
  /** Bare node:http serving a release page's worth of bytes: the machine's ceiling, not Pressroom. */
  baseline: { result: WrkResult; bytes: number };
  load: string;
  /** /proc/loadavg (1, 5, 15 min) just before the first wrk run: other work on the machine skews the figures. */
  loadAverage: string;
  totalSeconds: number;
}

const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1_000_000).toFixed(1)} MB`);
const int = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => `${n.toFixed(2)} ms`;
const verdict = (row: Row) => (row.result.requestsPerSec >= row.goalRps && row.result.p99Ms < GOALS.p99Ms ? 'pass' : 'miss');
const rssVerdict = (maxRss: number) => (maxRss < GOALS.rssBytes ? 'pass' : 'miss');

function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function resultRows(report: Report): string[][] {
  const { baseline } = report;
  return [
    ...report.rows.map((row) => [
      `${row.name} \`${row.path}\``,
      int(row.result.requestsPerSec),
      ms(row.result.p50Ms),
      ms(row.result.p99Ms),
      mb(row.rssAfter),
      `≥ ${int(row.goalRps)} req/s, p99 < ${GOALS.p99Ms} ms`,
      verdict(row),
    ]),
    [`baseline: bare node:http, ${int(baseline.bytes)} bytes (not Pressroom)`, int(baseline.result.requestsPerSec), ms(baseline.result.p50Ms), ms(baseline.result.p99Ms), '', '', ''],
  ];
}

export function printSummary(report: Report): void {
  const cols = ['target', 'req/s', 'p50', 'p99', 'RSS after', 'goal', 'result'];
  console.log(`\n${table(cols, resultRows(report))}`);
  console.log(`\nMax RSS of the server: ${mb(report.maxRss)} (goal < ${mb(GOALS.rssBytes)}: ${rssVerdict(report.maxRss)})`);
  for (const row of report.rows) {
    const { non2xx, socketErrors } = row.result;
    if (non2xx > 0 || socketErrors > 0) console.log(`Warning: ${row.name}: ${non2xx} non-2xx/3xx responses, ${socketErrors} socket errors`);
  }
  console.log('\nUncached, in-process (mean per call):');
  for (const t of report.uncached) console.log(`  ${t.label.padEnd(40)} ${ms(t.meanMs)} (${t.iterations} calls)`);
}

function deepVsFirst(uncached: Timing[]): string {
  const [first, deep] = uncached;
  if (!first || !deep) return 'not measured.';
  const ratio = deep.meanMs / first.meanMs;
  const verdict = ratio < 1.5 ? 'about what page 1 does' : `${ratio.toFixed(1)} times what page 1 does`;
  return `\`${deep.label}\` took ${ms(deep.meanMs)} against ${ms(first.meanMs)} for page 1, ${verdict}.`;
}

function machine(): string {
  const cores = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown CPU';
  const memory = /^MemTotal:\s+(\d+) kB/m.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1];
  return `${cores} cores (nproc), ${cpu}${memory ? `, ${(Number(memory) / 1_048_576).toFixed(1)} GiB RAM` : ''}, Node.js ${process.version}`;
}

export function markdown(report: Report): string {
  const { corpus, baseline } = report;
  const boards = BOARDS.map((b) => `\`${b.slug}\` ${int(corpus.counts[b.slug]!.en)} English + ${int(corpus.counts[b.slug]!.ko)} Korean`).join(', ');
  const misses = report.rows.filter((r) => verdict(r) === 'miss').length + (rssVerdict(report.maxRss) === 'miss' ? 1 : 0);
  const bestRow = Math.max(...report.rows.map((r) => r.result.requestsPerSec));
  return `# Benchmarks

<!-- Written by \`npm run bench\` (bench/report.ts); edit the generator, not this file. -->

- **Date:** ${report.date.toISOString().replace(/\.\d+Z$/, 'Z')}
- **Machine:** ${machine()}
- **Command:** \`npm run bench\` (total run ${report.totalSeconds.toFixed(0)} s)
- **Load:** \`${report.load}\` per target after a 2 s warm-up, wrk on the same machine as the server
- **Machine load average before the runs:** ${report.loadAverage} (1, 5, 15 min)
- **Server:** \`node dist/main/web.js\` with SQLite, \`PRESSROOM_DEMO=0\`, \`LOG_LEVEL=warn\`

## Corpus

${int(corpus.total)} published releases built through the application's commands (\`createRelease\`, \`attachFile\`,
\`submitRelease\`, \`approveRelease\`, \`publishRelease\`) in **${(corpus.ms / 1000).toFixed(1)} s**, published oldest
first over the past three years: ${boards}.

Generated titles of varied length (many longer than the 64-character list cut), 1-3 subtitle lines,
4-8 body paragraphs (Hangul for Korean releases), a PDF on ${int(corpus.pdfs)} releases and a photo on
${int(corpus.photos)} (four PDFs and three photos, reused: identical bytes are stored once by SHA-256).

## Results

${table(['target', 'req/s', 'p50', 'p99', 'RSS after run', 'goal', 'result'], resultRows(report))}

Maximum resident memory of the server process (VmRSS, sampled during and after every run):
**${mb(report.maxRss)}** (goal < ${mb(GOALS.rssBytes)}: **${rssVerdict(report.maxRss)}**).

${misses === 0 ? 'Every goal was met.' : `${misses} goal(s) missed on this machine.`} Goals from the issue: release page ≥ 20,000 req/s,
lists and home ≥ 10,000 req/s, p99 < ${GOALS.p99Ms} ms, memory < 150 MB. The baseline row is the
machine's ceiling under the same load: the best Pressroom row reached
${Math.round((bestRow / baseline.result.requestsPerSec) * 100)}% of it.

## Uncached cost (in-process)

The app's read use cases called directly on the same database (no HTTP, no rendering, no page cache),
mean per call:

${table(['call', 'calls', 'mean'], report.uncached.map((t) => [`\`${t.label}\``, String(t.iterations), ms(t.meanMs)]))}

## Notes

- Public pages are served from the in-memory page cache (see [architecture.md](architecture.md),
  Caching): wrk repeats one URL, so after the first request each target measures a cache hit
  (lookup, ETag, send); a release page is re-rendered at most every 30 s. The figures above are
  therefore the cached path; the in-process table shows what a miss costs in the database.
- A deep board page could not be measured uncached over HTTP (every URL without \`q\` is cached after
  its first request), hence the in-process figures: ${deepVsFirst(report.uncached)}
- A filtered list (\`?q=\`) is cached per distinct query text, so in practice most filtered requests are
  misses and pay the full cost shown in the last row. better-sqlite3 is synchronous, so that time
  also blocks every other request on the server.
- wrk runs on the same cores as the server, so on a small machine the two compete for CPU, as does
  any other work running at the time (see the load average above); the req/s figures are a floor
  for a server with the machine to itself, and p99 is the figure most sensitive to such noise.
`;
}
