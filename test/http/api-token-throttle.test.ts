import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { TOKEN_THROTTLE_POLICY } from '../../src/web/api/token-throttle.js';
import { buildBoard } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

interface ErrorBody {
  errors: { code: string; message: string; field: string | null }[];
}

describe('failed API token attempts are throttled per address', () => {
  let t: TestWeb;
  let secret: string;
  const ATTACKER = '203.0.113.9';
  const OTHER = '198.51.100.7';
  const { maxFailures, windowMs } = TOKEN_THROTTLE_POLICY;

  before(async () => {
    t = await createTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    const user = await t.system.accounts.createUser({ email: 'boss@press.example', name: 'Boss', role: 'admin', password: 'correct horse battery staple' }, { userId: null, label: 'system:test', ip: null });
    const admin: StaffActor = { userId: user.id, label: user.email, ip: null, role: 'admin' };
    ({ secret } = await t.system.apiTokens.create({ name: 'CMS', ownerEmail: user.email, scopes: ['drafts:write'] }, admin));
  });
  after(async () => t?.close());

  const guess = (n: number) => `prt_${String(n).padStart(43, 'A')}`;
  const call = (address: string, token: string | null, url = '/api/v1/releases') =>
    t.app.inject({
      method: 'POST',
      url,
      remoteAddress: address,
      headers: { ...(token !== null ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
      payload: JSON.stringify({ board: 'press-releases', language: 'en', title: 'Draft' }),
    });
  const failuresAudited = async () => (await t.system.audit.list({ action: 'api_token.use_failed', limit: 100 })).length;

  test(`after ${maxFailures} refused tokens an address gets 429 with Retry-After, even for a valid token`, async () => {
    for (let i = 0; i < maxFailures; i++) {
      const res = await call(ATTACKER, guess(i));
      assert.equal(res.statusCode, 401, `attempt ${i + 1}`);
    }
    assert.equal(await failuresAudited(), maxFailures, 'every refused token is audited, as before');
    t.clock.advance(60_000);
    const blocked = await call(ATTACKER, guess(99));
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.headers['retry-after'], String((windowMs - 60_000) / 1000));
    assert.equal(blocked.headers['cache-control'], 'no-store');
    assert.equal(blocked.headers['access-control-allow-origin'], undefined, 'write routes stay closed to other origins');
    const body = blocked.json() as ErrorBody;
    assert.deepEqual(body, { errors: [{ code: 'RATE_LIMITED', message: body.errors[0]!.message, field: null }] });
    assert.ok(body.errors[0]!.message.length > 0);
    assert.equal((await call(ATTACKER, secret)).statusCode, 429, 'a right guess is refused too while blocked');
    assert.equal((await call(ATTACKER, 'not-even-a-token', '/api/v1/releases/1/submit')).statusCode, 429, 'on every token route');
    assert.equal(await failuresAudited(), maxFailures, 'refused without being looked up: the audit log is not flooded');
  });

  test('other addresses, requests without a token and public reads are not affected', async () => {
    assert.equal((await call(OTHER, secret)).statusCode, 201);
    assert.equal((await call(OTHER, guess(1))).statusCode, 401);
    const none = await call(ATTACKER, null);
    assert.equal(none.statusCode, 401, 'no token: nothing guessed, so the usual 401');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/releases', remoteAddress: ATTACKER, headers: { authorization: `Bearer ${guess(5)}` } })).statusCode, 200);
  });

  test('the block ends with its window; requests without a token never count', async () => {
    t.clock.advance(windowMs);
    assert.equal((await call(ATTACKER, secret)).statusCode, 201, 'allowed again after the window');
    for (let i = 0; i < maxFailures * 2; i++) assert.equal((await call(OTHER, null)).statusCode, 401);
    for (let i = 0; i < maxFailures - 1; i++) assert.equal((await call(OTHER, guess(i))).statusCode, 401);
    assert.equal((await call(OTHER, secret)).statusCode, 201, `${maxFailures - 1} failures in this window so far: still allowed`);
    assert.equal((await call(OTHER, guess(0))).statusCode, 401);
    assert.equal((await call(OTHER, secret)).statusCode, 429);
  });
});
