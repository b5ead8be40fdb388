import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { totpCodeAt } from '../../src/app/accounts/totp-codes.js';
import { makeFakeClock } from '../../src/adapters/clock/system-clock.js';
import { makeAuditLog } from '../../src/adapters/db/audit-log.js';
import { connectDatabase, migrateToLatest } from '../../src/adapters/db/connect.js';
import type { Role } from '../../src/domain/user.js';
import { composeAccounts } from '../../src/main/compose-accounts.js';
import { registerAuth, requireStaff } from '../../src/web/admin/register-auth.js';

const PASSWORD = 'correct horse battery staple';

async function createWeb(options: { requireTotp?: boolean; trustProxy?: boolean } = {}) {
  const db = connectDatabase({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  const clock = makeFakeClock(new Date('2026-11-28T01:00:00Z'));
  const audit = makeAuditLog(db);
  const accounts = composeAccounts({ db, clock, audit, requireTotp: options.requireTotp ?? false, passwordHashing: { logN: 10, r: 8, p: 1 } });
  const app = Fastify({ logger: false, trustProxy: options.trustProxy ?? false });
  await registerAuth(app, { accounts, siteName: 'Test Newsroom' });
  app.get('/admin/protected', { preHandler: requireStaff('editor') }, async (request) => `editor page for ${request.staff?.user.name} (${request.staff?.user.role})`);
  await app.ready();
  const addUser = (email: string, role: Role = 'editor') => accounts.createUser({ email, name: `Name of ${email.split('@')[0]}`, role, password: PASSWORD }, { userId: null, label: 'test', ip: null });
  return { app, db, clock, audit, accounts, addUser, close: async () => (await app.close(), await db.destroy()) };
}

/** A browser: keeps cookies between requests and reads the CSRF token out of forms. */
class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...this.headers, cookie: this.cookieHeader(), ...headers } }));
  }

  async post(url: string, fields: Record<string, string>) {
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { accept: 'text/html', ...this.headers, cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      }),
    );
  }

  /** Opens the page with the form and submits it with the page's CSRF token, as a person would. */
  async submit(pageUrl: string, action: string, fields: Record<string, string>) {
    const page = await this.get(pageUrl);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(token, `${pageUrl} has a CSRF field (status ${page.statusCode})`);
    return this.post(action, { _csrf: token, ...fields });
  }

  signIn(email: string, password = PASSWORD, next?: string) {
    return this.submit(next ? `/admin/login?next=${encodeURIComponent(next)}` : '/admin/login', '/admin/login', { email, password, ...(next ? { next } : {}) });
  }
}

const setCookie = (res: LightMyRequestResponse, name: string) => {
  const header = res.headers['set-cookie'];
  return (Array.isArray(header) ? header : header ? [header] : []).find((c) => c.startsWith(`${name}=`));
};

let open: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const o of open) await o.close();
  open = [];
});
async function web(options: { requireTotp?: boolean; trustProxy?: boolean } = {}) {
  const w = await createWeb(options);
  open.push(w);
  return w;
}

describe('admin sign-in over HTTP', () => {
  test('a protected page sends a browser to sign in, and back to the page afterwards', async () => {
    const w = await web();
    await w.addUser('kim@mnd.example');
    const b = new Browser(w.app);
    const first = await b.get('/admin/protected?tab=2');
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, '/admin/login?next=%2Fadmin%2Fprotected%3Ftab%3D2');

    const login = await b.get(first.headers.location as string);
    assert.equal(login.statusCode, 200);
    assert.equal(login.headers['cache-control'], 'no-store');
    assert.match(login.body, /<label for="email">Email address<\/label>/);
    assert.match(login.body, /<input type="hidden" name="next" value="\/admin\/protected\?tab=2"\/>/);

    const res = await b.signIn('kim@mnd.example', PASSWORD, '/admin/protected?tab=2');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/protected?tab=2');
    const page = await b.get('/admin/protected?tab=2');
    assert.equal(page.statusCode, 200);
    assert.equal(page.body, 'editor page for Name of kim (editor)');
    assert.equal((await w.audit.list({ action: 'user.login_succeeded', limit: 1 }))[0]?.actor.label, 'kim@mnd.example');
  });

  test('the session cookie is HttpOnly and SameSite=Lax, and Secure only over TLS; the token is not stored', async () => {
    const w = await web({ trustProxy: true });
    await w.addUser('kim@mnd.example');
    const plain = await new Browser(w.app).signIn('kim@mnd.example');
    const cookie = setCookie(plain, 'pressroom_session')!;
    assert.match(cookie, /^pressroom_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);

    const tls = new Browser(w.app, { 'x-forwarded-proto': 'https' });
    assert.match(setCookie(await tls.get('/admin/login'), '_csrf')!, /; HttpOnly; Secure; SameSite=Strict$/);
    assert.doesNotMatch(setCookie(await new Browser(w.app).get('/admin/login'), '_csrf')!, /Secure/);
    const secure = await tls.signIn('kim@mnd.example');
    assert.match(setCookie(secure, 'pressroom_session')!, /; Secure/);
    assert.match(setCookie(secure, 'pressroom_session')!, /HttpOnly/);
    const token = tls.cookies.get('pressroom_session')!;
    const rows = await w.db.withTables<{ sessions: { token_hash: string } }>().selectFrom('sessions').select('token_hash').execute();
    assert.equal(rows.length, 2);
    assert.ok(rows.every((r) => !r.token_hash.includes(token)), 'only a hash of the token is stored');
  });

  test('a wrong password is refused with an error summary; the email is kept, the password is not', async () => {
    const w = await web();
    await w.addUser('kim@mnd.example');
    const b = new Browser(w.app);
    const res = await b.signIn('kim@mnd.example', 'wrong password!!');
    assert.equal(res.statusCode, 401);
    assert.equal(setCookie(res, 'pressroom_session'), undefined);
    assert.match(res.body, /<title>Error: Sign in \| Test Newsroom admin<\/title>/);
    assert.match(res.body, /<div class="error-summary" role="alert"[^>]*>.*<a href="#email">The email address or password is not right<\/a>/s);
    assert.match(res.body, /id="email" name="email" type="email" value="kim@mnd.example"/);
    assert.doesNotMatch(res.body, /wrong password!!/);
    assert.equal((await b.get('/admin/protected')).statusCode, 303, 'still signed out');

    const empty = await b.submit('/admin/login', '/admin/login', { email: '', password: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /<a href="#email">Enter your email address<\/a>.*<a href="#password">Enter your password<\/a>/s);
    assert.match(empty.body, /aria-describedby="password-error" aria-invalid="true"/);
  });

  test('after repeated failures sign-in waits, growing, even for the right password', async () => {
    const w = await web();
    await w.addUser('kim@mnd.example');
    const b = new Browser(w.app);
    for (let i = 0; i < 4; i++) assert.equal((await b.signIn('kim@mnd.example', 'wrong password!!')).statusCode, 401);
    const fifth = await b.signIn('kim@mnd.example', 'wrong password!!');
    assert.match(fifth.body, /Wait 1 second before trying again/);
    const locked = await b.signIn('kim@mnd.example');
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.headers['retry-after'], '1');
    assert.match(locked.body, /Too many failed attempts/);
    assert.equal(setCookie(locked, 'pressroom_session'), undefined);

    w.clock.advance(1000);
    assert.equal((await b.signIn('kim@mnd.example', 'wrong password!!')).statusCode, 401);
    const longer = await b.signIn('kim@mnd.example');
    assert.equal(longer.statusCode, 429);
    assert.equal(longer.headers['retry-after'], '2');
    w.clock.advance(2000);
    assert.equal((await b.signIn('kim@mnd.example')).statusCode, 303);
  });

  test('a form without a valid CSRF token is refused with a friendly 403 and changes nothing', async () => {
    const w = await web();
    await w.addUser('kim@mnd.example');
    const b = new Browser(w.app);
    await b.get('/admin/login');
    const missing = await b.post('/admin/login', { email: 'kim@mnd.example', password: PASSWORD });
    assert.equal(missing.statusCode, 403);
    assert.match(missing.body, /<h1>The form has expired<\/h1>/);
    assert.equal(setCookie(missing, 'pressroom_session'), undefined);
    const forged = await b.post('/admin/login', { _csrf: 'forged-token', email: 'kim@mnd.example', password: PASSWORD });
    assert.equal(forged.statusCode, 403);

    assert.equal((await b.signIn('kim@mnd.example')).statusCode, 303);
    const logout = await b.post('/admin/logout', {});
    assert.equal(logout.statusCode, 403);
    assert.equal((await b.get('/admin/protected')).statusCode, 200, 'a forged sign-out does not sign out');
    const change = await b.post('/admin/account/password', { currentPassword: PASSWORD, newPassword: 'forged new password', confirmPassword: 'forged new password' });
    assert.equal(change.statusCode, 403);
    assert.equal((await new Browser(w.app).signIn('kim@mnd.example')).statusCode, 303, 'the password is unchanged');
  });

  test('signing out ends the session for good', async () => {
    const w = await web();
    await w.addUser('kim@mnd.example');
    const b = new Browser(w.app);
    await b.signIn('kim@mnd.example');
    const stolen = b.cookies.get('pressroom_session')!;
    const page = await b.get('/admin/account/password');
    assert.match(page.body, /<form method="post" action="\/admin\/logout"><input type="hidden" name="_csrf" value="[^"]+"\/><button type="submit">Sign out<\/button>/);
    const res = await b.submit('/admin/account/password', '/admin/logout', {});
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/login?signed_out=1');
    assert.match(setCookie(res, 'pressroom_session')!, /^pressroom_session=; .*Expires=Thu, 01 Jan 1970/);
    assert.match((await b.get('/admin/login?signed_out=1')).body, /You have signed out\./);
    const replay = await w.app.inject({ method: 'GET', url: '/admin/protected', headers: { accept: 'text/html', cookie: `pressroom_session=${stolen}` } });
    assert.equal(replay.statusCode, 303, 'the old cookie opens nothing');
    assert.equal((await w.audit.list({ action: 'user.logged_out', limit: 1 })).length, 1);
  });

  test('a role below the page is a friendly 403, not a redirect', async () => {
    const w = await web();
    await w.addUser('viewer@mnd.example', 'viewer');
    await w.addUser('boss@mnd.example', 'admin');
    const viewer = new Browser(w.app);
    await viewer.signIn('viewer@mnd.example');
    const res = await viewer.get('/admin/protected');
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /<h1>You do not have permission to see this page<\/h1>/);
    assert.match(res.body, /needs the <strong>editor<\/strong> role or higher\. Your account has the <strong>viewer<\/strong> role/);
    const api = await viewer.get('/admin/protected', { accept: 'application/json' });
    assert.equal(api.statusCode, 403);
    assert.equal(api.json().errors[0].code, 'FORBIDDEN');

    const boss = new Browser(w.app);
    await boss.signIn('boss@mnd.example');
    assert.equal((await boss.get('/admin/protected')).statusCode, 200, 'a higher role may');
  });

  test('changing the password signs out every other browser, not this one', async () => {
    const w = await web();
    await w.addUser('kim@mnd.example');
    const office = new Browser(w.app);
    const laptop = new Browser(w.app);
    await office.signIn('kim@mnd.example');
    await laptop.signIn('kim@mnd.example');

    const wrong = await office.submit('/admin/account/password', '/admin/account/password', { currentPassword: 'not my password', newPassword: 'x', confirmPassword: 'y' });
    assert.equal(wrong.statusCode, 400);
    for (const field of ['currentPassword', 'newPassword', 'confirmPassword']) assert.match(wrong.body, new RegExp(`<li><a href="#${field}">`));
    assert.doesNotMatch(wrong.body, /not my password/);
    assert.equal((await laptop.get('/admin/protected')).statusCode, 200, 'a refused change ends nothing');

    const res = await office.submit('/admin/account/password', '/admin/account/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' });
    assert.equal(res.statusCode, 303);
    assert.match((await office.get(res.headers.location as string)).body, /You have been signed out everywhere else/);
    assert.equal((await office.get('/admin/protected')).statusCode, 200);
    assert.equal((await laptop.get('/admin/protected')).statusCode, 303);
    assert.equal((await new Browser(w.app).signIn('kim@mnd.example', 'a brand new passphrase')).statusCode, 303);
  });

  test('two-factor: set up with the shown secret, then sign-in asks for a code and refuses a wrong one', async () => {
    const w = await web();
    await w.addUser('kim@mnd.example');
    const b = new Browser(w.app);
    await b.signIn('kim@mnd.example');
    const setup = await b.get('/admin/account/two-factor');
    assert.equal(setup.statusCode, 200);
    const secret = /otpauth:\/\/totp\/Pressroom:kim%40mnd\.example\?secret=([A-Z2-7]+)&amp;issuer=Pressroom/.exec(setup.body)?.[1];
    assert.ok(secret, 'the otpauth URI is shown');
    assert.ok(setup.body.includes(secret.slice(0, 4) + ' '), 'the secret is shown in groups for typing');

    const badSetup = await b.submit('/admin/account/two-factor', '/admin/account/two-factor', { action: 'enable', code: '000000' });
    assert.equal(badSetup.statusCode, 400);
    assert.match(badSetup.body, /<a href="#code">The code is not right/);
    const enabled = await b.submit('/admin/account/two-factor', '/admin/account/two-factor', { action: 'enable', code: totpCodeAt(secret, w.clock.now()) });
    assert.equal(enabled.statusCode, 200);
    assert.equal(enabled.headers['cache-control'], 'no-store');
    const codes = [...enabled.body.matchAll(/<li>([a-z2-9]{5}-[a-z2-9]{5})<\/li>/g)].map((m) => m[1]!);
    assert.equal(codes.length, 10);
    assert.match(enabled.body, /They will not be shown again/);
    assert.equal((await b.get('/admin/protected')).statusCode, 200, 'the renewed session cookie works');
    const later = (await b.get('/admin/account/two-factor')).body;
    assert.match(later, /You have 10 unused recovery codes/);
    assert.ok(codes.every((c) => !later.includes(c)), 'codes are not shown again');
    w.clock.advance(60_000);

    const other = new Browser(w.app);
    const step1 = await other.signIn('kim@mnd.example', PASSWORD, '/admin/protected');
    assert.equal(step1.statusCode, 303);
    assert.equal(step1.headers.location, '/admin/login/two-factor?next=%2Fadmin%2Fprotected');
    assert.equal((await other.get('/admin/protected')).statusCode, 303, 'the password alone opens nothing');
    const wrong = await other.submit('/admin/login/two-factor?next=%2Fadmin%2Fprotected', '/admin/login/two-factor', { code: '000000', next: '/admin/protected' });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /<a href="#code">The code is not right/);
    const right = await other.submit('/admin/login/two-factor', '/admin/login/two-factor', { code: totpCodeAt(secret, w.clock.now()), next: '/admin/protected' });
    assert.equal(right.statusCode, 303);
    assert.equal(right.headers.location, '/admin/protected');
    assert.equal((await other.get('/admin/protected')).statusCode, 200);

    const lost = new Browser(w.app);
    await lost.signIn('kim@mnd.example');
    const recovered = await lost.submit('/admin/login/two-factor', '/admin/login/two-factor', { code: codes[0]!, next: '/\t/evil.example' });
    assert.equal(recovered.statusCode, 303, 'a recovery code signs in');
    assert.equal(recovered.headers.location, '/admin', 'the second step follows only paths on this site');
    assert.equal((await w.audit.list({ action: 'user.recovery_code_used', limit: 1 })).length, 1);
  });

  test('when two-factor is mandatory, a user without it is sent to set it up first', async () => {
    const w = await web({ requireTotp: true });
    await w.addUser('kim@mnd.example');
    const b = new Browser(w.app);
    const res = await b.signIn('kim@mnd.example', PASSWORD, '/admin/protected');
    assert.equal(res.headers.location, '/admin/account/two-factor');
    const blocked = await b.get('/admin/protected');
    assert.equal(blocked.statusCode, 303);
    assert.equal(blocked.headers.location, '/admin/account/two-factor');
    const setup = await b.get('/admin/account/two-factor');
    assert.match(setup.body, /Two-factor sign-in is required on this site/);
    const secret = /secret=([A-Z2-7]+)/.exec(setup.body)![1]!;
    await b.submit('/admin/account/two-factor', '/admin/account/two-factor', { action: 'enable', code: totpCodeAt(secret, w.clock.now()) });
    assert.equal((await b.get('/admin/protected')).statusCode, 200);
    assert.doesNotMatch((await b.get('/admin/account/two-factor')).body, /Turn off two-factor sign-in/);
  });

  test('only paths on this site are followed after sign-in', async () => {
    const w = await web();
    await w.addUser('kim@mnd.example');
    for (const next of ['//evil.example/admin', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '/\t/evil.example', '/%09/evil.example', '/\n/evil.example', '/admin\r\nSet-Cookie: a=1']) {
      const b = new Browser(w.app);
      const page = await b.get(`/admin/login?next=${encodeURIComponent(next)}`);
      assert.doesNotMatch(page.body, /name="next"/, next);
      const res = await b.signIn('kim@mnd.example', PASSWORD, next);
      assert.equal(res.headers.location, '/admin', next);
    }
  });

  test('a next page with Korean or other non-Latin-1 characters is followed, percent-encoded (never a 500)', async () => {
    const w = await web();
    await w.addUser('lee@mnd.example');
    const b = new Browser(w.app);
    const res = await b.signIn('lee@mnd.example', PASSWORD, '/admin/releases?q=국방€');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/releases?q=%EA%B5%AD%EB%B0%A9%E2%82%AC');
    const again = await b.get(`/admin/login?next=${encodeURIComponent('/admin/보도자료')}`);
    assert.equal(again.statusCode, 303, 'already signed in: straight on');
    assert.equal(again.headers.location, '/admin/%EB%B3%B4%EB%8F%84%EC%9E%90%EB%A3%8C');
  });

  test('the admin stylesheet is served under its content hash', async () => {
    const w = await web();
    const page = await new Browser(w.app).get('/admin/login');
    const href = /href="(\/assets\/admin-[0-9a-f]{12}\.css)"/.exec(page.body)?.[1];
    assert.ok(href);
    assert.match(page.body, /href="\/assets\/site-[0-9a-f]{12}\.css"/);
    const css = await w.app.inject({ method: 'GET', url: href });
    assert.equal(css.statusCode, 200);
    assert.match(css.headers['cache-control'] as string, /immutable/);
    assert.match(css.body, /\.error-summary/);
  });
});
