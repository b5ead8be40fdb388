// `npm run bench -- --only mail`: email alerts for one release to N confirmed subscribers (default
// 10,000), sent over SMTP to a real SMTP server on loopback (smtp-server, in this process, reading and
// discarding every message). Prints emails/s and the process's peak RSS, and writes both to
// docs/benchmarks.md ("Email alerts"). A benchmark, never a test: nothing here fails on a time.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { StaffActor } from '../src/app/workflow/actor.js';
import { criteriaKey } from '../src/domain/subscription.js';
import { composeSystem } from '../src/main/compose.js';

const ACTOR: StaffActor = { userId: null, label: 'system:bench', ip: null, role: 'admin' };
const START = '<!-- bench:mail start: written by `npm run bench -- --only mail` (bench/mail.ts) -->';
const END = '<!-- bench:mail end -->';

/** Sends one release's alert to `subscribers` addresses and reports throughput and memory. */
export async function runMailBench(options: { root: string; subscribers: number; writeDocs: boolean }): Promise<void> {
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  const dataDir = mkdtempSync(join(tmpdir(), 'pressroom-mail-bench-'));
  const system = await composeSystem({
    database: { kind: 'sqlite', file: join(dataDir, 'pressroom.sqlite') },
    dataDir,
    distribution: { smtpUrl: `smtp://127.0.0.1:${port}`, baseUrl: 'https://news.example.org', siteName: 'Bench Newsroom' },
    timeZone: 'Asia/Seoul',
  });
  try {
    const board = await system.boards.create({ slug: 'press-releases', kind: 'press_release', name: { en: 'Press Release', ko: '보도자료' }, position: 1, createdAt: system.clock.now() });
    console.log(`Subscribing ${options.subscribers.toLocaleString('en')} confirmed addresses (half to the board, half to the whole site; half Korean)...`);
    const now = Date.now();
    for (let from = 0; from < options.subscribers; from += 500) {
      const rows = [];
      for (let i = from; i < Math.min(from + 500, options.subscribers); i++) {
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
    const baseRss = process.memoryUsage().rss;
    let peakRss = baseRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const started = performance.now();
    let lastReport = started;
    while (received < options.subscribers) {
      await system.distribution.run();
      if (performance.now() - lastReport > 2000) {
        lastReport = performance.now();
        console.log(`  ${received.toLocaleString('en')} of ${options.subscribers.toLocaleString('en')} emails received`);
      }
      if (performance.now() - started > 30 * 60_000) throw new Error(`only ${received} of ${options.subscribers} emails arrived in 30 minutes`);
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const queued = await system.db.selectFrom('outbox_emails').select((eb) => eb.fn.countAll().as('n')).where('status', '!=', 'sent').executeTakeFirstOrThrow();
    const lines = [
      `Matched, rendered, queued and sent ${received.toLocaleString('en')} alert emails (one release in each language, ${options.subscribers.toLocaleString('en')} confirmed subscribers) to an SMTP server on loopback in ${seconds.toFixed(1)} s: **${Math.round(received / seconds)} emails/s**.`,
      `Peak RSS of the process while sending: ${(peakRss / 1024 / 1024).toFixed(0)} MB (${(baseRss / 1024 / 1024).toFixed(0)} MB before the first alert; the SMTP server runs in the same process). Emails not sent at the end: ${Number(queued.n)}.`,
    ];
    for (const line of lines) console.log(line);
    if (options.writeDocs) {
      const docs = join(options.root, 'docs', 'benchmarks.md');
      const body = `## Email alerts\n\n\`npm run bench -- --only mail\` (SQLite, ${new Date().toISOString().slice(0, 10)}; load average before the run ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ')}):\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`;
      const text = readFileSync(docs, 'utf8');
      const from = text.indexOf(START);
      const to = text.indexOf(END);
      const block = `${START}\n${body.trim()}\n${END}`;
      writeFileSync(docs, from >= 0 && to > from ? text.slice(0, from) + block + text.slice(to + END.length) : `${text.trimEnd()}\n\n${block}\n`);
      console.log(`Written to ${docs}.`);
    }
  } finally {
    await system.close();
    smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
