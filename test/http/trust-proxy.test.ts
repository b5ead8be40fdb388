import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { TrustProxy } from '../../src/web/trust-proxy.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const PASSWORD = 'correct horse battery staple';

// Behind reverse proxies the client address is the one the nearest trusted proxy saw: a client
// writing its own X-Forwarded-For entries can neither dodge the token lockout nor forge the audit trail.
describe('client address behind reverse proxies', () => {
  const webs: TestWeb[] = [];
  after(async () => {
    for (const w of webs) await w.close();
  });
  async function web(trustProxy: TrustProxy): Promise<TestWeb> {
    const w = await createTestWeb('sqlite', { trustProxy });
    webs.push(w);
    return w;
  }

  /** The address the audit trail recorded for a failed sign-in sent with these headers, from this peer. */
  async function auditedAddress(w: TestWeb, headers: Record<string, string>, remoteAddress = '127.0.0.1'): Promise<string | null> {
    const email = `probe${Math.random().toString(16).slice(2)}@press.example`;
    const page = await w.app.inject({ method: 'GET', url: '/admin/login', remoteAddress, headers });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
    const cookie = ([] as string[]).concat(page.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    const res = await w.app.inject({
      method: 'POST',
      url: '/admin/login',
      remoteAddress,
      headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token ?? '', email, password: 'wrong password' }).toString(),
    });
    assert.equal(res.statusCode, 401);
    const [entry] = await w.system.audit.list({ action: 'user.login_failed', limit: 1 });
    assert.equal(entry?.details.email, email);
    return entry!.actor.ip;
  }

  test('one hop (PRESSROOM_TRUST_PROXY=1): the address the proxy saw, never the client-written leftmost entry', async () => {
    const w = await web({ hops: 1 });
    assert.equal(await auditedAddress(w, { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }), '203.0.113.7');
    assert.equal(await auditedAddress(w, { 'x-forwarded-for': '203.0.113.8' }), '203.0.113.8');
    assert.equal(await auditedAddress(w, {}), '127.0.0.1', 'no header: the peer itself');
  });

  test('two hops: the address the outer proxy saw, past the inner one', async () => {
    const w = await web({ hops: 2 });
    assert.equal(await auditedAddress(w, { 'x-forwarded-for': '6.6.6.6, 198.51.100.4, 10.0.0.2' }), '198.51.100.4');
  });

  test('a list of proxy addresses: only those peers are believed, and past them the first other address counts', async () => {
    const w = await web({ addresses: ['127.0.0.1', '10.0.0.0/8'] });
    assert.equal(await auditedAddress(w, { 'x-forwarded-for': '6.6.6.6, 198.51.100.4, 10.1.2.3' }), '198.51.100.4');
    assert.equal(await auditedAddress(w, { 'x-forwarded-for': '6.6.6.6' }, '192.0.2.50'), '192.0.2.50', 'a peer that is not a listed proxy is the client, whatever it writes');
  });

  test('no proxy trusted (the default): X-Forwarded-For is ignored', async () => {
    const w = await web(false);
    assert.equal(await auditedAddress(w, { 'x-forwarded-for': '6.6.6.6' }), '127.0.0.1');
  });

  test('the API token lockout cannot be dodged by writing a new X-Forwarded-For entry each time', async () => {
    const w = await web({ hops: 1 });
    await w.system.accounts.createUser({ email: 'owner@press.example', name: 'Owner', role: 'editor', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await w.app.inject({
        method: 'GET',
        url: '/api/v1/releases/1/edition',
        headers: { authorization: `Bearer prt_wrong${i}`, 'x-forwarded-for': `6.6.6.${i}, 203.0.113.9` },
      });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
    assert.deepEqual(statuses.slice(10), [429, 429], 'the 11th attempt from the same real address is refused');
  });
});
