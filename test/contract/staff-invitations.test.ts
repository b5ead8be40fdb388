import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { makeFakeClock } from '../../src/adapters/clock/system-clock.js';
import { makeAuditLog } from '../../src/adapters/db/audit-log.js';
import { connectDatabase, migrateToLatest } from '../../src/adapters/db/connect.js';
import type { Database } from '../../src/adapters/db/schema.js';
import type { AccountsDatabase } from '../../src/adapters/db/schema-accounts.js';
import { makeStaffInvitationRepo } from '../../src/adapters/db/staff-invitation.repo.js';
import { InvitationUnusableError } from '../../src/app/accounts/accept-invitation.js';
import { sha256Hex } from '../../src/app/accounts/secrets.js';
import { composeAccounts } from '../../src/main/compose-accounts.js';
import type { StaffInvitationRepo } from '../../src/ports/staff-invitation-repo.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

const T0 = new Date('2026-12-04T01:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3600_000;
const PASSWORD = 'correct horse battery staple';
const client = { ip: '203.0.113.9', userAgent: 'test' };

// Invitation tokens (#16) on every database: stored as a hash only, used once, lapsing after 72 hours.
for (const { kind, skip } of databaseKinds()) {
  describe(`staff invitations on ${kind}`, { skip }, () => {
    let database: TestDatabase;
    let db: Kysely<Database>;
    let invitations: StaffInvitationRepo;
    let seq = 0;
    const invite = (overrides: { email?: string; tokenHash?: string; expiresAt?: Date } = {}) =>
      invitations.create({
        tokenHash: overrides.tokenHash ?? sha256Hex(`token-${++seq}`),
        email: overrides.email ?? `person${seq}@mnd.example`,
        name: '이기자',
        role: 'writer',
        createdBy: null,
        createdByLabel: 'admin@mnd.example',
        createdAt: T0,
        expiresAt: overrides.expiresAt ?? at(72 * HOUR),
      });

    before(async () => {
      database = await createTestDatabase(kind);
      db = connectDatabase(database.target);
      await migrateToLatest(db);
      invitations = makeStaffInvitationRepo(db as unknown as Kysely<AccountsDatabase>);
    });
    after(async () => {
      await db?.destroy();
      await database?.drop();
    });

    test('an invitation is read back by the hash of its secret, and used once', async () => {
      const hash = sha256Hex('secret-a');
      const created = await invite({ tokenHash: hash, email: 'a@mnd.example' });
      assert.deepEqual(await invitations.byTokenHash(hash), created);
      assert.equal(created.usedAt, null);
      assert.equal(await invitations.use(hash, 41, at(HOUR)), true);
      assert.equal(await invitations.use(hash, 42, at(HOUR)), false, 'a second use');
      const used = await invitations.byId(created.id);
      assert.deepEqual([used?.usedAt, used?.userId], [at(HOUR), 41]);
    });

    test('two uses racing with one link: exactly one wins', async () => {
      const hash = sha256Hex('secret-race');
      await invite({ tokenHash: hash });
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => invitations.use(hash, 100 + i, at(HOUR))));
      assert.equal(results.filter(Boolean).length, 1);
    });

    test('an expired or revoked invitation cannot be used and is not pending', async () => {
      const late = await invite({ tokenHash: sha256Hex('secret-late'), expiresAt: at(HOUR) });
      const revoked = await invite({ tokenHash: sha256Hex('secret-revoked'), email: 'rev@mnd.example' });
      const pendingNow = (await invitations.pending(at(HOUR - 1))).map((i) => i.id);
      assert.ok(pendingNow.includes(late.id) && pendingNow.includes(revoked.id));
      assert.equal(await invitations.use(sha256Hex('secret-late'), 1, at(HOUR)), false, 'at its expiry the link is dead');
      assert.equal(await invitations.revoke({ email: 'rev@mnd.example' }, at(1)), 1);
      assert.equal(await invitations.revoke({ id: revoked.id }, at(2)), 0, 'revoking twice changes nothing');
      assert.equal(await invitations.use(sha256Hex('secret-revoked'), 1, at(2)), false);
      const pendingLater = (await invitations.pending(at(HOUR))).map((i) => i.id);
      assert.ok(!pendingLater.includes(late.id) && !pendingLater.includes(revoked.id));
    });

    test('through the commands: only the SHA-256 of the link secret is stored, and the link works once', async () => {
      const clock = makeFakeClock(T0);
      const accounts = composeAccounts({ db, clock, audit: makeAuditLog(db), requireTotp: false, passwordHashing: { logN: 10, r: 8, p: 1 } });
      const { invitation, token } = await accounts.inviteStaff({ name: 'Lee', email: 'lee@mnd.example', role: 'editor' }, { userId: null, label: 'system:test', ip: null });
      const rows = await (db as unknown as Kysely<AccountsDatabase>).selectFrom('staff_invitations').selectAll().where('id', '=', invitation.id).execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.token_hash, sha256Hex(token));
      assert.ok(!JSON.stringify(rows).includes(token), 'the secret is not in the row');
      const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'user.invited').execute();
      assert.ok(!JSON.stringify(audit).includes(token), 'nor in the audit log');

      const [a, b] = await Promise.allSettled([
        accounts.acceptInvitation.accept({ token, newPassword: PASSWORD, confirmPassword: PASSWORD, ...client }),
        accounts.acceptInvitation.accept({ token, newPassword: PASSWORD, confirmPassword: PASSWORD, ...client }),
      ]);
      assert.equal([a, b].filter((r) => r.status === 'fulfilled').length, 1, 'one acceptance wins');
      const users = await (db as unknown as Kysely<AccountsDatabase>).selectFrom('users').select('id').where('email', '=', 'lee@mnd.example').execute();
      assert.equal(users.length, 1);
      clock.advance(HOUR);
      await assert.rejects(accounts.acceptInvitation.accept({ token, newPassword: PASSWORD, confirmPassword: PASSWORD, ...client }), InvitationUnusableError);
    });
  });
}
