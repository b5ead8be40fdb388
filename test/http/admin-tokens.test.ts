import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard } from '../support/factories.js';
import type { TestWeb } from '../support/web.js';

describe('admin API tokens page over HTTP', () => {
  let t: TestWeb;
  let admin: StaffBrowser;
  let editor: StaffBrowser;

  before(async () => {
    t = await createAdminTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    admin = new StaffBrowser(t, staffUser('admin', 'Admin Han'));
    editor = new StaffBrowser(t, staffUser('editor', 'Editor Oh'));
    await editor.get('/admin');
  });
  after(async () => t?.close());

  const apiCreate = (secret: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/releases', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, payload: JSON.stringify({ board: 'press-releases', language: 'en', title: 'Via token' }) });

  test('create shows the secret once; the list shows only its start; the token works; revoke stops it', async () => {
    const page = await admin.get('/admin/tokens');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>API tokens<\/h1>/);
    assert.match(page.body, /There are no API tokens yet/);
    assert.match(page.body, new RegExp(`value="${admin.user.email.replace('.', '\\.')}"`), 'the owner defaults to the signed-in admin');

    const created = await admin.post('/admin/tokens', { name: 'Ministry CMS', ownerEmail: editor.user.email, scopes: ['drafts:write', 'workflow:submit'], expiresAt: '' });
    assert.equal(created.statusCode, 201);
    assert.equal(created.headers['cache-control'], 'no-store');
    const secret = /<p class="secret" id="new-token-secret">(prt_[A-Za-z0-9_-]{43})<\/p>/.exec(created.body)?.[1];
    assert.ok(secret, 'the secret is on the page answering the POST');
    assert.match(created.body, /Copy it now: it is shown only this once/);
    assert.match(created.body, /<td>Ministry CMS<\/td>/);
    assert.match(created.body, /<td>drafts:write, workflow:submit<\/td>/);

    const later = await admin.get('/admin/tokens');
    assert.ok(!later.body.includes(secret), 'never shown again');
    assert.ok(later.body.includes(`<code>${secret.slice(0, 10)}…</code>`));
    assert.match(later.body, /<td>Active<\/td>/);

    assert.equal((await apiCreate(secret)).statusCode, 201);
    t.clock.advance(120_000);
    assert.equal((await apiCreate(secret)).statusCode, 201);
    const used = await admin.get('/admin/tokens');
    assert.match(used.body, /<td>Ministry CMS<\/td>.*?<td>—<\/td><td><time datetime="2026-11-20T01:02:00\.000Z">/, 'no expiry; last used is recorded');

    const id = /action="\/admin\/tokens\/(\d+)\/revoke"/.exec(later.body)?.[1];
    const revoked = await admin.post(`/admin/tokens/${id}/revoke`);
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, '/admin/tokens?done=revoked');
    const after = await admin.get('/admin/tokens?done=revoked');
    assert.match(after.body, /The token has been revoked/);
    assert.match(after.body, /<td>Revoked<\/td>/);
    assert.doesNotMatch(after.body, new RegExp(`action="/admin/tokens/${id}/revoke"`));
    assert.equal((await apiCreate(secret)).statusCode, 401);

    const audit = await admin.get('/admin/audit?subjectType=api_token');
    for (const action of ['API token created', 'API token revoked', 'API token refused']) assert.match(audit.body, new RegExp(`<td>${action} <code`));
  });

  test('a refused form comes back with every problem and what was typed', async () => {
    const res = await admin.post('/admin/tokens', { name: '', ownerEmail: 'nobody@press.example', expiresAt: 'tomorrow' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /The token could not be created/);
    assert.match(res.body, /Enter the expiry as a date and a time/);
    assert.match(res.body, /value="nobody@press\.example"/);
    const second = await admin.post('/admin/tokens', { name: 'Too much', ownerEmail: editor.user.email, scopes: ['drafts:write', 'made:up'] });
    assert.equal(second.statusCode, 400);
    assert.match(second.body, /Choose scopes from the list/);
    const third = await admin.post('/admin/tokens', { name: '', ownerEmail: 'nobody@press.example', scopes: 'drafts:write' });
    assert.match(third.body, /Name the token/);
    assert.match(third.body, /There is no staff member with this email address/);
    assert.match(third.body, /<input type="checkbox" id="scope-drafts-write" name="scopes" value="drafts:write" checked/);
  });

  test('in Korean: every word, the count with its plural, dates in the Korean format, and refusals by code', async () => {
    const korean = new StaffBrowser(t, staffUser('admin', '관리자 한'));
    await korean.get('/language?to=ko&next=/admin/tokens');
    const created = await korean.post('/admin/tokens', { name: '보도자료 연동', ownerEmail: editor.user.email, scopes: 'drafts:write', expiresAt: '2027-01-01T09:00' });
    assert.equal(created.statusCode, 201);
    assert.match(created.body, /<html lang="ko">/);
    assert.match(created.body, /<h1>API 토큰<\/h1>/);
    assert.match(created.body, /토큰 &quot;보도자료 연동&quot;을\(를\) 만들었습니다/);
    assert.match(created.body, /지금 복사하십시오/);
    const count = Number(/<h2>토큰 목록 <span class="hint">\(토큰 (\d+)개\)<\/span><\/h2>/.exec(created.body)?.[1]);
    assert.equal(count, (await t.system.apiTokens.list()).length);
    assert.match(created.body, /<time datetime="2027-01-01T00:00:00\.000Z">2027\. 01\. 01\. 09:00 KST<\/time>/, 'the expiry in the Korean date format, in Seoul time');
    assert.match(created.body, /<td>사용 중<\/td>/);
    assert.match(created.body, /Editor Oh <span class="hint">\([^,]+, 편집자\)<\/span>/, 'the owner role in Korean');
    assert.match(created.body, /<code>drafts:write<\/code>: 보도자료를 초안으로 만들고/);
    assert.match(created.body, /aria-label="토큰 보도자료 연동 폐기">폐기<\/button>/);
    assert.doesNotMatch(created.body, /Create a token|Copy it now|Revoke|Active</);

    const refused = await korean.post('/admin/tokens', { name: '', ownerEmail: 'nobody@press.example', scopes: 'workflow:publish' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /토큰을 만들지 못했습니다/);
    assert.match(refused.body, /토큰 이름을 입력하십시오/);
    assert.match(refused.body, /이 이메일 주소를 쓰는 직원이 없습니다/);
    assert.doesNotMatch(refused.body, /Name the token|There is no staff member/);

    const english = await admin.get('/admin/tokens');
    assert.match(english.body, new RegExp(`<h2>Tokens <span class="hint">\\(${count} tokens?\\)</span></h2>`), 'English plural');
  });

  test('administrators only, with CSRF, and linked from the admin navigation for them alone', async () => {
    assert.equal((await editor.get('/admin/tokens')).statusCode, 403);
    assert.equal((await editor.post('/admin/tokens', { name: 'Mine', ownerEmail: editor.user.email, scopes: 'drafts:write' })).statusCode, 403);
    assert.equal((await admin.post('/admin/tokens', { name: 'No CSRF', ownerEmail: editor.user.email, scopes: 'drafts:write' }, { csrf: false })).statusCode, 403);
    assert.equal((await admin.post('/admin/tokens/99999/revoke')).statusCode, 404);
    assert.equal((await t.system.apiTokens.list()).filter((tk) => tk.name === 'Mine' || tk.name === 'No CSRF').length, 0);
    assert.match((await admin.get('/admin')).body, /href="\/admin\/tokens"/);
    assert.doesNotMatch((await editor.get('/admin')).body, /href="\/admin\/tokens"/);
  });
});
