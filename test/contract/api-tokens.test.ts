import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../src/domain/errors.js';
import { databaseKinds } from '../support/databases.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Runs `work` and returns the issue codes of the error it must throw. */
async function refusal(work: Promise<unknown>, type: new (...args: never[]) => Error): Promise<string[]> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    return (error as unknown as { issues: { code: string }[] }).issues.map((i) => i.code);
  }
  assert.fail('expected a refusal');
}

// API tokens (repository, unit of work and commands), run unchanged against every database.
for (const { kind, skip } of databaseKinds()) {
  describe(`API tokens on ${kind}`, { skip }, () => {
    let t: TestSystem;
    let admin: StaffActor;
    let writerEmail: string;

    before(async () => {
      t = await createTestSystem(kind);
      const system = { userId: null, label: 'system:test', ip: null };
      const a = await t.system.accounts.createUser({ email: 'admin@press.example', name: 'Admin', role: 'admin', password: 'correct horse battery staple' }, system);
      admin = { userId: a.id, label: a.email, ip: '192.0.2.1', role: 'admin' };
      writerEmail = (await t.system.accounts.createUser({ email: 'writer@press.example', name: 'Writer Kim', role: 'writer', password: 'correct horse battery staple' }, system)).email;
    });
    after(async () => t?.close());

    test('the secret is returned once, stored only as its SHA-256, and authenticates as the owner', async () => {
      const { token, secret } = await t.system.apiTokens.create({ name: 'CMS import', ownerEmail: 'Writer@Press.example ', scopes: ['workflow:submit', 'drafts:write'] }, admin);
      assert.match(secret, /^prt_[A-Za-z0-9_-]{43}$/);
      assert.deepEqual(token.scopes, ['drafts:write', 'workflow:submit']);
      assert.equal(token.tokenHint, secret.slice(0, 10));
      const row = await t.system.db.selectFrom('api_tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
      assert.equal(row.token_hash, sha256(secret));
      assert.ok(!JSON.stringify(row).includes(secret.slice(10)), 'no part of the secret beyond its hint is stored');
      const principal = await t.system.apiTokens.authenticate(secret, '198.51.100.7');
      assert.equal(principal.owner.email, writerEmail);
      assert.equal(principal.actor.role, 'writer');
      assert.equal(principal.actor.userId, principal.owner.id);
      assert.equal(principal.actor.ip, '198.51.100.7');
      const listed = (await t.system.apiTokens.list()).find((l) => l.id === token.id)!;
      assert.equal(listed.owner.name, 'Writer Kim');
      assert.equal(listed.lastUsedAt?.getTime(), t.clock.now().getTime());
      const [created] = await t.system.audit.list({ action: 'api_token.created', subjectId: String(token.id), limit: 1 });
      assert.equal(created!.actor.userId, admin.userId);
      assert.deepEqual(created!.details.scopes, ['drafts:write', 'workflow:submit']);
      assert.ok(!JSON.stringify(created).includes(secret));
    });

    test('last use is written at most once a minute', async () => {
      const { token, secret } = await t.system.apiTokens.create({ name: 'Busy', ownerEmail: writerEmail, scopes: ['drafts:write'] }, admin);
      const start = t.clock.now().getTime();
      await t.system.apiTokens.authenticate(secret, null);
      t.clock.advance(30_000);
      await t.system.apiTokens.authenticate(secret, null);
      assert.equal((await t.system.apiTokens.list()).find((l) => l.id === token.id)!.lastUsedAt!.getTime(), start);
      t.clock.advance(31_000);
      await t.system.apiTokens.authenticate(secret, null);
      assert.equal((await t.system.apiTokens.list()).find((l) => l.id === token.id)!.lastUsedAt!.getTime(), start + 61_000);
    });

    test('revoked, expired, forged tokens and disabled owners are refused and audited; revoking twice is one entry', async () => {
      const { secret } = await t.system.apiTokens.create({ name: 'Short lived', ownerEmail: writerEmail, scopes: ['drafts:write'], expiresAt: new Date(t.clock.now().getTime() + 60_000) }, admin);
      await t.system.apiTokens.authenticate(secret, null);
      t.clock.advance(60_000);
      assert.deepEqual(await refusal(t.system.apiTokens.authenticate(secret, null), UnauthenticatedError), ['expired']);

      const other = await t.system.apiTokens.create({ name: 'To revoke', ownerEmail: writerEmail, scopes: ['drafts:write'] }, admin);
      await t.system.apiTokens.revoke(other.token.id, admin);
      await t.system.apiTokens.revoke(other.token.id, admin);
      assert.deepEqual(await refusal(t.system.apiTokens.authenticate(other.secret, null), UnauthenticatedError), ['revoked']);
      assert.equal((await t.system.audit.list({ action: 'api_token.revoked', subjectId: String(other.token.id), limit: 5 })).length, 1);
      assert.ok((await t.system.apiTokens.list()).find((l) => l.id === other.token.id)!.revokedAt);

      assert.deepEqual(await refusal(t.system.apiTokens.authenticate(`prt_${'x'.repeat(43)}`, null), UnauthenticatedError), ['unknown']);
      assert.deepEqual(await refusal(t.system.apiTokens.authenticate('not a token', null), UnauthenticatedError), ['malformed']);
      assert.deepEqual(await refusal(t.system.apiTokens.authenticate(null, null), UnauthenticatedError), ['missing']);

      const live = await t.system.apiTokens.create({ name: 'Owner leaves', ownerEmail: writerEmail, scopes: ['drafts:write'] }, admin);
      await t.system.db.updateTable('users').set({ disabled_at: t.clock.now().getTime() }).where('email', '=', writerEmail).execute();
      assert.deepEqual(await refusal(t.system.apiTokens.authenticate(live.secret, null), UnauthenticatedError), ['owner_disabled']);
      await t.system.db.updateTable('users').set({ disabled_at: null }).where('email', '=', writerEmail).execute();

      const reasons = (await t.system.audit.list({ action: 'api_token.use_failed', limit: 10 })).map((e) => e.details.reason);
      assert.deepEqual(reasons.sort(), ['expired', 'malformed', 'owner_disabled', 'revoked', 'unknown'], 'a missing token is not audited');
    });

    test('only administrators create or revoke; every problem with a new token is reported at once', async () => {
      const editor: StaffActor = { ...admin, role: 'editor' };
      assert.deepEqual(await refusal(t.system.apiTokens.create({ name: 'x', ownerEmail: writerEmail, scopes: ['drafts:write'] }, editor), ForbiddenError), ['role_not_allowed']);
      const { token } = await t.system.apiTokens.create({ name: 'Keep', ownerEmail: writerEmail, scopes: ['drafts:write'] }, admin);
      assert.deepEqual(await refusal(t.system.apiTokens.revoke(token.id, editor), ForbiddenError), ['role_not_allowed']);
      const beyond = await refusal(
        t.system.apiTokens.create({ name: 'Too much', ownerEmail: writerEmail, scopes: ['workflow:publish', 'workflow:approve', 'drafts:write'], expiresAt: new Date(t.clock.now().getTime() - 1) }, admin),
        ValidationError,
      );
      assert.deepEqual(beyond.sort(), ['expiry_in_past', 'scope_beyond_role', 'scope_beyond_role']);
      assert.deepEqual(await refusal(t.system.apiTokens.create({ name: 'Nobody', ownerEmail: 'ghost@press.example', scopes: ['drafts:write'] }, admin), ValidationError), ['owner_unknown']);
      assert.deepEqual((await refusal(t.system.apiTokens.create({ name: ' ', ownerEmail: writerEmail, scopes: [] }, admin), ValidationError)).length, 2);
    });
  });
}
