import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makePasswordHasher } from '../../src/app/accounts/password-hashing.js';
import { hashRecoveryCode, newRecoveryCodes } from '../../src/app/accounts/secrets.js';
import { backoffDelayMs, hasRole, isSessionExpired, lockedUntil, ROLES, THROTTLE_POLICIES, type Role } from '../../src/domain/user.js';

describe('roles', () => {
  test('each role may do what the less trusted ones may, and no more', () => {
    const expected: Record<Role, Role[]> = {
      viewer: ['viewer'],
      writer: ['viewer', 'writer'],
      editor: ['viewer', 'writer', 'editor'],
      admin: ['viewer', 'writer', 'editor', 'admin'],
    };
    for (const role of ROLES) {
      for (const min of ROLES) assert.equal(hasRole({ role }, min), expected[role].includes(min), `${role} as ${min}`);
    }
  });
});

describe('sign-in back-off', () => {
  const policy = THROTTLE_POLICIES.account;
  test('after 5 failures the wait is 1 s, doubling each time, never above 15 minutes', () => {
    assert.deepEqual([0, 4, 5, 6, 7, 8].map((n) => backoffDelayMs(n, policy)), [0, 0, 1000, 2000, 4000, 8000]);
    assert.equal(backoffDelayMs(14, policy), 512_000);
    assert.equal(backoffDelayMs(15, policy), 15 * 60_000);
    assert.equal(backoffDelayMs(500, policy), 15 * 60_000);
  });

  test('a lock runs from the last failure and is forgotten after an hour of quiet', () => {
    const last = new Date('2026-11-28T00:00:00Z');
    const at = (ms: number) => new Date(last.getTime() + ms);
    assert.equal(lockedUntil({ failures: 4, lastFailureAt: last }, policy, at(0)), null);
    assert.deepEqual(lockedUntil({ failures: 6, lastFailureAt: last }, policy, at(500)), at(2000));
    assert.equal(lockedUntil({ failures: 6, lastFailureAt: last }, policy, at(2000)), null);
    assert.deepEqual(lockedUntil({ failures: 30, lastFailureAt: last }, policy, at(60_000)), at(15 * 60_000));
    assert.equal(lockedUntil({ failures: 30, lastFailureAt: last }, policy, at(3600_000)), null);
  });

  test('a shared office address tolerates more failures than one account', () => {
    assert.equal(backoffDelayMs(19, THROTTLE_POLICIES.address), 0);
    assert.equal(backoffDelayMs(20, THROTTLE_POLICIES.address), 1000);
  });
});

describe('session expiry', () => {
  const created = new Date('2026-11-28T00:00:00Z');
  const h = 3600_000;
  const at = (ms: number) => new Date(created.getTime() + ms);
  test('a full session ends after 12 idle hours', () => {
    const s = { stage: 'full' as const, createdAt: created, lastSeenAt: at(h) };
    assert.equal(isSessionExpired(s, at(12 * h)), false);
    assert.equal(isSessionExpired(s, at(13 * h)), true);
  });
  test('an active session still ends 7 days after sign-in', () => {
    const s = { stage: 'full' as const, createdAt: created, lastSeenAt: at(7 * 24 * h - 60_000) };
    assert.equal(isSessionExpired(s, at(7 * 24 * h - 1)), false);
    assert.equal(isSessionExpired(s, at(7 * 24 * h)), true);
  });
  test('a half-finished sign-in lasts 15 minutes', () => {
    const s = { stage: 'totp_pending' as const, createdAt: created, lastSeenAt: created };
    assert.equal(isSessionExpired(s, at(14 * 60_000)), false);
    assert.equal(isSessionExpired(s, at(15 * 60_000)), true);
  });
});

describe('password hashing', () => {
  const hasher = makePasswordHasher({ logN: 10, r: 8, p: 1 });

  test('stores the scrypt parameters and a random salt with each hash', async () => {
    const a = await hasher.hash('correct horse battery staple');
    const b = await hasher.hash('correct horse battery staple');
    assert.match(a, /^scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    assert.notEqual(a, b, 'same password, different salt');
    assert.doesNotMatch(a, /correct horse/);
  });

  test('accepts the right password only, whatever cost the checking hasher is set to', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    const other = makePasswordHasher({ logN: 11, r: 8, p: 1 });
    assert.equal(await other.verify('correct horse battery staple', stored), true);
    assert.equal(await other.verify('correct horse battery stapler', stored), false);
    assert.equal(await other.verify('', stored), false);
  });

  test('composed and decomposed Hangul are the same password', async () => {
    const stored = await hasher.hash('비밀번호는 길게 씁니다'.normalize('NFD'));
    assert.equal(await hasher.verify('비밀번호는 길게 씁니다'.normalize('NFC'), stored), true);
  });

  test('a malformed stored hash is a refusal, not a crash', async () => {
    for (const bad of ['', 'plain', 'scrypt$ln=99,r=8,p=1$AAAA$AAAA', 'bcrypt$2b$10$abc']) assert.equal(await hasher.verify('x', bad), false, bad);
  });
});

describe('recovery codes', () => {
  test('ten distinct codes; typing them with spaces or capitals still matches', () => {
    const codes = newRecoveryCodes();
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const c of codes) assert.match(c, /^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const code = codes[0]!;
    assert.equal(hashRecoveryCode(` ${code.toUpperCase().replace('-', ' ')} `), hashRecoveryCode(code));
    assert.notEqual(hashRecoveryCode(codes[1]!), hashRecoveryCode(code));
  });
});
