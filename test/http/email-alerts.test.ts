import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildBoard, buildRelease } from '../support/factories.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const BASE = 'https://news.example.org';
const form = (fields: Record<string, string>) => ({ payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
/** The path of the first link in an email's text that starts with `prefix`. */
function linkIn(text: string, prefix: string): string {
  const m = new RegExp(`${BASE.replace(/\./g, '\\.')}(${prefix}[^\\s]*)`).exec(text);
  assert.ok(m, `no link starting ${prefix} in:\n${text}`);
  return m[1]!;
}

describe('email alerts end to end: subscribe, confirm, alert, manage, unsubscribe over HTTP and a loopback SMTP server', () => {
  let smtp: TestSmtp;
  let web: TestWeb;
  let boardSlug: string;
  before(async () => {
    smtp = await startTestSmtp();
    web = await createTestWeb('sqlite', { distribution: { smtpUrl: smtp.url, mailFrom: 'Press Office <press@news.example.org>' } });
    boardSlug = (await buildBoard(web.system, { slug: 'press-releases' })).slug;
  });
  after(async () => {
    await web.close();
    await smtp.close();
  });

  test('lists, release pages and the footer link to the subscribe page; a search offers its own alert', async () => {
    const { release } = await buildRelease(web.system, { boardSlug, language: 'ko', title: '안내 자료' });
    await web.settled();
    const board = await web.app.inject({ url: `/ko/${boardSlug}` });
    assert.match(board.body, /<a href="\/ko\/subscribe\?board=press-releases">이메일 알림 받기<\/a>/);
    assert.match(board.body, /class="footer-follow"[\s\S]*href="\/ko\/press-releases\/feed\.xml"/);
    const page = await web.app.inject({ url: `/ko/${boardSlug}/${release.number}` });
    assert.match(page.body, /class="footer-follow"[^>]*><a href="\/ko\/subscribe\?board=press-releases">/);
    const home = await web.app.inject({ url: '/en/' });
    assert.match(home.body, /<a href="\/en\/subscribe">Get email alerts<\/a>/);
    const form = await web.app.inject({ url: '/ko/subscribe?board=press-releases' });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /게시판 “게시판 \d+”|게시판 “/);
    assert.match(form.body, /name="board" value="press-releases"/);
  });

  test('a Korean subscriber with an IDN address: confirmation email (encoded Korean subject), confirm twice, alert with one-click unsubscribe', async () => {
    const res = await web.app.inject({ method: 'POST', url: '/ko/subscribe', ...form({ email: 'reader@예시.한국', frequency: 'immediate', board: boardSlug }) });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /받은편지함을 확인해 주십시오/);
    assert.match(res.body, /reader@예시\.한국/);
    await web.system.distribution.run();
    const [confirmation] = await smtp.waitFor(1);
    // Stored and sent with the domain in ASCII (punycode), which any SMTP server accepts.
    assert.match(/^To: (.*)$/m.exec(confirmation!.raw)![1]!, /^reader@xn--[a-z0-9-]+\.xn--[a-z0-9-]+$/);
    assert.equal(confirmation!.parsed.subject, 'Test Newsroom 이메일 알림 신청을 확인해 주십시오');
    // RFC 2047: the raw Subject header is ASCII encoded-words, never raw UTF-8.
    const rawSubject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(confirmation!.raw)![1]!;
    assert.match(rawSubject, /=\?UTF-8\?[BQ]\?/i);
    assert.ok([...rawSubject].every((c) => c.charCodeAt(0) < 128), rawSubject);
    // The Message-ID fixed in the outbox row is the one sent (a retry would send the same).
    const stored = (await web.system.distribution.outbox.list({ limit: 1 }))[0]!;
    assert.equal(stored.status, 'sent');
    assert.match(stored.messageId, /^<[0-9a-f-]+@news\.example\.org>$/);
    assert.equal(confirmation!.parsed.messageId, stored.messageId);
    assert.match(confirmation!.parsed.text ?? '', /받는 주기: 보도자료가 게시될 때마다 바로/);
    assert.match(String(confirmation!.parsed.html), /구독 확인하기/);

    const confirmPath = linkIn(confirmation!.parsed.text!, '/ko/subscriptions/confirm');
    const confirmed = await web.app.inject({ url: confirmPath });
    assert.equal(confirmed.statusCode, 200);
    assert.match(confirmed.body, /구독이 확인되었습니다/);
    const again = await web.app.inject({ url: confirmPath });
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /이미 확인된 구독입니다/);

    await buildRelease(web.system, { boardSlug, language: 'ko', title: '국방부, 새 정책 발표', subtitle: ['- 부제목'] });
    await buildRelease(web.system, { boardSlug, language: 'en', title: 'Not for Korean subscribers' });
    await web.system.distribution.run();
    const all = await smtp.waitFor(2);
    const alert = all.find((e) => e.parsed.subject === '국방부, 새 정책 발표');
    assert.ok(alert, 'the alert arrived');
    assert.equal(all.length, 2, 'the English release is not mailed to a Korean subscription');
    const headers = alert.raw.slice(0, alert.raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
    const listUnsubscribe = /^List-Unsubscribe: (.*)$/m.exec(headers)![1]!;
    assert.match(listUnsubscribe, /^<https:\/\/news\.example\.org\/ko\/subscriptions\/unsubscribe\?token=[^>]+>$/, 'one https link, no mailto');
    const unsubscribeUrl = listUnsubscribe.slice(1, -1);
    assert.equal((alert.parsed.headers.get('list') as { unsubscribe?: { url?: string } }).unsubscribe?.url, unsubscribeUrl, 'mail clients read the same link');
    assert.match(headers, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    assert.match(alert.parsed.text!, /보도자료 보기: https:\/\/news\.example\.org\/ko\/press-releases\/\d+/);

    // The manage link: change to a weekly digest.
    const managePath = linkIn(alert.parsed.text!, '/ko/subscriptions/manage');
    const manage = await web.app.inject({ url: managePath });
    assert.equal(manage.statusCode, 200);
    assert.match(manage.body, /reader@예시\.한국/);
    const saved = await web.app.inject({ method: 'POST', url: managePath, ...form({ frequency: 'weekly' }) });
    assert.match(saved.body, /저장했습니다/);
    assert.match(saved.body, /value="weekly" checked/);

    // RFC 8058 one-click: a POST with no cookie and no CSRF token.
    const path = unsubscribeUrl.slice(BASE.length);
    const shown = await web.app.inject({ url: path });
    assert.match(shown.body, /<form method="post" action="\/ko\/subscriptions\/unsubscribe\?token=/);
    const oneClick = await web.app.inject({ method: 'POST', url: path, ...form({ 'List-Unsubscribe': 'One-Click' }) });
    assert.equal(oneClick.statusCode, 200);
    assert.match(oneClick.body, /구독이 해지되었습니다/);
    const twice = await web.app.inject({ method: 'POST', url: path, ...form({ 'List-Unsubscribe': 'One-Click' }) });
    assert.equal(twice.statusCode, 200);
    assert.match(twice.body, /이미 해지된 구독입니다/);
    assert.equal((await web.app.inject({ url: managePath })).statusCode, 400, 'the manage link of a cancelled subscription no longer works');

    await buildRelease(web.system, { boardSlug, language: 'ko', title: '해지 뒤의 보도자료' });
    await web.system.distribution.run();
    assert.equal(smtp.received.length, 2, 'nothing is mailed after unsubscribing');
  });

  test('forged and altered links are refused with a clear page', async () => {
    for (const url of ['/en/subscriptions/confirm?token=c1.0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/en/subscriptions/confirm?token=nonsense', '/en/subscriptions/manage?token=m1.0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const res = await web.app.inject({ url });
      assert.equal(res.statusCode, 400, url);
      assert.match(res.body, /This link does not work/);
    }
    const forged = await web.app.inject({ method: 'POST', url: '/en/subscriptions/unsubscribe?token=u1.0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    assert.equal(forged.statusCode, 400);
  });

  test('malformed addresses are refused with a message saying what to fix; the answer never tells whether an address is subscribed', async () => {
    for (const [email, message] of [
      ['not-an-address', /name@example\.com/],
      ['two@@example.com', /name@example\.com/],
      ['kim@localhost', /not a domain/],
      ['김@example.com', /Latin letters/],
    ] as const) {
      const res = await web.app.inject({ method: 'POST', url: '/en/subscribe', ...form({ email, frequency: 'daily' }) });
      assert.equal(res.statusCode, 400, email);
      assert.match(res.body, message);
      assert.match(res.body, /aria-invalid="true"/);
    }
    const first = await web.app.inject({ method: 'POST', url: '/en/subscribe', ...form({ email: 'known@example.com', frequency: 'immediate' }) });
    await web.system.distribution.run();
    const confirmation = smtp.received.at(-1)!;
    await web.app.inject({ url: linkIn(confirmation.parsed.text!, '/en/subscriptions/confirm') });
    const second = await web.app.inject({ method: 'POST', url: '/en/subscribe', ...form({ email: 'known@example.com', frequency: 'immediate' }) });
    assert.equal(second.statusCode, first.statusCode);
    assert.equal(second.body, first.body, 'the same page for a new and an already subscribed address');
    await web.system.distribution.run();
    assert.equal(smtp.received.at(-1)!.parsed.subject, 'You already get email alerts from Test Newsroom');
  });
});

describe('subscribe throttling', () => {
  test('past the per-address allowance the page is the same but no more emails are written; past the per-client one, 429', async () => {
    const web = await createTestWeb('sqlite', { subscribeThrottle: { perAddress: 2, perClient: 4 } });
    try {
      for (let i = 0; i < 3; i += 1) {
        const res = await web.app.inject({ method: 'POST', url: '/en/subscribe', ...form({ email: 'bomb@example.com', frequency: 'immediate' }) });
        assert.equal(res.statusCode, 200);
      }
      assert.equal((await web.system.distribution.outbox.list({ limit: 10 })).length, 2);
      await web.app.inject({ method: 'POST', url: '/en/subscribe', ...form({ email: 'other@example.com', frequency: 'immediate' }) });
      const refused = await web.app.inject({ method: 'POST', url: '/en/subscribe', ...form({ email: 'third@example.com', frequency: 'immediate' }) });
      assert.equal(refused.statusCode, 429);
      assert.match(refused.body, /try again in an hour/);
    } finally {
      await web.close();
    }
  });
});
