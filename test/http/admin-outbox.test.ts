import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import type { TestWeb } from '../support/web.js';

const form = (fields: Record<string, string>) => ({ payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('the admin outbox: without a mail server a newcomer sees every email (subscribe, confirm from the outbox, publish, alert)', () => {
  let web: TestWeb;
  let editor: StaffBrowser;
  let writer: StaffBrowser;
  before(async () => {
    web = await createAdminTestWeb();
    editor = new StaffBrowser(web, staffUser('editor', 'Editor Oh'));
    writer = new StaffBrowser(web, staffUser('writer', 'Writer Jung'));
  });
  after(() => web.close());

  test('the whole journey is visible in /admin/outbox, with the email HTML framed under a sandboxing CSP', async () => {
    const board = await buildBoard(web.system, { slug: 'notices' });
    const subscribed = await web.app.inject({ method: 'POST', url: '/en/subscribe', ...form({ email: 'visitor@example.com', frequency: 'immediate', board: board.slug }) });
    assert.equal(subscribed.statusCode, 200);

    const list = await editor.get('/admin/outbox');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /No mail server is configured/);
    const row = /<a href="\/admin\/outbox\/(\d+)">Confirm your email alerts from Test Newsroom<\/a>/.exec(list.body);
    assert.ok(row, 'the confirmation email is listed');
    assert.match(list.body, /<td>held<\/td>/);

    const one = await editor.get(`/admin/outbox/${row[1]}`);
    assert.equal(one.statusCode, 200);
    assert.match(one.body, /<iframe sandbox(="")? src="\/admin\/outbox\/\d+\/html"/);
    const confirmPath = /https:\/\/news\.example\.org(\/en\/subscriptions\/confirm\?token=[^\s<]+)/.exec(one.body)![1]!.replace(/&amp;/g, '&');
    const html = await editor.get(`/admin/outbox/${row[1]}/html`);
    assert.match(String(html.headers['content-security-policy']), /^sandbox; default-src 'none'/);
    assert.match(html.body, /Confirm your subscription/);

    assert.match((await web.app.inject({ url: confirmPath })).body, /Your subscription is confirmed/);

    await buildRelease(web.system, { boardSlug: board.slug, title: 'Minister <script>alert(1)</script> visits' });
    await web.system.distribution.run();
    const after = await editor.get('/admin/outbox');
    const alert = /<a href="\/admin\/outbox\/(\d+)">Minister &lt;script>alert\(1\)&lt;\/script> visits<\/a>/.exec(after.body);
    assert.ok(alert, 'the alert is in the outbox, its subject escaped');
    const alertHtml = await editor.get(`/admin/outbox/${alert[1]}/html`);
    assert.doesNotMatch(alertHtml.body, /<script>/, 'the email HTML escapes the title');
  });

  test('writers may not read the outbox', async () => {
    assert.equal((await writer.get('/admin/outbox')).statusCode, 403);
  });
});
