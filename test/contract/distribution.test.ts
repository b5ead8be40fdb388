import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Frequency } from '../../src/domain/subscription.js';
import type { Language } from '../../src/domain/language.js';
import type { System } from '../../src/main/compose.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, TEST_ACTOR } from '../support/factories.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

/** A confirmed subscription, made like a visitor does: subscribe, then follow the emailed link. */
async function subscriber(system: System, email: string, criteria: { language?: Language; boardSlug?: string | null; tag?: string | null; query?: string | null; frequency?: Frequency } = {}) {
  await system.distribution.subscribe({ email, language: criteria.language ?? 'en', boardSlug: criteria.boardSlug ?? null, tag: criteria.tag ?? null, query: criteria.query ?? null, frequency: criteria.frequency ?? 'immediate' });
  const confirmation = (await system.distribution.outbox.list({ limit: 1 }))[0]!;
  const token = decodeURIComponent(/confirm\?token=(\S+)/.exec(confirmation.text)![1]!);
  const result = await system.distribution.confirm(token);
  assert.equal(result.status, 'confirmed');
  return result.status === 'confirmed' ? result.subscription : null!;
}

async function alertsTo(system: System, email: string) {
  return (await system.distribution.outbox.listByRecipient(email)).filter((e) => e.kind === 'alert' || e.kind === 'digest');
}

async function correct(system: System, releaseId: number, title: string, options: { changeNote?: string; isMinorChange?: boolean }) {
  const draft = await system.commands.startCorrection(releaseId, TEST_ACTOR);
  await system.commands.saveDraft(releaseId, { title, lockVersion: draft.lockVersion }, TEST_ACTOR);
  await system.commands.submitRelease(releaseId, TEST_ACTOR);
  await system.commands.approveRelease(releaseId, TEST_ACTOR);
  await system.commands.publishRelease(releaseId, TEST_ACTOR, options);
}

for (const { kind, skip } of databaseKinds()) {
  describe(`email alerts and the outbox on ${kind}`, { skip }, () => {
    let t: TestSystem;
    before(async () => {
      t = await createTestSystem(kind);
    });
    after(() => t.close());

    test('without a mail server every email is held in the outbox, never dropped', async () => {
      await t.system.distribution.subscribe({ email: 'held@example.com', language: 'en', boardSlug: null, tag: null, query: null, frequency: 'immediate' });
      await t.system.distribution.run();
      const [email] = await t.system.distribution.outbox.listByRecipient('held@example.com');
      assert.equal(email?.status, 'held');
      assert.equal(email?.kind, 'confirm');
      assert.equal(t.system.distribution.sending, false);
    });

    test('immediate alerts match board, tag, language and saved search; a second run mails nothing twice', async () => {
      const board = await buildBoard(t.system);
      const other = await buildBoard(t.system);
      await subscriber(t.system, 'board@example.com', { boardSlug: board.slug });
      await subscriber(t.system, 'tag@example.com', { tag: 'defence' });
      await subscriber(t.system, 'search@example.com', { query: 'submarine', boardSlug: board.slug });
      await subscriber(t.system, 'korean@example.com', { language: 'ko', boardSlug: board.slug });
      const { release } = await buildRelease(t.system, { boardSlug: board.slug, title: 'New submarine launched', tags: ['defence'] });
      await buildRelease(t.system, { boardSlug: other.slug, title: 'Unrelated notice' });
      await t.system.distribution.run();
      await t.system.distribution.run();
      for (const email of ['board@example.com', 'tag@example.com', 'search@example.com']) {
        const alerts = await alertsTo(t.system, email);
        assert.deepEqual(alerts.map((a) => a.subject), ['New submarine launched'], email);
        assert.match(alerts[0]!.text, new RegExp(`/en/${board.slug}/${release.number}`));
        assert.match(alerts[0]!.headers['List-Unsubscribe']!, /^<http:\/\/localhost:3000\/en\/subscriptions\/unsubscribe\?token=u\d+\./);
      }
      assert.deepEqual(await alertsTo(t.system, 'korean@example.com'), [], 'an English release is not sent to a Korean subscription');
      await buildRelease(t.system, { boardSlug: board.slug, title: 'Budget announcement' });
      await t.system.distribution.run();
      assert.equal((await alertsTo(t.system, 'search@example.com')).length, 1, 'the saved search does not find the budget release');
      assert.equal((await alertsTo(t.system, 'board@example.com')).length, 2);
    });

    test('an embargoed release is mailed only once public; a withdrawn one never', async () => {
      const board = await buildBoard(t.system);
      await subscriber(t.system, 'embargo@example.com', { boardSlug: board.slug });
      await buildRelease(t.system, { boardSlug: board.slug, title: 'Embargoed statement', state: 'embargoed', embargoUntil: new Date(t.clock.now().getTime() + 3_600_000) });
      await buildRelease(t.system, { boardSlug: board.slug, title: 'Issued in error', state: 'withdrawn' });
      await t.system.distribution.run();
      assert.deepEqual(await alertsTo(t.system, 'embargo@example.com'), [], 'nothing before the embargo ends');
      t.clock.advance(3_600_000 + 1000);
      await t.system.distribution.run();
      assert.deepEqual((await alertsTo(t.system, 'embargo@example.com')).map((a) => a.subject), ['Embargoed statement']);
    });

    test('a minor correction is not mailed; a correction with a public change note is', async () => {
      const board = await buildBoard(t.system);
      await subscriber(t.system, 'corrections@example.com', { boardSlug: board.slug });
      const { release } = await buildRelease(t.system, { boardSlug: board.slug, title: 'Visit announced' });
      await t.system.distribution.run();
      t.clock.advance(60_000);
      await correct(t.system, release.id, 'Visit announced (typo fixed)', { isMinorChange: true });
      await t.system.distribution.run();
      assert.equal((await alertsTo(t.system, 'corrections@example.com')).length, 1, 'the minor edit is not mailed');
      t.clock.advance(60_000);
      await correct(t.system, release.id, 'Visit moved to Friday', { changeNote: 'The visit is on Friday, not Thursday.' });
      await t.system.distribution.run();
      const alerts = await alertsTo(t.system, 'corrections@example.com');
      assert.deepEqual(alerts.map((a) => a.subject), ['Visit announced', 'Updated: Visit moved to Friday']);
      assert.match(alerts[1]!.text, /What changed: The visit is on Friday, not Thursday\./);
    });

    test('daily digests at 07:00 Seoul collect everything since the last one; an empty digest is not sent; weekly ones go on Mondays', async () => {
      const board = await buildBoard(t.system);
      // 2026-11-20 is a Friday; the test clock reads 10:00 in Seoul.
      t.clock.set(new Date('2026-11-20T01:00:00Z'));
      await subscriber(t.system, 'daily@example.com', { boardSlug: board.slug, frequency: 'daily' });
      await subscriber(t.system, 'weekly@example.com', { boardSlug: board.slug, frequency: 'weekly' });
      await buildRelease(t.system, { boardSlug: board.slug, title: 'Morning release' });
      t.clock.advance(3_600_000);
      await buildRelease(t.system, { boardSlug: board.slug, title: 'Afternoon release' });
      await t.system.distribution.run();
      assert.deepEqual(await alertsTo(t.system, 'daily@example.com'), [], 'no immediate email for a digest subscriber');
      t.clock.set(new Date('2026-11-20T21:59:00Z'));
      await t.system.distribution.run();
      assert.deepEqual(await alertsTo(t.system, 'daily@example.com'), [], 'not before 07:00');
      t.clock.set(new Date('2026-11-20T22:00:30Z'));
      await t.system.distribution.run();
      await t.system.distribution.run();
      const [digest, ...rest] = await alertsTo(t.system, 'daily@example.com');
      assert.equal(rest.length, 0);
      assert.equal(digest?.kind, 'digest');
      assert.equal(digest?.subject, 'Pressroom: 2 new releases');
      assert.match(digest!.text, /Morning release[\s\S]*Afternoon release/);
      assert.ok(digest!.headers['List-Unsubscribe-Post']);
      t.clock.set(new Date('2026-11-21T22:00:30Z'));
      await t.system.distribution.run();
      assert.equal((await alertsTo(t.system, 'daily@example.com')).length, 1, 'a day with nothing new sends no digest');
      assert.deepEqual(await alertsTo(t.system, 'weekly@example.com'), [], 'weekly waits for Monday');
      t.clock.set(new Date('2026-11-22T22:00:30Z'));
      await t.system.distribution.run();
      assert.deepEqual((await alertsTo(t.system, 'weekly@example.com')).map((d) => d.subject), ['Pressroom: 2 new releases']);
    });

    test('unconfirmed addresses are deleted after 7 days; export and erase answer for one address, audited without it', async () => {
      await t.system.distribution.subscribe({ email: 'never@example.com', language: 'en', boardSlug: null, tag: null, query: null, frequency: 'daily' });
      await subscriber(t.system, 'export@example.com', { frequency: 'weekly', tag: 'health' });
      t.clock.advance(8 * 24 * 3_600_000);
      assert.ok((await t.system.distribution.purgeUnconfirmed()) >= 1);
      assert.deepEqual(await t.system.distribution.subscriptions.listByEmail('never@example.com'), []);
      assert.equal((await t.system.distribution.subscriptions.listByEmail('export@example.com')).length, 1, 'confirmed ones stay');
      const data = (await t.system.distribution.exportSubscriber('export@Example.COM')) as { subscriptions: { tag: string; frequency: string }[]; emails: unknown[] };
      assert.deepEqual(data.subscriptions.map((s) => [s.tag, s.frequency]), [['health', 'weekly']]);
      assert.equal(data.emails.length, 1);
      const erased = await t.system.distribution.eraseSubscriber('export@example.com', { userId: null, label: 'cli:test', ip: null });
      assert.deepEqual(erased, { subscriptions: 1, emails: 1 });
      assert.deepEqual(await t.system.distribution.subscriptions.listByEmail('export@example.com'), []);
      const [entry] = await t.system.audit.list({ action: 'subscriber.erased', limit: 1 });
      assert.ok(entry);
      assert.doesNotMatch(JSON.stringify(entry), /export@example\.com/);
    });

    test('two senders claiming at once never get the same outbox row; a row whose sender died is claimed again after its lease', async () => {
      const outbox = t.system.distribution.outbox;
      const at = t.clock.now();
      for (let i = 0; i < 20; i += 1) {
        await outbox.add({ kind: 'alert', recipient: `claim${i}@example.com`, subject: 's', text: 't', html: '<p>h</p>', headers: {}, messageId: `<claim${i}@test>`, status: 'queued', subscriptionId: null, createdAt: at });
      }
      const [a, b] = await Promise.all([outbox.claimDue(at, 'worker-a', 15, 60_000), outbox.claimDue(at, 'worker-b', 15, 60_000)]);
      const ids = [...a, ...b].map((e) => e.id);
      assert.equal(new Set(ids).size, ids.length, 'no row claimed twice');
      assert.equal(ids.length, 20);
      assert.deepEqual(await outbox.claimDue(new Date(at.getTime() + 30_000), 'worker-c', 50, 60_000), [], 'within the lease nobody else takes them');
      const again = await outbox.claimDue(new Date(at.getTime() + 61_000), 'worker-c', 50, 60_000);
      assert.equal(again.length, 20, 'after the lease a crashed sender’s rows are sent again');
      assert.ok(again.every((e) => e.attempts === 2));
    });
  });

  describe(`SMTP outcomes on ${kind}`, { skip }, () => {
    let smtp: TestSmtp;
    let t: TestSystem;
    before(async () => {
      smtp = await startTestSmtp();
      t = await createTestSystem(kind, undefined, { distribution: { smtpUrl: smtp.url, smtpTimeouts: { connectionMs: 500, greetingMs: 500, socketMs: 500 } } });
    });
    after(async () => {
      await t.close();
      await smtp.close();
    });
    const outboxOf = async (email: string) => (await t.system.distribution.outbox.listByRecipient(email))[0]!;

    test('a temporary refusal (451) is retried with back-off and then delivered', async () => {
      smtp.mode = 'temporary';
      await t.system.distribution.subscribe({ email: 'retry@example.com', language: 'ko', boardSlug: null, tag: null, query: null, frequency: 'immediate' });
      await t.system.distribution.run();
      let row = await outboxOf('retry@example.com');
      assert.equal(row.status, 'queued');
      assert.equal(row.attempts, 1);
      assert.match(row.lastError ?? '', /451/);
      assert.ok(row.nextAttemptAt > t.clock.now(), 'the retry waits');
      smtp.mode = 'accept';
      await t.system.distribution.run();
      assert.equal(smtp.received.length, 0, 'not before its time');
      t.clock.advance(61_000);
      await t.system.distribution.run();
      row = await outboxOf('retry@example.com');
      assert.equal(row.status, 'sent');
      assert.equal(row.attempts, 2);
      assert.equal(smtp.received.length, 1);
      assert.equal(smtp.received[0]!.parsed.subject, 'Pressroom 이메일 알림 신청을 확인해 주십시오');
    });

    test('a permanent refusal (550) is recorded as failed with the server’s words and not retried', async () => {
      smtp.mode = 'permanent';
      await t.system.distribution.subscribe({ email: 'nobody@example.com', language: 'en', boardSlug: null, tag: null, query: null, frequency: 'immediate' });
      await t.system.distribution.run();
      t.clock.advance(3_600_000);
      await t.system.distribution.run();
      const row = await outboxOf('nobody@example.com');
      assert.equal(row.status, 'failed');
      assert.equal(row.attempts, 1);
      assert.match(row.lastError ?? '', /550.*No such user/);
      smtp.mode = 'accept';
    });

    test('a server that never answers times out as a temporary failure instead of blocking the sender', { timeout: 30_000 }, async () => {
      const hanging = await startTestSmtp();
      hanging.mode = 'hang';
      const h = await createTestSystem(kind, undefined, { distribution: { smtpUrl: hanging.url, smtpTimeouts: { connectionMs: 300, greetingMs: 300, socketMs: 300 } } });
      try {
        await h.system.distribution.subscribe({ email: 'slow@example.com', language: 'en', boardSlug: null, tag: null, query: null, frequency: 'immediate' });
        await h.system.distribution.run();
        const [row] = await h.system.distribution.outbox.listByRecipient('slow@example.com');
        assert.equal(row?.status, 'queued');
        assert.match(row?.lastError ?? '', /time|ETIMEDOUT|greeting/i);
      } finally {
        await h.close();
        await hanging.close();
      }
    });
  });
}
