// One run of the mail bench, in a fresh process started by bench/mail.ts with --expose-gc: the
// product as the web server runs it (composeSystem on SQLite, the sender loop's steps), mailing one
// release's alert to N confirmed subscribers through the SMTP server of bench/smtp-sink.ts (another
// process). Measures this process only: RSS and the JS heap after a forced GC before the alerts,
// after they are queued and after they are sent, and the kernel's peak RSS (VmHWM, reset before each
// phase) while queueing and while sending. Sends the figures to the parent as one message.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaffActor } from '../src/app/workflow/actor.js';
import { criteriaKey } from '../src/domain/subscription.js';
import { composeSystem } from '../src/main/compose.js';

const ACTOR: StaffActor = { userId: null, label: 'system:bench', ip: null, role: 'admin' };

export interface MemoryPoint {
  rss: number;
  heapUsed: number;
}

export interface MailRunResult {
  subscribers: number;
  received: number;
  notSent: number;
  queueSeconds: number;
  sendSeconds: number;
  before: MemoryPoint;
  queued: MemoryPoint;
  sent: MemoryPoint;
  peakQueueing: number;
  peakSending: number;
  /** 'VmHWM' when the kernel's peak could be reset per phase; else sampled every 20 ms. */
  peakSource: 'VmHWM' | 'sampled';
  sinkRss: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc (bench/mail.ts does)');

/** RSS and heap after a full GC: what the process holds, not garbage waiting to be collected. */
function settle(): MemoryPoint {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed };
}

/** Peak RSS of a phase: the kernel's high-water mark when it can be reset, else samples. */
function peakMeter() {
  let canReset = true;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    canReset = false;
  }
  let sampled = process.memoryUsage().rss;
  const timer = setInterval(() => void (sampled = Math.max(sampled, process.memoryUsage().rss)), 20);
  return {
    source: canReset ? ('VmHWM' as const) : ('sampled' as const),
    stop(): number {
      clearInterval(timer);
      const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
      return canReset && hwm ? Math.max(Number(hwm) * 1024, sampled) : sampled;
    },
  };
}

async function main(subscribers: number): Promise<MailRunResult> {
  const sink = fork(new URL('./smtp-sink.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((resolve) => sink.once('message', (m) => resolve((m as { port: number }).port)));
  const askSink = () => new Promise<{ received: number; rss: number }>((resolve) => {
    sink.once('message', (m) => resolve(m as { received: number; rss: number }));
    sink.send('count');
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'pressroom-mail-bench-'));
  const system = await composeSystem({
    database: { kind: 'sqlite', file: join(dataDir, 'pressroom.sqlite') },
    dataDir,
    distribution: { smtpUrl: `smtp://127.0.0.1:${port}`, baseUrl: 'https://news.example.org', siteName: 'Bench Newsroom' },
    timeZone: 'Asia/Seoul',
  });
  try {
    const board = await system.boards.create({ slug: 'press-releases', kind: 'press_release', name: { en: 'Press Release', ko: '보도자료' }, position: 1, createdAt: system.clock.now() });
    const now = Date.now();
    for (let from = 0; from < subscribers; from += 500) {
      const rows = [];
      for (let i = from; i < Math.min(from + 500, subscribers); i++) {
        const criteria = { boardId: i % 2 === 0 ? board.id : null, tag: null, query: null };
        rows.push({ email: `reader${i}@example.com`, language: i % 4 < 2 ? 'en' : 'ko', board_id: criteria.boardId, tag: null, query: null, criteria_key: criteriaKey(criteria), frequency: 'immediate', status: 'confirmed', created_at: now, updated_at: now, confirmed_at: now, last_digest_at: null });
      }
      await system.db.insertInto('subscriptions').values(rows).execute();
    }
    // One release in each language, so every subscriber has exactly one alert to get.
    for (const language of ['en', 'ko'] as const) {
      const { release } = await system.commands.createRelease({ boardSlug: 'press-releases', language, title: language === 'en' ? 'Coast guard opens a station on Sel island' : '해양경찰, 셀 섬에 파출소 개소', subtitle: [], bodyMarkdown: 'The station opens today.\n\nIt has two patrol boats.', embargoUntil: null }, ACTOR);
      await system.commands.submitRelease(release.id, ACTOR);
      await system.commands.approveRelease(release.id, ACTOR);
      await system.commands.publishRelease(release.id, ACTOR);
    }
    await system.search.idle();
    const before = settle();

    // Phase 1: the sender loop's alert step (match, render, write the outbox).
    let meter = peakMeter();
    const startedQueue = performance.now();
    let queuedEmails = 0;
    for (let n = -1; n !== 0; ) queuedEmails += n = await system.distribution.queueReleaseAlerts();
    const queueSeconds = (performance.now() - startedQueue) / 1000;
    const peakQueueing = meter.stop();
    const queued = settle();
    if (queuedEmails !== subscribers) throw new Error(`queued ${queuedEmails} alerts for ${subscribers} subscribers`);

    // Phase 2: whole ticks of the sender loop until every email is sent.
    meter = peakMeter();
    const startedSend = performance.now();
    let sentEmails = 0;
    while (sentEmails < subscribers) {
      sentEmails += (await system.distribution.run()).sent;
      if (performance.now() - startedSend > 30 * 60_000) throw new Error(`only ${sentEmails} of ${subscribers} emails sent in 30 minutes`);
    }
    const sendSeconds = (performance.now() - startedSend) / 1000;
    const peakSending = meter.stop();
    const sent = settle();
    const notSent = await system.db.selectFrom('outbox_emails').select((eb) => eb.fn.countAll().as('n')).where('status', '!=', 'sent').executeTakeFirstOrThrow();
    const sink = await askSink();
    return { subscribers, received: sink.received, notSent: Number(notSent.n), queueSeconds, sendSeconds, before, queued, sent, peakQueueing, peakSending, peakSource: meter.source, sinkRss: sink.rss };
  } finally {
    await system.close();
    sink.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main(Number(process.argv[2])).then(
  (result) => process.send!(result, () => process.exit(0)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
