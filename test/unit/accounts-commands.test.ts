import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { totpCodeAt } from '../../src/app/accounts/totp-codes.js';
import { makeFakeClock } from '../../src/adapters/clock/system-clock.js';
import { makeAuditLog } from '../../src/adapters/db/audit-log.js';
import { connectDatabase, migrateToLatest } from '../../src/adapters/db/connect.js';
import { userAddCommand } from '../../src/cli/user-add.command.js';
import { ValidationError } from '../../src/domain/errors.js';
import type { Role } from '../../src/domain/user.js';
import { composeAccounts } from '../../src/main/compose-accounts.js';

const PASSWORD = 'correct horse battery staple';
const client = { ip: '203.0.113.7', userAgent: 'test' };
const cli = { userId: null, label: 'system:test', ip: null };

async function setup(options: { requireTotp?: boolean } = {}) {
  const db = connectDatabase({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  const clock = makeFakeClock(new Date('2026-11-28T01:00:00Z'));
  const audit = makeAuditLog(db);
  const accounts = composeAccounts({ db, clock, audit, requireTotp: options.requireTotp ?? false, passwordHashing: { logN: 10, r: 8, p: 1 } });
  const addUser = (email = 'kim@mnd.example', role: Role = 'editor') => accounts.createUser({ email, name: 'Kim Min-ji', role, password: PASSWORD }, cli);
  const actions = async () => (await audit.list({ limit: 100 })).map((e) => e.action).reverse();
  return { db, clock, audit, accounts, addUser, actions };
}

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});
async function system(options: { requireTotp?: boolean } = {}) {
  const s = await setup(options);
  closers.push(() => s.db.destroy());
  return s;
}

/** Signs in and turns on two-factor sign-in; returns the secret and the recovery codes. */
async function withTotp(s: Awaited<ReturnType<typeof setup>>) {
  const user = await s.addUser();
  const login = await s.accounts.authenticate({ email: user.email, password: PASSWORD, ...client });
  assert.equal(login.outcome, 'session');
  const session = await s.accounts.resolveSession(login.outcome === 'session' ? login.token : '');
  const { secret } = await s.accounts.totp.beginSetup(user.id);
  const { recoveryCodes } = await s.accounts.totp.confirm({ userId: user.id, sessionId: session!.session.id, code: totpCodeAt(secret, s.clock.now()), ...client });
  s.clock.advance(60_000);
  return { user, secret, recoveryCodes };
}

describe('creating accounts', () => {
  test('reports every problem at once and stores no account', async () => {
    const s = await system();
    await assert.rejects(
      s.accounts.createUser({ email: 'not-an-email', name: ' ', role: 'chief' as Role, password: 'short' }, cli),
      (e: unknown) => e instanceof ValidationError && ['email', 'name', 'role', 'password'].every((f) => e.issues.some((i) => i.field === f)),
    );
    assert.deepEqual(await s.actions(), []);
  });

  test('one address is one account, whatever its case; creation is audited without the password', async () => {
    const s = await system();
    const user = await s.addUser('  Kim@MND.example ');
    assert.equal(user.email, 'kim@mnd.example');
    await assert.rejects(s.addUser('KIM@mnd.example'), (e: unknown) => e instanceof ValidationError && e.issues[0]?.code === 'email_taken');
    const [entry] = await s.audit.list({ action: 'user.created', limit: 5 });
    assert.deepEqual(entry?.details, { email: 'kim@mnd.example', role: 'editor' });
    assert.doesNotMatch(JSON.stringify(entry), /horse/);
  });

  test('user-add takes the password from PRESSROOM_NEW_PASSWORD, or prints a generated one once', async (t) => {
    const s = await system();
    const logs: string[] = [];
    t.mock.method(console, 'log', (line: string) => logs.push(line));
    t.mock.method(console, 'error', (line: string) => logs.push(line));
    assert.equal(await userAddCommand.run(s, ['--email', 'a@mnd.example', '--name', 'A', '--role', 'admin'], { PRESSROOM_NEW_PASSWORD: PASSWORD }), 0);
    assert.equal((await s.accounts.authenticate({ email: 'a@mnd.example', password: PASSWORD, ...client })).outcome, 'session');
    assert.ok(logs.every((l) => !l.includes(PASSWORD)), 'a given password is never printed');

    assert.equal(await userAddCommand.run(s, ['--email', 'b@mnd.example', '--name', 'B', '--role', 'viewer'], {}), 0);
    const generated = /Password \(shown only now\): (\S+)/.exec(logs.join('\n'))?.[1];
    assert.ok(generated && generated.length >= 20);
    assert.equal((await s.accounts.authenticate({ email: 'b@mnd.example', password: generated, ...client })).outcome, 'session');

    assert.equal(await userAddCommand.run(s, ['--email', 'c@mnd.example', '--name', 'C', '--role', 'boss'], {}), 1);
    assert.equal(await userAddCommand.run(s, ['--email', 'c@mnd.example'], {}), 2);
    assert.match(logs.join('\n'), /--role: Choose one of: viewer, writer, editor, admin/);
  });
});

describe('signing in', () => {
  test('the right password opens a full session; a wrong one is refused and audited', async () => {
    const s = await system();
    const user = await s.addUser();
    const bad = await s.accounts.authenticate({ email: 'kim@mnd.example', password: 'wrong password!', ...client });
    assert.deepEqual(bad, { outcome: 'refused', retryAfterMs: 0 });
    const unknown = await s.accounts.authenticate({ email: 'nobody@mnd.example', password: PASSWORD, ...client });
    assert.equal(unknown.outcome, 'refused');
    const ok = await s.accounts.authenticate({ email: 'KIM@mnd.example', password: PASSWORD, ...client });
    assert.equal(ok.outcome, 'session');
    assert.equal(ok.outcome === 'session' && ok.stage, 'full');
    const resolved = await s.accounts.resolveSession(ok.outcome === 'session' ? ok.token : undefined);
    assert.equal(resolved?.user.id, user.id);
    const failures = await s.audit.list({ action: 'user.login_failed', limit: 5 });
    assert.deepEqual(failures.map((f) => f.details.reason).sort(), ['unknown_account', 'wrong_password']);
    assert.equal(failures.every((f) => f.actor.ip === client.ip), true);
    assert.equal((await s.audit.list({ action: 'user.login_succeeded', limit: 5 }))[0]?.actor.userId, user.id);
  });

  test('after 5 failures even the right password is refused until the wait is over, and the wait doubles', async () => {
    const s = await system();
    await s.addUser();
    const attempt = (password: string) => s.accounts.authenticate({ email: 'kim@mnd.example', password, ...client });
    for (let i = 1; i <= 4; i++) assert.deepEqual(await attempt('wrong password!'), { outcome: 'refused', retryAfterMs: 0 });
    assert.deepEqual(await attempt('wrong password!'), { outcome: 'refused', retryAfterMs: 1000 });
    assert.deepEqual(await attempt(PASSWORD), { outcome: 'throttled', retryAfterMs: 1000 });
    s.clock.advance(1000);
    assert.deepEqual(await attempt('wrong password!'), { outcome: 'refused', retryAfterMs: 2000 });
    s.clock.advance(1999);
    assert.equal((await attempt(PASSWORD)).outcome, 'throttled');
    s.clock.advance(1);
    assert.equal((await attempt(PASSWORD)).outcome, 'session');
    assert.deepEqual(await attempt('wrong password!'), { outcome: 'refused', retryAfterMs: 0 }, 'a full sign-in clears the account count');
    const reasons = (await s.audit.list({ action: 'user.login_failed', limit: 20 })).map((e) => e.details.reason);
    assert.equal(reasons.filter((r) => r === 'throttled').length, 2);
  });

  test('one address guessing at many accounts is slowed down too', async () => {
    const s = await system();
    for (let i = 0; i < 20; i++) await s.accounts.authenticate({ email: `guess${i}@mnd.example`, password: 'wrong password!', ...client });
    const next = await s.accounts.authenticate({ email: 'someone-else@mnd.example', password: 'wrong password!', ...client });
    assert.equal(next.outcome, 'throttled');
    const elsewhere = await s.accounts.authenticate({ email: 'someone-else@mnd.example', password: 'wrong password!', ip: '198.51.100.1', userAgent: null });
    assert.equal(elsewhere.outcome, 'refused', 'another address is not affected');
  });

  test('a session ends after 12 idle hours, and 7 days after sign-in however active', async () => {
    const s = await system();
    await s.addUser();
    const login = async () => {
      const r = await s.accounts.authenticate({ email: 'kim@mnd.example', password: PASSWORD, ...client });
      return r.outcome === 'session' ? r.token : '';
    };
    const idle = await login();
    s.clock.advance(11 * 3600_000);
    assert.ok(await s.accounts.resolveSession(idle), 'used after 11 h');
    s.clock.advance(11 * 3600_000);
    assert.ok(await s.accounts.resolveSession(idle), '11 h after its last use');
    s.clock.advance(12 * 3600_000 + 1);
    assert.equal(await s.accounts.resolveSession(idle), null);

    const active = await login();
    const signedInAt = s.clock.now().getTime();
    const weekEnd = signedInAt + 7 * 24 * 3600_000;
    while (s.clock.now().getTime() + 11 * 3600_000 < weekEnd) {
      s.clock.advance(11 * 3600_000);
      assert.ok(await s.accounts.resolveSession(active), `used every 11 h: ${(s.clock.now().getTime() - signedInAt) / 3600_000} h`);
    }
    s.clock.set(new Date(weekEnd - 1));
    assert.ok(await s.accounts.resolveSession(active), 'just before 7 days');
    s.clock.advance(1);
    assert.equal(await s.accounts.resolveSession(active), null);
  });

  test('signing out ends the session and is audited', async () => {
    const s = await system();
    await s.addUser();
    const r = await s.accounts.authenticate({ email: 'kim@mnd.example', password: PASSWORD, ...client });
    const token = r.outcome === 'session' ? r.token : '';
    await s.accounts.signOut({ token, ip: client.ip });
    assert.equal(await s.accounts.resolveSession(token), null);
    await s.accounts.signOut({ token, ip: client.ip });
    assert.equal((await s.audit.list({ action: 'user.logged_out', limit: 5 })).length, 1);
  });
});

describe('changing the password', () => {
  test('needs the current password, ends every other session and keeps this one', async () => {
    const s = await system();
    const user = await s.addUser();
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await s.accounts.authenticate({ email: user.email, password: PASSWORD, ...client });
      tokens.push(r.outcome === 'session' ? r.token : '');
    }
    const current = (await s.accounts.resolveSession(tokens[0]))!;
    const change = (currentPassword: string, newPassword: string, confirmPassword = newPassword) =>
      s.accounts.changePassword({ userId: user.id, sessionId: current.session.id, ip: client.ip, currentPassword, newPassword, confirmPassword });

    await assert.rejects(change('wrong password!', 'short', 'other'), (e: unknown) => {
      const fields = e instanceof ValidationError ? e.issues.map((i) => i.field).sort() : [];
      return fields.join() === 'confirmPassword,currentPassword,newPassword';
    });
    await assert.rejects(change(PASSWORD, PASSWORD), (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.field === 'newPassword'));
    assert.deepEqual(await change(PASSWORD, 'a brand new passphrase'), { endedSessions: 2 });

    assert.ok(await s.accounts.resolveSession(tokens[0]));
    assert.equal(await s.accounts.resolveSession(tokens[1]), null);
    assert.equal(await s.accounts.resolveSession(tokens[2]), null);
    assert.equal((await s.accounts.authenticate({ email: user.email, password: PASSWORD, ...client })).outcome, 'refused');
    assert.equal((await s.accounts.authenticate({ email: user.email, password: 'a brand new passphrase', ...client })).outcome, 'session');
    assert.equal((await s.audit.list({ action: 'user.password_changed', limit: 5 }))[0]?.details.endedSessions, 2);
  });
});

describe('two-factor sign-in', () => {
  test('setup shows one secret until a code from it confirms it; recovery codes are stored hashed', async () => {
    const s = await system();
    const user = await s.addUser();
    const first = await s.accounts.totp.beginSetup(user.id);
    assert.deepEqual(await s.accounts.totp.beginSetup(user.id), first, 'reloading the page shows the same secret');
    assert.match(first.uri, /^otpauth:\/\/totp\/Pressroom:kim%40mnd\.example\?secret=[A-Z2-7]+&issuer=Pressroom$/);
    const r = await s.accounts.authenticate({ email: user.email, password: PASSWORD, ...client });
    const session = (await s.accounts.resolveSession(r.outcome === 'session' ? r.token : ''))!;
    await assert.rejects(s.accounts.totp.confirm({ userId: user.id, sessionId: session.session.id, code: '000000', ...client }), ValidationError);
    const { recoveryCodes } = await s.accounts.totp.confirm({ userId: user.id, sessionId: session.session.id, code: totpCodeAt(first.secret, s.clock.now()), ...client });
    assert.equal(recoveryCodes.length, 10);
    const stored = await s.db.withTables<{ recovery_codes: { code_hash: string } }>().selectFrom('recovery_codes').select('code_hash').execute();
    assert.equal(stored.length, 10);
    assert.ok(stored.every((row) => !recoveryCodes.some((c) => row.code_hash.includes(c.replace('-', '')))));
    assert.deepEqual(await s.accounts.totp.status(user.id), { enabled: true, enabledAt: s.clock.now(), unusedRecoveryCodes: 10 });
    assert.deepEqual((await s.audit.list({ action: 'user.totp_enabled', limit: 1 })).map((e) => e.subjectId), [String(user.id)]);
  });

  test('the password alone is not enough; a wrong or replayed code is refused; a right one signs in', async () => {
    const s = await system();
    const { user, secret } = await withTotp(s);
    const step1 = await s.accounts.authenticate({ email: user.email, password: PASSWORD, ...client });
    assert.equal(step1.outcome === 'session' && step1.stage, 'totp_pending');
    const pending = step1.outcome === 'session' ? step1.token : '';
    const half = await s.accounts.resolveSession(pending);
    assert.equal(half?.session.stage, 'totp_pending');

    assert.equal((await s.accounts.completeSignIn({ token: pending, code: '123456', ...client })).outcome, 'refused');
    const code = totpCodeAt(secret, s.clock.now());
    const done = await s.accounts.completeSignIn({ token: pending, code: code.replace(/(\d{3})/, '$1 '), ...client });
    assert.equal(done.outcome === 'session' && done.stage, 'full');
    assert.notEqual(done.outcome === 'session' && done.token, pending, 'the session token is renewed');
    assert.equal(await s.accounts.resolveSession(pending), null);

    const again = await s.accounts.authenticate({ email: user.email, password: PASSWORD, ...client });
    const replay = await s.accounts.completeSignIn({ token: again.outcome === 'session' ? again.token : '', code, ...client });
    assert.equal(replay.outcome, 'refused', 'a code works once');
    const reasons = (await s.audit.list({ action: 'user.login_failed', limit: 5 })).map((e) => e.details.reason);
    assert.deepEqual(reasons, ['wrong_code', 'wrong_code']);
  });

  test('a recovery code signs in once; a half-finished sign-in expires after 15 minutes', async () => {
    const s = await system();
    const { user, recoveryCodes } = await withTotp(s);
    const pendingToken = async () => {
      const r = await s.accounts.authenticate({ email: user.email, password: PASSWORD, ...client });
      return r.outcome === 'session' ? r.token : '';
    };
    const ok = await s.accounts.completeSignIn({ token: await pendingToken(), code: recoveryCodes[3]!.toUpperCase(), ...client });
    assert.equal(ok.outcome, 'session');
    assert.equal((await s.audit.list({ action: 'user.recovery_code_used', limit: 1 }))[0]?.details.remaining, 9);
    assert.equal((await s.accounts.completeSignIn({ token: await pendingToken(), code: recoveryCodes[3]!, ...client })).outcome, 'refused');

    const late = await pendingToken();
    s.clock.advance(15 * 60_000);
    assert.deepEqual(await s.accounts.completeSignIn({ token: late, code: recoveryCodes[4]!, ...client }), { outcome: 'expired' });
  });

  test('wrong codes count towards the back-off', async () => {
    const s = await system();
    const { user, secret } = await withTotp(s);
    const r = await s.accounts.authenticate({ email: user.email, password: PASSWORD, ...client });
    const token = r.outcome === 'session' ? r.token : '';
    for (let i = 0; i < 5; i++) await s.accounts.completeSignIn({ token, code: '000000', ...client });
    const blocked = await s.accounts.completeSignIn({ token, code: totpCodeAt(secret, s.clock.now()), ...client });
    assert.equal(blocked.outcome, 'throttled');
  });

  test('turning it off needs the password', async () => {
    const s = await system();
    const { user } = await withTotp(s);
    await assert.rejects(s.accounts.totp.disable({ userId: user.id, password: 'wrong password!', ip: null }), ValidationError);
    await s.accounts.totp.disable({ userId: user.id, password: PASSWORD, ip: null });
    assert.deepEqual(await s.accounts.totp.status(user.id), { enabled: false, enabledAt: null, unusedRecoveryCodes: 0 });
    const r = await s.accounts.authenticate({ email: user.email, password: PASSWORD, ...client });
    assert.equal(r.outcome === 'session' && r.stage, 'full');
    assert.equal((await s.audit.list({ action: 'user.totp_disabled', limit: 1 })).length, 1);
  });

  test('when mandatory, a user without it may only set it up, and cannot turn it off', async () => {
    const s = await system({ requireTotp: true });
    const user = await s.addUser();
    const r = await s.accounts.authenticate({ email: user.email, password: PASSWORD, ...client });
    assert.equal(r.outcome === 'session' && r.stage, 'totp_setup');
    const session = (await s.accounts.resolveSession(r.outcome === 'session' ? r.token : ''))!;
    assert.equal(session.session.stage, 'totp_setup');
    const { secret } = await s.accounts.totp.beginSetup(user.id);
    const { token } = await s.accounts.totp.confirm({ userId: user.id, sessionId: session.session.id, code: totpCodeAt(secret, s.clock.now()), ...client });
    assert.equal((await s.accounts.resolveSession(token))?.session.stage, 'full');
    await assert.rejects(s.accounts.totp.disable({ userId: user.id, password: PASSWORD, ip: null }), (e: unknown) => e instanceof Error && (e as { code?: string }).code === 'INVALID_STATE');
  });
});
