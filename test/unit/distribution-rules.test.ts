import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeFakeClock } from '../../src/adapters/clock/system-clock.js';
import { displayEmailAddress, normalizeEmailAddress } from '../../src/app/distribution/email-address.js';
import { makeLinkTokens } from '../../src/app/distribution/link-tokens.js';
import { lastDigestBoundary } from '../../src/domain/digest-schedule.js';
import { loadConfig, ConfigError } from '../../src/config.js';

describe('email addresses', () => {
  test('IDN domains are accepted and stored as punycode; shown in their own script again', () => {
    const r = normalizeEmailAddress('  kim@국방부.한국 ');
    assert.ok(r.ok);
    assert.match(r.address, /^kim@xn--[a-z0-9-]+\.xn--[a-z0-9-]+$/);
    assert.equal(displayEmailAddress(r.address), 'kim@국방부.한국');
    assert.deepEqual(normalizeEmailAddress('Press.Office+alerts@MND.Example.COM'), { ok: true, address: 'Press.Office+alerts@mnd.example.com' });
  });
  test('malformed addresses are refused with a reason', () => {
    const reasons = Object.fromEntries(['', 'plain', '@example.com', 'a@', 'a@@b.com', 'a..b@example.com', '.a@example.com', '김@example.com', 'a@localhost', 'a@exa mple.com', 'a@example.123', 'a@-bad-.com', `${'x'.repeat(65)}@example.com`].map((e) => [e, (normalizeEmailAddress(e) as { reason?: string }).reason ?? 'ok']));
    assert.deepEqual(reasons, {
      '': 'empty',
      plain: 'malformed',
      '@example.com': 'malformed',
      'a@': 'malformed',
      'a@@b.com': 'malformed',
      'a..b@example.com': 'malformed',
      '.a@example.com': 'malformed',
      '김@example.com': 'local_part_not_ascii',
      'a@localhost': 'bad_domain',
      'a@exa mple.com': 'bad_domain',
      'a@example.123': 'bad_domain',
      'a@-bad-.com': 'bad_domain',
      [`${'x'.repeat(65)}@example.com`]: 'too_long',
    });
  });
});

describe('digest times', () => {
  const seoul = 'Asia/Seoul';
  test('daily: the latest 07:00 in Seoul at or before now', () => {
    assert.equal(lastDigestBoundary(new Date('2026-11-20T01:00:00Z'), 'daily', '07:00', seoul)?.toISOString(), '2026-11-19T22:00:00.000Z');
    assert.equal(lastDigestBoundary(new Date('2026-11-19T21:59:59Z'), 'daily', '07:00', seoul)?.toISOString(), '2026-11-18T22:00:00.000Z');
    assert.equal(lastDigestBoundary(new Date('2026-11-20T01:00:00Z'), 'immediate', '07:00', seoul), null);
  });
  test('weekly: the latest Monday; daylight saving zones keep the local time', () => {
    // 2026-11-20 is a Friday: the last Monday 07:00 in Seoul is 2026-11-16 07:00 (+09:00).
    assert.equal(lastDigestBoundary(new Date('2026-11-20T01:00:00Z'), 'weekly', '07:00', seoul)?.toISOString(), '2026-11-15T22:00:00.000Z');
    // London: 07:00 is 06:00Z in summer and 07:00Z in winter.
    assert.equal(lastDigestBoundary(new Date('2026-07-01T12:00:00Z'), 'daily', '07:00', 'Europe/London')?.toISOString(), '2026-07-01T06:00:00.000Z');
    assert.equal(lastDigestBoundary(new Date('2026-12-01T12:00:00Z'), 'daily', '07:00', 'Europe/London')?.toISOString(), '2026-12-01T07:00:00.000Z');
  });
});

describe('signed subscription links', () => {
  const secrets = { getOrCreate: async () => 'k'.repeat(43) };
  const clock = makeFakeClock(new Date('2026-11-20T00:00:00Z'));
  const tokens = makeLinkTokens({ secrets, clock });
  test('a token works for its purpose only, until it expires; an altered one never', async () => {
    const confirm = await tokens.sign('confirm', 42, new Date('2026-11-22T00:00:00Z'));
    assert.deepEqual(await tokens.verify(confirm, 'confirm'), { ok: true, subscriptionId: 42 });
    assert.deepEqual(await tokens.verify(confirm, 'unsubscribe'), { ok: false, reason: 'invalid' });
    assert.deepEqual(await tokens.verify(confirm.replace('c42', 'c43'), 'confirm'), { ok: false, reason: 'invalid' });
    const last = confirm.at(-1) === 'A' ? 'B' : 'A';
    assert.deepEqual(await tokens.verify(confirm.slice(0, -1) + last, 'confirm'), { ok: false, reason: 'invalid' });
    clock.advance(3 * 86_400_000);
    assert.deepEqual(await tokens.verify(confirm, 'confirm'), { ok: false, reason: 'expired' });
    const other = makeLinkTokens({ secrets: { getOrCreate: async () => 'z'.repeat(43) }, clock });
    assert.deepEqual(await other.verify(await tokens.sign('manage', 1, null), 'manage'), { ok: false, reason: 'invalid' }, 'another key refuses it');
  });
});

describe('mail settings', () => {
  test('SMTP URL, From address and digest time are validated; a bad SMTP URL is reported without echoing it', () => {
    const c = loadConfig({ PRESSROOM_SMTP_URL: 'smtp://user:pw@mail.example.org:587', PRESSROOM_MAIL_FROM: 'Press Office <press@mnd.example>', PRESSROOM_DIGEST_TIME: '06:30' });
    assert.equal(c.smtpUrl, 'smtp://user:pw@mail.example.org:587');
    assert.equal(c.mailFrom, 'Press Office <press@mnd.example>');
    assert.equal(c.digestTime, '06:30');
    assert.equal(loadConfig({}).smtpUrl, null);
    assert.equal(loadConfig({}).digestTime, '07:00');
    assert.throws(
      () => loadConfig({ PRESSROOM_SMTP_URL: 'http://user:secret@x', PRESSROOM_MAIL_FROM: 'not an address', PRESSROOM_DIGEST_TIME: '7am' }),
      (e: unknown) => e instanceof ConfigError && e.problems.length === 3 && !e.message.includes('secret'),
    );
  });
});
