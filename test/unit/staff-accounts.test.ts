import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { InvitationUnusableError } from '../../src/app/accounts/accept-invitation.js';
import { totpCodeAt } from '../../src/app/accounts/totp-codes.js';
import { makeFakeClock } from '../../src/adapters/clock/system-clock.js';
import { makeAuditLog } from '../../src/adapters/db/audit-log.js';
import { connectDatabase, migrateToLatest } from '../../src/adapters/db/connect.js';
import { InvalidStateError, ValidationError } from '../../src/domain/errors.js';
import { composeAccounts } from '../../src/main/compose-accounts.js';

const PASSWORD = 'correct horse battery staple';
const client = { ip: '203.0.113.7', userAgent: 'test' };
const cli = { userId: null, label: 'system:test', ip: null };

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

async function system(options: { requireTotp?: boolean } = {}) {
  const db = connectDatabase({ kind: 'sqlite', file: ':memory:' });
  closers.push(() => db.destroy());
  await migrateToLatest(db);
  const clock = makeFakeClock(new Date('2026-11-28T01:00:00Z'));
  const audit = makeAuditLog(db);
  const accounts = composeAccounts({ db, clock, audit, requireTotp: options.requireTotp ?? false, passwordHashing: { logN: 10, r: 8, p: 1 } });
  const admin = await accounts.createUser({ email: 'admin@mnd.example', name: 'Admin Kim', role: 'admin', password: PASSWORD }, cli);
  const adminActor = { userId: admin.id, label: admin.email, ip: '203.0.113.1' };
  return { db, clock, audit, accounts, admin, adminActor };
}

describe('two-factor sign-in right after enabling it', () => {
  test('the code the app still shows signs in at once, and then only once', async () => {
    const s = await system();
    const login = await s.accounts.authenticate({ email: 'admin@mnd.example', password: PASSWORD, ...client });
    const session = await s.accounts.resolveSession(login.outcome === 'session' ? login.token : '');
    const { secret } = await s.accounts.totp.beginSetup(s.admin.id);
    const code = totpCodeAt(secret, s.clock.now());
    await s.accounts.totp.confirm({ userId: s.admin.id, sessionId: session!.session.id, code, ...client });
    // Same 30-second step: the authenticator app still shows the code just used to confirm.
    s.clock.advance(5_000);
    const again = await s.accounts.authenticate({ email: 'admin@mnd.example', password: PASSWORD, ...client });
    assert.equal(again.outcome === 'session' && again.stage, 'totp_pending');
    const done = await s.accounts.completeSignIn({ token: again.outcome === 'session' ? again.token : '', code, ...client });
    assert.equal(done.outcome, 'session', 'the first code after enabling is accepted');
    const third = await s.accounts.authenticate({ email: 'admin@mnd.example', password: PASSWORD, ...client });
    const replay = await s.accounts.completeSignIn({ token: third.outcome === 'session' ? third.token : '', code, ...client });
    assert.equal(replay.outcome, 'refused', 'a code signs in once');
  });
});

describe('inviting staff by one-time link', () => {
  test('an invitation creates the account with the chosen password and signs the person in, once', async () => {
    const s = await system();
    const { invitation, token } = await s.accounts.inviteStaff({ name: ' 이기자 ', email: 'Lee@MND.example', role: 'writer' }, s.adminActor);
    assert.equal(invitation.email, 'lee@mnd.example');
    assert.equal(invitation.name, '이기자');
    assert.equal(invitation.expiresAt.getTime() - s.clock.now().getTime(), 72 * 3600_000);
    assert.equal((await s.accounts.acceptInvitation.lookup(token)).state, 'pending');
    assert.equal((await s.accounts.acceptInvitation.lookup(`${token}x`)).state, 'unknown');

    await assert.rejects(
      s.accounts.acceptInvitation.accept({ token, newPassword: 'short', confirmPassword: 'other', ...client }),
      (e: unknown) => e instanceof ValidationError && ['newPassword', 'confirmPassword'].every((f) => e.issues.some((i) => i.field === f)),
    );
    assert.equal(await s.accounts.users.byEmail('lee@mnd.example'), null, 'a refused form creates nothing');

    const accepted = await s.accounts.acceptInvitation.accept({ token, newPassword: PASSWORD, confirmPassword: PASSWORD, ...client });
    assert.equal(accepted.stage, 'full');
    assert.equal(accepted.user.role, 'writer');
    assert.equal((await s.accounts.resolveSession(accepted.token))?.user.id, accepted.user.id);
    const signIn = await s.accounts.authenticate({ email: 'lee@mnd.example', password: PASSWORD, ...client });
    assert.equal(signIn.outcome, 'session');

    await assert.rejects(s.accounts.acceptInvitation.accept({ token, newPassword: PASSWORD, confirmPassword: PASSWORD, ...client }), (e: unknown) => e instanceof InvitationUnusableError && e.state === 'used');
    const actions = (await s.audit.list({ limit: 20 })).map((e) => e.action);
    for (const action of ['user.invited', 'user.created', 'user.invitation_accepted']) assert.ok(actions.includes(action), action);
  });

  test('a link lapses after 72 hours; a new invitation revokes the earlier link; taken addresses are refused', async () => {
    const s = await system();
    const first = await s.accounts.inviteStaff({ name: 'Park', email: 'park@mnd.example', role: 'editor' }, s.adminActor);
    const second = await s.accounts.inviteStaff({ name: 'Park', email: 'park@mnd.example', role: 'editor' }, s.adminActor);
    assert.equal((await s.accounts.acceptInvitation.lookup(first.token)).state, 'revoked');
    assert.deepEqual((await s.accounts.listStaff()).invitations.map((i) => i.id), [second.invitation.id]);
    s.clock.advance(72 * 3600_000);
    assert.equal((await s.accounts.acceptInvitation.lookup(second.token)).state, 'expired');
    await assert.rejects(s.accounts.acceptInvitation.accept({ token: second.token, newPassword: PASSWORD, confirmPassword: PASSWORD, ...client }), InvitationUnusableError);
    assert.deepEqual((await s.accounts.listStaff()).invitations, []);
    await assert.rejects(s.accounts.inviteStaff({ name: 'Kim', email: 'ADMIN@mnd.example', role: 'viewer' }, s.adminActor), (e: unknown) => e instanceof ValidationError && e.issues[0]?.code === 'email_taken');
  });

  test('under mandatory two-factor sign-in the new session must set it up first', async () => {
    const s = await system({ requireTotp: true });
    const { token } = await s.accounts.inviteStaff({ name: 'Choi', email: 'choi@mnd.example', role: 'viewer' }, s.adminActor);
    const accepted = await s.accounts.acceptInvitation.accept({ token, newPassword: PASSWORD, confirmPassword: PASSWORD, ...client });
    assert.equal(accepted.stage, 'totp_setup');
  });

  test('a revoked link no longer works', async () => {
    const s = await system();
    const { invitation, token } = await s.accounts.inviteStaff({ name: 'Jung', email: 'jung@mnd.example', role: 'writer' }, s.adminActor);
    assert.deepEqual(await s.accounts.revokeInvitation(invitation.id, s.adminActor), { changed: true });
    assert.deepEqual(await s.accounts.revokeInvitation(invitation.id, s.adminActor), { changed: false });
    assert.equal((await s.accounts.acceptInvitation.lookup(token)).state, 'revoked');
  });
});

describe('the staff list and two-factor reset', () => {
  test('the list shows the last sign-in; a reset turns two-factor off and ends the sessions', async () => {
    const s = await system();
    const before = await s.accounts.listStaff();
    assert.equal(before.staff[0]?.lastSignInAt, null);
    const login = await s.accounts.authenticate({ email: 'admin@mnd.example', password: PASSWORD, ...client });
    const session = await s.accounts.resolveSession(login.outcome === 'session' ? login.token : '');
    assert.deepEqual((await s.accounts.listStaff()).staff[0]?.lastSignInAt, s.clock.now());
    const { secret } = await s.accounts.totp.beginSetup(s.admin.id);
    const { token } = await s.accounts.totp.confirm({ userId: s.admin.id, sessionId: session!.session.id, code: totpCodeAt(secret, s.clock.now()), ...client });
    const reset = await s.accounts.resetTotp({ email: 'admin@mnd.example' }, s.adminActor);
    assert.equal(reset.changed, true);
    assert.equal(reset.endedSessions, 1);
    assert.equal(await s.accounts.resolveSession(token), null);
    assert.equal((await s.accounts.totp.status(s.admin.id)).enabled, false);
    assert.equal((await s.accounts.resetTotp({ email: 'admin@mnd.example' }, s.adminActor)).changed, false);
    assert.equal((await s.audit.list({ action: 'user.totp_reset', limit: 5 })).length, 1);
  });

  test('the last active administrator cannot be disabled or demoted', async () => {
    const s = await system();
    await assert.rejects(s.accounts.disableUser({ email: 'admin@mnd.example' }, s.adminActor), InvalidStateError);
    await assert.rejects(s.accounts.setRole({ email: 'admin@mnd.example', role: 'editor' }, s.adminActor), InvalidStateError);
  });
});
