import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { totpCodeAt } from '../../src/app/accounts/totp-codes.js';
import { hasCatalogueText } from '../../src/web/i18n/issue-messages.js';
import { catalogues } from '../../src/web/i18n/messages.js';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard } from '../support/factories.js';
import type { TestWeb } from '../support/web.js';

const PASSWORD = 'correct horse battery staple';
const linkIn = (html: string) => /id="invitation-link"[^>]*value="https:\/\/news\.example\.org(\/admin\/invitations\/[A-Za-z0-9_-]+)"/.exec(html)?.[1];

/** English catalogue fragments (4+ characters, not also Korean text) left in a page's visible text; names and addresses removed first. */
function englishLeftIn(html: string, data: string[]): string[] {
  const korean = new Set(Object.values(catalogues.ko));
  const fragments = new Set<string>();
  for (const value of Object.values(catalogues.en)) {
    if (korean.has(value)) continue;
    for (const part of value.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/)) {
      const literal = part.trim().replace(/[.:,()]+$/, '');
      if (/[A-Za-z]{3}/.test(literal) && literal.length >= 4) fragments.add(literal);
    }
  }
  let text = html.replace(/<[^>]+\s(?:aria-label)="([^"]*)"[^>]*>/g, ' $1 ').replace(/<[^>]+>/g, ' ').replace(/[\w.+-]+@[\w.-]+/g, ' ');
  for (const d of data) text = text.split(d).join(' ');
  return [...fragments].filter((f) => new RegExp(`(^|[^A-Za-z])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`).test(text));
}

/** A browser with no account yet: cookies kept, the CSRF token read from each page. */
class Visitor {
  private cookies = new Map<string, string>();
  token = '';
  constructor(private readonly web: TestWeb) {}
  private remember(res: LightMyRequestResponse) {
    for (const c of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
      const m = /^([^=;]+)=([^;]*)/.exec(c);
      if (m) this.cookies.set(m[1]!, m[2]!);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.token = token.replace(/&amp;/g, '&');
    return res;
  }
  private get cookie() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async get(url: string, lang = 'en') {
    return this.remember(await this.web.app.inject({ method: 'GET', url, headers: { cookie: this.cookie, 'accept-language': lang } }));
  }
  async post(url: string, fields: Record<string, string>, lang = 'en') {
    const payload = new URLSearchParams({ _csrf: this.token, ...fields }).toString();
    return this.remember(await this.web.app.inject({ method: 'POST', url, payload, headers: { cookie: this.cookie, 'accept-language': lang, 'content-type': 'application/x-www-form-urlencoded' } }));
  }
}

describe('staff management in the admin (#16)', () => {
  let t: TestWeb;
  let admin: StaffBrowser;
  let editor: StaffBrowser;
  let writer: StaffBrowser;

  before(async () => {
    t = await createAdminTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    admin = new StaffBrowser(t, staffUser('admin', '관리자 김'));
    editor = new StaffBrowser(t, staffUser('editor', 'Lee Editor'));
    writer = new StaffBrowser(t, staffUser('writer', '박기자'));
    await admin.get('/admin');
  });
  after(async () => t?.close());

  test('only administrators reach the staff pages: others get 403 and change nothing', async () => {
    for (const who of [editor, writer]) {
      assert.equal((await who.get('/admin/staff')).statusCode, 403);
      assert.equal((await who.get(`/admin/staff/${admin.user.id}`)).statusCode, 403);
      assert.equal((await who.post('/admin/staff/invitations', { name: 'Sneaky', email: 'sneaky@press.example', role: 'admin' })).statusCode, 403);
      assert.equal((await who.post(`/admin/staff/${who.user.id}/role`, { role: 'admin' })).statusCode, 403);
    }
    assert.equal((await t.system.accounts.listStaff()).invitations.length, 0);
    assert.equal((await t.system.accounts.users.byId(writer.user.id))?.role, 'writer');
    const page = await admin.get('/admin/staff');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/admin\/staff" aria-current="page"/, 'the staff page is in the admin navigation');
    assert.ok(page.body.includes('박기자') && page.body.includes(writer.user.email));
  });

  test('forms refuse without the CSRF token', async () => {
    const res = await admin.post('/admin/staff/invitations', { name: 'X', email: 'x@press.example', role: 'writer' }, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.equal((await t.system.accounts.listStaff()).invitations.length, 0);
  });

  test('an invitation link is shown once; the person sets a password, is signed in and sent to two-factor setup; the link then is dead', async () => {
    const res = await admin.post('/admin/staff/invitations', { name: '최기자', email: 'Choi@Press.example', role: 'writer' });
    assert.equal(res.statusCode, 201);
    assert.equal(res.headers['cache-control'], 'no-store');
    const path = linkIn(res.body);
    assert.ok(path, 'the link is on the page');
    assert.ok(!(await admin.get('/admin/staff')).body.includes(path), 'and only on that answer');
    assert.match((await admin.get('/admin/staff')).body, /choi@press\.example/, 'the pending invitation is listed');

    const visitor = new Visitor(t);
    const page = await visitor.get(path);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    assert.match(page.body, /최기자/);
    const refused = await visitor.post(path, { newPassword: 'short', confirmPassword: 'other' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /<a href="#newPassword">/);
    const accepted = await visitor.post(path, { newPassword: PASSWORD, confirmPassword: PASSWORD });
    assert.equal(accepted.statusCode, 303);
    assert.equal(accepted.headers.location, '/admin/account/two-factor');
    const setup = await visitor.get('/admin/account/two-factor');
    assert.equal(setup.statusCode, 200, 'signed in by accepting');
    assert.match(setup.body, /<div class="totp-qr" id="totp-qr" role="img" aria-label="[^"]+"><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, 'the QR code is inline SVG');
    assert.doesNotMatch(setup.body, /<img[^>]+src="https?:/, 'no outside QR service');

    const again = await new Visitor(t).get(path);
    assert.equal(again.statusCode, 410);
    assert.match(again.body, /already been used/);
    const user = await t.system.accounts.users.byEmail('choi@press.example');
    assert.equal(user?.role, 'writer');
    assert.equal(user?.name, '최기자');
  });

  test('a Korean admin reads every refusal of the invite form in Korean', async () => {
    const res = await admin.post('/admin/staff/invitations', { name: '', email: 'not-an-email', role: 'chief' }, { headers: { 'accept-language': 'ko' } });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /이름을 입력하십시오/);
    assert.match(res.body, /name@example\.org와 같은 형식/);
    assert.match(res.body, /목록에서 역할을 고르십시오/);
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(res.body)?.[0] ?? '';
    assert.doesNotMatch(summary, /토큰/, 'not the API token form\'s words');
    const taken = await admin.post('/admin/staff/invitations', { name: 'Kim', email: writer.user.email, role: 'viewer' }, { headers: { 'accept-language': 'ko' } });
    assert.match(taken.body, /이 이메일 주소를 쓰는 계정이 이미 있습니다/);
    assert.ok(hasCatalogueText({ code: 'last_admin', message: '', field: undefined }));
    const names = ['Lee Editor', 'Test Newsroom'];
    assert.ok(englishLeftIn((await admin.get('/admin/staff')).body, names).length > 3, 'the check can fail: the page in English');
    for (const page of [res, taken]) assert.deepEqual(englishLeftIn(page.body, names), []);
    const member = await admin.post(`/admin/staff/${admin.user.id}/disable`, {}, { headers: { 'accept-language': 'ko' } });
    assert.deepEqual(englishLeftIn(member.body, names), [], 'a staff member\'s page, with a refusal');
  });

  test('an unknown or revoked link says so and what to do', async () => {
    assert.equal((await new Visitor(t).get('/admin/invitations/not-a-real-token')).statusCode, 410);
    const res = await admin.post('/admin/staff/invitations', { name: 'Jung', email: 'jung@press.example', role: 'viewer' });
    const path = linkIn(res.body)!;
    const [invitation] = (await t.system.accounts.listStaff()).invitations.filter((i) => i.email === 'jung@press.example');
    const revoked = await admin.post(`/admin/staff/invitations/${invitation!.id}/revoke`);
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, '/admin/staff?done=revoked');
    const gone = await new Visitor(t).get(path, 'ko');
    assert.equal(gone.statusCode, 410);
    assert.match(gone.body, /취소되었거나/);
  });

  test('role changes, disabling and enabling, audited; the last active administrator is protected', async () => {
    const demoteSelf = await admin.post(`/admin/staff/${admin.user.id}/role`, { role: 'editor' });
    assert.equal(demoteSelf.statusCode, 409);
    assert.match(demoteSelf.body, /only active administrator/);
    const disableSelf = await admin.post(`/admin/staff/${admin.user.id}/disable`, {}, { headers: { 'accept-language': 'ko' } });
    assert.equal(disableSelf.statusCode, 409);
    assert.match(disableSelf.body, /사용 중인 관리자가 이 계정뿐입니다/);
    assert.equal((await t.system.accounts.users.byId(admin.user.id))?.role, 'admin');

    const promoted = await admin.post(`/admin/staff/${editor.user.id}/role`, { role: 'admin' });
    assert.equal(promoted.headers.location, `/admin/staff/${editor.user.id}?done=role`);
    assert.equal((await t.system.accounts.users.byId(editor.user.id))?.role, 'admin');
    const back = await admin.post(`/admin/staff/${editor.user.id}/role`, { role: 'editor' });
    assert.equal(back.statusCode, 303);

    const disabled = await admin.post(`/admin/staff/${writer.user.id}/disable`);
    assert.equal(disabled.headers.location, `/admin/staff/${writer.user.id}?done=disabled`);
    assert.notEqual((await writer.get('/admin')).statusCode, 200, 'the disabled person is signed out at once');
    const page = await admin.get(`/admin/staff/${writer.user.id}?done=disabled`);
    assert.match(page.body, /has been disabled/);
    assert.match(page.body, /action="\/admin\/staff\/\d+\/enable"/);
    assert.equal((await admin.post(`/admin/staff/${writer.user.id}/enable`)).headers.location, `/admin/staff/${writer.user.id}?done=enabled`);
    const actions = (await t.system.audit.list({ actorUserId: admin.user.id, limit: 50 })).map((e) => e.action);
    for (const action of ['user.invited', 'user.invitation_revoked', 'user.role_changed', 'user.disabled', 'user.enabled']) assert.ok(actions.includes(action), action);
  });

  test('an administrator resets someone\'s two-factor sign-in', async () => {
    const person = staffUser('editor', 'Two Factor');
    const created = await t.system.accounts.createUser({ email: person.email, name: person.name, role: 'editor', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
    const login = await t.system.accounts.authenticate({ email: person.email, password: PASSWORD, ip: null, userAgent: null });
    const session = await t.system.accounts.resolveSession(login.outcome === 'session' ? login.token : '');
    const { secret } = await t.system.accounts.totp.beginSetup(created.id);
    await t.system.accounts.totp.confirm({ userId: created.id, sessionId: session!.session.id, code: totpCodeAt(secret, t.clock.now()), ip: null, userAgent: null });
    const before = await admin.get(`/admin/staff/${created.id}`);
    assert.match(before.body, /action="\/admin\/staff\/\d+\/reset-two-factor"/);
    const reset = await admin.post(`/admin/staff/${created.id}/reset-two-factor`);
    assert.equal(reset.headers.location, `/admin/staff/${created.id}?done=totp_reset`);
    assert.equal((await t.system.accounts.totp.status(created.id)).enabled, false);
    assert.equal((await t.system.audit.list({ action: 'user.totp_reset', limit: 1 }))[0]?.subjectId, String(created.id));
  });

  test('"Saved by" names the person, not their email address', async () => {
    const author = new StaffBrowser(t, staffUser('writer', '정기자'));
    const res = await author.post('/admin/releases', { boardSlug: 'press-releases', language: 'en', title: 'Named revisions', bodyMarkdown: 'Body.', department: 'Press Office' });
    assert.equal(res.statusCode, 303, res.body);
    const page = await admin.get(String(res.headers.location));
    const revisions = /<section aria-labelledby="revisions-title">([\s\S]*?)<\/section>/.exec(page.body)?.[1] ?? '';
    assert.match(revisions, /<td>정기자<\/td>/);
    assert.ok(!revisions.includes(author.user.email), 'no email address in the revisions table');
  });
});
