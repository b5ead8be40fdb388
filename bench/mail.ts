// `npm run bench -- --only mail`: email alerts for one release to N confirmed subscribers, sent over
// SMTP to a real SMTP server on loopback. Each size (2,000 and 10,000 unless `--subscribers N` or
// `--size N` names one) runs in a fresh process (bench/mail-sender.ts), and the SMTP server in a
// process of its own (bench/smtp-sink.ts), so the figures are the product's alone. Prints emails/s,
// RSS before / peak / after and the JS heap after a forced GC at the same points, and writes them to
// docs/benchmarks.md ("Email alerts"). A benchmark, never a test: nothing here fails on a time.
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MailRunResult } from './mail-sender.js';

const START = '<!-- bench:mail start: written by `npm run bench -- --only mail` (bench/mail.ts) -->';
const END = '<!-- bench:mail end -->';
export const MAIL_BENCH_SIZES = [2_000, 10_000];

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const n = (value: number) => value.toLocaleString('en');

/** Runs bench/mail-sender.ts for one size in a fresh process with --expose-gc. */
function runOnce(subscribers: number): Promise<MailRunResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./mail-sender.ts', import.meta.url).pathname, [String(subscribers)], { execArgv: ['--expose-gc', '--import', 'tsx'] });
    let result: MailRunResult | null = null;
    child.on('message', (m) => void (result = m as MailRunResult));
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`the mail bench for ${n(subscribers)} subscribers exited with ${code}`))));
  });
}

/** Sends one release's alert to each number of subscribers and reports throughput and memory. */
export async function runMailBench(options: { root: string; sizes: number[]; writeDocs: boolean }): Promise<void> {
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
  const results: MailRunResult[] = [];
  for (const subscribers of options.sizes) {
    console.log(`Mailing one alert to ${n(subscribers)} confirmed subscribers (half to the board, half to the whole site; half Korean)...`);
    const r = await runOnce(subscribers);
    results.push(r);
    console.log(`  ${n(r.received)} received; queued in ${r.queueSeconds.toFixed(1)} s, sent in ${r.sendSeconds.toFixed(1)} s; RSS ${mb(r.before.rss)} before, peak ${mb(r.peakQueueing)} queueing and ${mb(r.peakSending)} sending, ${mb(r.sent.rss)} after`);
  }
  const rows = results.map((r) => {
    const rate = Math.round(r.received / (r.queueSeconds + r.sendSeconds));
    const growth = Math.max(r.peakQueueing, r.peakSending) - r.before.rss;
    return `| ${n(r.subscribers)} | ${r.queueSeconds.toFixed(1)} s | ${r.sendSeconds.toFixed(1)} s | **${rate}** | ${mb(r.before.rss)} | ${mb(r.peakQueueing)} | ${mb(r.peakSending)} | ${mb(r.queued.rss)} / ${mb(r.sent.rss)} | **+${mb(growth)}** | ${mb(r.before.heapUsed)} / ${mb(r.queued.heapUsed)} / ${mb(r.sent.heapUsed)} | ${n(r.notSent)} |`;
  });
  const table = [
    '| Subscribers | Alerts queued in | Sent in | Emails/s | RSS before | Peak RSS queueing | Peak RSS sending | RSS after queueing / sending | Peak growth | JS heap after GC: before / queued / sent | Not sent |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ];
  for (const line of table) console.log(line);
  const sink = results.map((r) => mb(r.sinkRss)).join(', ');
  const peaks = results[0]?.peakSource === 'VmHWM' ? "the kernel's high-water mark (VmHWM), reset before each phase" : 'sampled every 20 ms';
  if (options.writeDocs) {
    const docs = join(options.root, 'docs', 'benchmarks.md');
    const body = [
      '## Email alerts',
      '',
      `\`npm run bench -- --only mail\` (SQLite, ${new Date().toISOString().slice(0, 10)}; load average before the run ${load}): one release in each language, every subscriber confirmed and matching exactly one, mailed to an SMTP server on loopback (smtp-server, in a process of its own, not counted: ${sink} at the end). Each size runs in a fresh process: the alert step of the sender loop (match, render, write the outbox, 200 subscriptions per transaction), then whole ticks of the loop until everything is sent. RSS after a forced GC; peaks are ${peaks}. Target: at least 200 emails/s, memory flat.`,
      '',
      ...table,
    ].join('\n');
    const text = readFileSync(docs, 'utf8');
    const from = text.indexOf(START);
    const to = text.indexOf(END);
    const block = `${START}\n${body.trim()}\n${END}`;
    writeFileSync(docs, from >= 0 && to > from ? text.slice(0, from) + block + text.slice(to + END.length) : `${text.trimEnd()}\n\n${block}\n`);
    console.log(`Written to ${docs}.`);
  }
}
