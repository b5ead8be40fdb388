import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Migrator, type Kysely } from 'kysely';
import { connectDatabase, migrateToLatest } from '../../src/adapters/db/connect.js';
import { makeLoginThrottleStore } from '../../src/adapters/db/login-throttle.repo.js';
import { migrations } from '../../src/adapters/db/migrations/index.js';
import type { Database } from '../../src/adapters/db/schema.js';
import type { AccountsDatabase } from '../../src/adapters/db/schema-accounts.js';
import { makeSessionRepo } from '../../src/adapters/db/session.repo.js';
import { makeUserRepo } from '../../src/adapters/db/user.repo.js';
import type { LoginThrottleStore } from '../../src/ports/login-throttle.js';
import type { SessionRepo } from '../../src/ports/session-repo.js';
import type { UserRepo } from '../../src/ports/user-repo.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

const T0 = new Date('2026-11-28T01:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const hash = (c: string) => c.repeat(64).slice(0, 64);

// One suite, run unchanged against every database adapter.
for (const { kind, skip } of databaseKinds()) {
  describe(`accounts repositories on ${kind}`, { skip }, () => {
    let database: TestDatabase;
    let db: Kysely<Database>;
    let users: UserRepo;
    let sessions: SessionRepo;
    let throttle: LoginThrottleStore;
    let seq = 0;
    const newUser = (email = `staff${++seq}@mnd.example`) => users.create({ email, name: 'Staff', role: 'writer', passwordHash: 'scrypt$x', createdAt: T0 });

    before(async () => {
      database = await createTestDatabase(kind);
      db = connectDatabase(database.target);
      await migrateToLatest(db);
      const adb = db as unknown as Kysely<AccountsDatabase>;
      users = makeUserRepo(adb);
      sessions = makeSessionRepo(adb);
      throttle = makeLoginThrottleStore(adb);
    });
    after(async () => {
      await db?.destroy();
      await database?.drop();
    });

    test('users are created once per address and read back without their secrets', async () => {
      const user = await newUser('kim@mnd.example');
      assert.ok(user);
      assert.deepEqual(user, {
        id: user.id,
        email: 'kim@mnd.example',
        name: 'Staff',
        role: 'writer',
        hasTotp: false,
        totpEnabledAt: null,
        passwordChangedAt: T0,
        disabledAt: null,
        createdAt: T0,
      });
      assert.equal(await newUser('kim@mnd.example'), null, 'a taken address');
      assert.deepEqual(await users.byEmail('kim@mnd.example'), user);
      assert.deepEqual(await users.byId(user.id), user);
      assert.equal(await users.byEmail('nobody@mnd.example'), null);
      await users.setPassword(user.id, 'scrypt$new', at(5000));
      assert.equal((await users.credentials(user.id))?.passwordHash, 'scrypt$new');
      assert.deepEqual((await users.byId(user.id))?.passwordChangedAt, at(5000));
    });

    test('two-factor secrets, one-use time steps and recovery codes', async () => {
      const user = (await newUser())!;
      await users.setPendingTotpSecret(user.id, 'PENDINGSECRET', T0);
      assert.deepEqual(await users.credentials(user.id), { passwordHash: 'scrypt$x', totpSecret: null, totpPendingSecret: 'PENDINGSECRET', totpLastStep: null });
      await users.enableTotp(user.id, 'PENDINGSECRET', [hash('a'), hash('b'), hash('c')], at(1000));
      const enabled = await users.byId(user.id);
      assert.equal(enabled?.hasTotp, true);
      assert.deepEqual(enabled?.totpEnabledAt, at(1000));
      assert.equal((await users.credentials(user.id))?.totpPendingSecret, null);
      assert.equal(await users.unusedRecoveryCodes(user.id), 3);

      assert.equal(await users.claimTotpStep(user.id, 100), true);
      assert.equal(await users.claimTotpStep(user.id, 100), false, 'the same step twice');
      assert.equal(await users.claimTotpStep(user.id, 99), false, 'an older step');
      assert.equal(await users.claimTotpStep(user.id, 101), true);
      assert.equal((await users.credentials(user.id))?.totpLastStep, 101);

      assert.equal(await users.useRecoveryCode(user.id, hash('b'), at(2000)), true);
      assert.equal(await users.useRecoveryCode(user.id, hash('b'), at(3000)), false, 'used already');
      assert.equal(await users.useRecoveryCode(user.id, hash('z'), at(3000)), false, 'no such code');
      const other = (await newUser())!;
      assert.equal(await users.useRecoveryCode(other.id, hash('a'), at(3000)), false, "another user's code");
      assert.equal(await users.unusedRecoveryCodes(user.id), 2);

      await users.disableTotp(user.id, at(4000));
      assert.equal((await users.byId(user.id))?.hasTotp, false);
      assert.equal(await users.unusedRecoveryCodes(user.id), 0);
      assert.equal(await users.useRecoveryCode(user.id, hash('a'), at(5000)), false);
    });

    test('two claims of one time step at the same moment: exactly one wins', async () => {
      const user = (await newUser())!;
      const results = await Promise.all(Array.from({ length: 8 }, () => users.claimTotpStep(user.id, 500)));
      assert.equal(results.filter(Boolean).length, 1);
    });

    test('sessions are found by token hash, touched, and ended one, all-but-one, or when expired', async () => {
      const user = (await newUser())!;
      const other = (await newUser())!;
      const s1 = await sessions.create({ userId: user.id, tokenHash: hash('1'), stage: 'full', createdAt: T0, ip: '203.0.113.7', userAgent: 'x'.repeat(400) });
      assert.equal(s1.userAgent?.length, 300, 'long user agents are cut, not refused');
      await sessions.create({ userId: user.id, tokenHash: hash('2'), stage: 'totp_pending', createdAt: T0, ip: null, userAgent: null });
      await sessions.create({ userId: user.id, tokenHash: hash('3'), stage: 'full', createdAt: T0, ip: null, userAgent: null });
      await sessions.create({ userId: other.id, tokenHash: hash('4'), stage: 'full', createdAt: T0, ip: null, userAgent: null });
      assert.deepEqual(await sessions.byTokenHash(hash('1')), s1);
      assert.equal(await sessions.byTokenHash(hash('9')), null);

      await sessions.touch(s1.id, at(60_000));
      assert.deepEqual((await sessions.byTokenHash(hash('1')))?.lastSeenAt, at(60_000));
      await sessions.touch(s1.id, at(30_000));
      assert.deepEqual((await sessions.byTokenHash(hash('1')))?.lastSeenAt, at(60_000), 'never moves back');

      assert.equal(await sessions.deleteForUser(user.id, s1.id), 2);
      assert.equal(await sessions.byTokenHash(hash('2')), null);
      assert.equal(await sessions.byTokenHash(hash('3')), null);
      assert.ok(await sessions.byTokenHash(hash('4')), "another user's session stays");
      assert.equal(await sessions.countForUser(user.id), 1);
      await sessions.delete(s1.id);
      assert.equal(await sessions.countForUser(user.id), 0);

      const fresh = await sessions.create({ userId: other.id, tokenHash: hash('5'), stage: 'full', createdAt: at(10_000), ip: null, userAgent: null });
      await sessions.create({ userId: other.id, tokenHash: hash('6'), stage: 'totp_setup', createdAt: at(1000), ip: null, userAgent: null });
      assert.equal(await sessions.deleteExpired(at(5000), at(-1), at(2000)), 2, 's4 idle since T0, the unfinished one too old');
      assert.equal(await sessions.byTokenHash(hash('4')), null);
      assert.equal(await sessions.byTokenHash(hash('6')), null);
      assert.deepEqual(await sessions.byTokenHash(hash('5')), fresh);
    });

    test('failed sign-ins are counted per key, forgotten after quiet, and cleared', async () => {
      const key = `account:${kind}@mnd.example`;
      assert.deepEqual(await throttle.recordFailure(key, at(0), at(-3600_000)), { key, failures: 1, lastFailureAt: at(0) });
      assert.equal((await throttle.recordFailure(key, at(1000), at(-3600_000))).failures, 2);
      assert.deepEqual(await throttle.recordFailure(key, at(2000), at(-3600_000)), { key, failures: 3, lastFailureAt: at(2000) });
      assert.equal((await throttle.recordFailure(key, at(9_000_000), at(3000))).failures, 1, 'the last failure was before the forget line');
      await throttle.recordFailure('address:203.0.113.7', at(0), at(-1));
      const both = await throttle.get([key, 'address:203.0.113.7', 'address:unknown']);
      assert.deepEqual(both.map((r) => [r.key, r.failures]).sort(), [['account:' + kind + '@mnd.example', 1], ['address:203.0.113.7', 1]].sort());
      await throttle.clear(key);
      assert.deepEqual((await throttle.get([key])).length, 0);
    });

    test('concurrent failures all count (one atomic upsert each)', async () => {
      const key = `account:race-${kind}@mnd.example`;
      await Promise.all(Array.from({ length: 12 }, (_, i) => throttle.recordFailure(key, at(i), at(-3600_000))));
      assert.equal((await throttle.get([key]))[0]?.failures, 12);
    });

    test('the accounts migration can be rolled back and applied again', async () => {
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      const down = await migrator.migrateTo('2026112802-editorial');
      assert.equal(down.error, undefined);
      assert.ok(down.results?.some((r) => r.migrationName === '2026112803-accounts' && r.direction === 'Down' && r.status === 'Success'));
      await migrateToLatest(db);
      assert.equal(await users.byEmail('kim@mnd.example'), null, 'the tables are new and empty');
      assert.ok(await newUser('kim@mnd.example'));
    });
  });
}
