import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, test, type TestContext } from 'node:test';
import { makeFakeClock } from '../../src/adapters/clock/system-clock.js';
import { makeAuditLog } from '../../src/adapters/db/audit-log.js';
import { connectDatabase, migrateToLatest } from '../../src/adapters/db/connect.js';
import { NO_PASSWORD } from '../../src/adapters/transfer/transfer-rows.js';
import { userListCommand } from '../../src/cli/user-list.command.js';
import { userSetPasswordCommand, type PasswordInput } from '../../src/cli/user-set-password.command.js';
import { NotFoundError, ValidationError } from '../../src/domain/errors.js';
import { composeAccounts } from '../../src/main/compose-accounts.js';

const PASSWORD = 'correct horse battery staple';
const client = { ip: '203.0.113.7', userAgent: 'test' };
const cli = { userId: null, label: 'system:test', ip: null };

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

/** Accounts on an in-memory database with one imported account (no password) and one with a password. */
async function system() {
  const db = connectDatabase({ kind: 'sqlite', file: ':memory:' });
  closers.push(() => db.destroy());
  await migrateToLatest(db);
  const clock = makeFakeClock(new Date('2026-11-28T01:00:00Z'));
  const audit = makeAuditLog(db);
  const accounts = composeAccounts({ db, clock, audit, requireTotp: false, passwordHashing: { logN: 10, r: 8, p: 1 } });
  // As `pressroom import-json` leaves a staff account: the marker no password matches.
  const imported = await accounts.users.create({ email: 'imported@mnd.example', name: '편집자 이', role: 'editor', passwordHash: NO_PASSWORD, createdAt: clock.now() });
  const local = await accounts.createUser({ email: 'admin@mnd.example', name: 'Admin Kim', role: 'admin', password: PASSWORD }, cli);
  const signIn = (email: string, password = PASSWORD) => accounts.authenticate({ email, password, ...client });
  return { db, clock, audit, accounts, imported: imported!, local, signIn };
}

/** Captures console output for one test. */
function capture(t: TestContext) {
  const lines: string[] = [];
  t.mock.method(console, 'log', (...args: unknown[]) => void lines.push(args.join(' ')));
  t.mock.method(console, 'error', (...args: unknown[]) => void lines.push(args.join(' ')));
  return { text: () => lines.join('\n'), lines };
}

const piped = (text: string) => ({ stdin: Readable.from([Buffer.from(text)]) as PasswordInput, prompt: () => undefined });

/** A fake terminal: keys are typed once the command has switched it to raw mode and is listening. */
function terminal(...answers: string[]) {
  const stdin = new PassThrough() as PassThrough & PasswordInput;
  const modes: boolean[] = [];
  stdin.isTTY = true;
  stdin.setRawMode = (mode: boolean) => modes.push(mode);
  const prompts: string[] = [];
  stdin.on('newListener', (event) => {
    if (event !== 'data') return;
    const next = answers.shift();
    if (next !== undefined) setImmediate(() => stdin.write(next));
  });
  return { io: { stdin, prompt: (text: string) => void prompts.push(text) }, prompts, modes };
}

describe('setting a password for an existing account', () => {
  test('an imported account cannot sign in until a password is set; then it can', async () => {
    const s = await system();
    assert.equal((await s.signIn('imported@mnd.example')).outcome, 'refused');
    const { user, endedSessions } = await s.accounts.setPassword({ email: ' Imported@MND.example ', password: PASSWORD }, cli);
    assert.equal(user.id, s.imported.id);
    assert.equal(endedSessions, 0);
    assert.equal((await s.signIn('imported@mnd.example')).outcome, 'session');
    const [entry] = await s.audit.list({ action: 'user.password_set', limit: 5 });
    assert.deepEqual(entry?.details, { email: 'imported@mnd.example', endedSessions: 0 });
    assert.equal(entry?.actor.label, 'system:test');
    assert.doesNotMatch(JSON.stringify(entry), /horse/, 'the password is never audited');
  });

  test('every session of the account ends: whoever had the old password is signed out', async () => {
    const s = await system();
    const login = await s.signIn('admin@mnd.example');
    assert.equal(login.outcome, 'session');
    const token = login.outcome === 'session' ? login.token : '';
    assert.ok(await s.accounts.resolveSession(token));
    const { endedSessions } = await s.accounts.setPassword({ email: 'admin@mnd.example', password: 'a brand new passphrase' }, cli);
    assert.equal(endedSessions, 1);
    assert.equal(await s.accounts.resolveSession(token), null);
    assert.equal((await s.signIn('admin@mnd.example')).outcome, 'refused', 'the old password no longer works');
    assert.equal((await s.signIn('admin@mnd.example', 'a brand new passphrase')).outcome, 'session');
  });

  test('the same rules as a new account; an unknown address is a clear error; nothing changes', async () => {
    const s = await system();
    await assert.rejects(s.accounts.setPassword({ email: 'imported@mnd.example', password: 'short' }, cli), (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.field === 'password' && /at least 12/.test(i.message)));
    await assert.rejects(s.accounts.setPassword({ email: 'imported@mnd.example', password: 'x'.repeat(201) }, cli), ValidationError);
    await assert.rejects(s.accounts.setPassword({ email: 'not an address', password: PASSWORD }, cli), (e: unknown) => e instanceof ValidationError && e.issues[0]?.field === 'email');
    await assert.rejects(s.accounts.setPassword({ email: 'nobody@mnd.example', password: PASSWORD }, cli), (e: unknown) => e instanceof NotFoundError && /nobody@mnd\.example/.test(e.message));
    assert.deepEqual(await s.audit.list({ action: 'user.password_set', limit: 5 }), []);
    assert.equal((await s.signIn('imported@mnd.example')).outcome, 'refused');
  });

  test('the list says which accounts have a password, and never shows a secret', async () => {
    const s = await system();
    const list = await s.accounts.listUsers();
    assert.deepEqual(
      list.map((u) => [u.id, u.email, u.role, u.hasPassword]),
      [
        [s.imported.id, 'imported@mnd.example', 'editor', false],
        [s.local.id, 'admin@mnd.example', 'admin', true],
      ],
    );
    assert.doesNotMatch(JSON.stringify(list), /scrypt|imported:/);
  });
});

describe('pressroom user set-password and user list', () => {
  test('reads a piped password (one line), sets it and never prints it', async (t) => {
    const s = await system();
    const out = capture(t);
    assert.equal(await userSetPasswordCommand.run(s, ['imported@mnd.example'], piped(`${PASSWORD}\r\n`)), 0);
    assert.match(out.text(), /New password set for editor account imported@mnd\.example \(id \d+\)\./);
    assert.doesNotMatch(out.text(), /horse/);
    assert.equal((await s.signIn('imported@mnd.example')).outcome, 'session');
  });

  test('on a terminal: asked twice without echo, backspace works, a mismatch or Ctrl-C sets nothing', async (t) => {
    const s = await system();
    const out = capture(t);
    const typed = terminal(`${PASSWORD}x\u007f\r`, `${PASSWORD}\r`);
    assert.equal(await userSetPasswordCommand.run(s, ['imported@mnd.example'], typed.io), 0);
    assert.deepEqual(typed.prompts, ['New password: ', '\n', 'Repeat it: ', '\n'], 'prompts only: the typed characters are not echoed');
    assert.deepEqual(typed.modes, [true, false, true, false], 'raw mode on while typing, off afterwards');
    assert.equal((await s.signIn('imported@mnd.example')).outcome, 'session');

    out.lines.length = 0;
    assert.equal(await userSetPasswordCommand.run(s, ['admin@mnd.example'], terminal('one long passphrase\r', 'another long passphrase\r').io), 1);
    assert.match(out.text(), /The password was not set:\n {2}- The two passwords do not match/);
    assert.equal(await userSetPasswordCommand.run(s, ['admin@mnd.example'], terminal('one long pass\u0003').io), 1);
    assert.match(out.text(), /Cancelled: no password was set/);
    assert.equal((await s.signIn('admin@mnd.example')).outcome, 'session', 'the old password still works');
  });

  test('usage errors exit 2; an unknown account or a weak password exit 1 with the reason', async (t) => {
    const s = await system();
    const out = capture(t);
    assert.equal(await userSetPasswordCommand.run(s, [], piped(PASSWORD)), 2);
    assert.match(out.text(), /Name one account by its email address\.[\s\S]*Usage: pressroom user set-password EMAIL/);
    assert.equal(await userSetPasswordCommand.run(s, ['a@mnd.example', '--password', 'x'], piped(PASSWORD)), 2);
    assert.equal(await userSetPasswordCommand.run(s, ['nobody@mnd.example'], piped(PASSWORD)), 1);
    assert.match(out.text(), /No staff account has the email address nobody@mnd\.example\. `pressroom user list` shows every account/);
    assert.equal(await userSetPasswordCommand.run(s, ['imported@mnd.example'], piped('\n')), 1);
    assert.match(out.text(), /The password was not set:\n {2}- Use at least 12 characters/);
  });

  test('user list prints a table (and JSON) with whether each account has a password', async (t) => {
    const s = await system();
    const out = capture(t);
    assert.equal(await userListCommand.run(s, []), 0);
    const [header, first, second] = out.lines;
    assert.match(header!, /^ID +EMAIL +NAME +ROLE +PASSWORD +2FA +DISABLED$/);
    assert.match(first!, /imported@mnd\.example +편집자 이 +editor +none +off$/);
    assert.match(second!, /admin@mnd\.example +Admin Kim +admin +set +off$/);
    assert.match(out.text(), /1 account has no password and cannot sign in: pressroom user set-password EMAIL/);

    out.lines.length = 0;
    assert.equal(await userListCommand.run(s, ['--json']), 0);
    const rows = JSON.parse(out.text());
    assert.deepEqual(rows[0], { id: s.imported.id, email: 'imported@mnd.example', name: '편집자 이', role: 'editor', password: false, two_factor: false, disabled: null });
    assert.equal(await userListCommand.run(s, ['--csv']), 2);
  });
});
