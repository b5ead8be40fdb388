import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { verifyWebhook } from '../../src/app/distribution/webhook-signature.js';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

describe('/admin/webhooks: administrators add signed webhooks and read the delivery log', () => {
  let web: TestWeb;
  let admin: StaffBrowser;
  let server: Server;
  let url: string;
  const answers: number[] = [];
  const received: { body: string; signature: string }[] = [];
  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ body, signature: String(req.headers['x-pressroom-signature']) });
        res.writeHead(answers.shift() ?? 200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pressroom`;
    web = await createTestWeb('sqlite', { distribution: { webhookPolicy: { timeoutMs: 5_000 } } });
    admin = new StaffBrowser(web, staffUser('admin', 'Admin Kang'));
  });
  after(async () => {
    await web.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  test('add an endpoint: the secret is shown once, the change audited; a 500 then 200 shows in the log with its attempts', async () => {
    const refused = await admin.post('/admin/webhooks', { url: 'ftp://portal.example.org', events: [] });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Enter the full address, starting with https:\/\//);
    assert.match(refused.body, /Choose at least one event from the list/);

    const created = await admin.post('/admin/webhooks', { url, events: ['release.published', 'release.withdrawn'] });
    assert.equal(created.statusCode, 201);
    const secret = /id="new-webhook-secret">\s*(whsec_[0-9a-f]+)/.exec(created.body)?.[1];
    assert.ok(secret, 'the secret is on the answer to the POST');
    const again = await admin.get('/admin/webhooks');
    assert.ok(!again.body.includes(secret), 'and never again');
    assert.match(again.body, /release\.published, release\.withdrawn/);
    const audit = await web.system.audit.list({ action: 'webhook.created', limit: 1 });
    assert.equal(audit[0]?.details.url, url);
    assert.ok(!JSON.stringify(audit).includes(secret), 'the audit trail does not keep the secret');

    answers.push(500);
    const board = await buildBoard(web.system);
    await buildRelease(web.system, { boardSlug: board.slug, title: 'Hooked release' });
    await web.system.distribution.run();
    let log = await admin.get('/admin/webhooks');
    assert.match(log.body, /<td>release\.published<\/td><td>queued<\/td><td>1<\/td><td>HTTP 500<\/td>/);
    web.clock.advance(61_000);
    await web.system.distribution.run();
    log = await admin.get('/admin/webhooks');
    assert.match(log.body, /<td>release\.published<\/td><td>delivered<\/td><td>2<\/td><td>HTTP 200<\/td>/);
    assert.equal(received.length, 2);
    assert.ok(verifyWebhook(secret, received[1]!.body, received[1]!.signature, web.system.clock.now()));
    assert.equal((JSON.parse(received[1]!.body) as { title: string }).title, 'Hooked release');
  });

  test('turn an endpoint off and on (CSRF checked, audited)', async () => {
    const id = (await web.system.distribution.webhooks.repo.listEndpoints())[0]!.id;
    assert.equal((await admin.post(`/admin/webhooks/${id}/disable`, {}, { csrf: false })).statusCode, 403);
    const off = await admin.post(`/admin/webhooks/${id}/disable`);
    assert.equal(off.statusCode, 303);
    assert.match((await admin.get(String(off.headers.location))).body, /nothing is sent to it until it is on again/);
    assert.equal((await web.system.distribution.webhooks.repo.getEndpoint(id))?.enabled, false);
    assert.equal((await admin.post(`/admin/webhooks/${id}/enable`)).statusCode, 303);
    assert.deepEqual((await web.system.audit.list({ subjectType: 'webhook', limit: 5 })).map((a) => a.action).slice(0, 2), ['webhook.enabled', 'webhook.disabled']);
    assert.equal((await admin.post('/admin/webhooks/999999/enable')).statusCode, 404);
  });

  test('in Korean', async () => {
    const korean = new StaffBrowser(web, staffUser('admin', '관리자 한'));
    await korean.get('/language?to=ko&next=/admin/webhooks');
    const page = await korean.get('/admin/webhooks');
    assert.match(page.body, /<html lang="ko">/);
    assert.match(page.body, /<h1>웹훅<\/h1>/);
    const refused = await korean.post('/admin/webhooks', { url: 'not a url', events: 'release.published' });
    assert.match(refused.body, /https:\/\/로 시작하는 전체 주소를 입력하세요/);
  });

  test('writers and editors are refused', async () => {
    for (const role of ['writer', 'editor'] as const) {
      const someone = new StaffBrowser(web, staffUser(role));
      assert.equal((await someone.get('/admin/webhooks')).statusCode, 403);
      assert.equal((await someone.post('/admin/webhooks', { url, events: 'release.published' })).statusCode, 403);
    }
    assert.equal((await web.system.distribution.webhooks.repo.listEndpoints()).length, 1);
  });
});
