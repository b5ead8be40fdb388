import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TOKEN_THROTTLE_POLICY } from '../../src/web/api/token-throttle.js';
import { THROTTLE_POLICIES } from '../../src/domain/user.js';
import { buildBoard } from '../support/factories.js';
import { createTestServers, type TestServers } from '../support/servers.js';

const PASSWORD = 'correct horse battery staple';
const form = (fields: Record<string, string>, cookie = '') => ({
  payload: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
});

/** A browser's cookies, kept across requests to any server. */
class Jar {
  private cookies = new Map<string, string>();
  keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
      const m = /^([^=;]+)=([^;]*)/.exec(c);
      if (m) this.cookies.set(m[1]!, m[2]!);
    }
    return res;
  }
  get header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}
const csrfTokenIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');

// A load balancer may send each request of one person to a different server: everything a request
// needs must live in the database, never in one process's memory (#18, docs/operations.md).
for (const kind of ['postgres'] as const) {
  const skip = process.env.PRESSROOM_TEST_PG_URL ? false : 'PostgreSQL not available (several servers share one PostgreSQL database)';
  describe(`two servers on one ${kind} database behave as one`, { skip }, () => {
    let t: TestServers;
    let a: FastifyInstance;
    let b: FastifyInstance;
    before(async () => {
      t = await createTestServers(kind, 2, { subscribeThrottle: { perAddress: 5, perClient: 4 } });
      [a, b] = t.servers.map((s) => s.app) as [FastifyInstance, FastifyInstance];
      const system = t.servers[0]!.system;
      await buildBoard(system, { slug: 'press-releases' });
      await system.accounts.createUser({ email: 'editor@press.example', name: 'Editor', role: 'editor', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
      await system.accounts.createUser({ email: 'target@press.example', name: 'Target', role: 'editor', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
    });
    after(async () => t?.close());

    test("a CSRF token from A's sign-in form is accepted by B, and the session B creates is valid on A", async () => {
      const jar = new Jar();
      const page = jar.keep(await a.inject({ method: 'GET', url: '/admin/login' }));
      const signIn = jar.keep(await b.inject({ method: 'POST', url: '/admin/login', ...form({ _csrf: csrfTokenIn(page.body), email: 'editor@press.example', password: PASSWORD }, jar.header) }));
      assert.equal(signIn.statusCode, 303, `B refused A's form: ${signIn.body.slice(0, 200)}`);
      const onA = await a.inject({ method: 'GET', url: '/admin', headers: { cookie: jar.header } });
      assert.equal(onA.statusCode, 200, 'signed in on A with the session made by B');
      assert.match(onA.body, /Editor/);
      // And a form A shows after sign-in is accepted by B: signing out there ends the session on A too.
      const signOut = await b.inject({ method: 'POST', url: '/admin/logout', ...form({ _csrf: csrfTokenIn(onA.body) }, jar.header) });
      assert.equal(signOut.statusCode, 303);
      const after = await a.inject({ method: 'GET', url: '/admin', headers: { cookie: jar.header } });
      assert.equal(after.statusCode, 303, 'signed out everywhere');
      assert.match(String(after.headers.location), /^\/admin\/login/);
    });

    test('failed sign-ins are counted across both servers', async () => {
      const { freeFailures } = THROTTLE_POLICIES.account;
      const attempt = async (server: FastifyInstance) => {
        const jar = new Jar();
        const page = jar.keep(await server.inject({ method: 'GET', url: '/admin/login', remoteAddress: '198.51.100.20' }));
        return server.inject({ method: 'POST', url: '/admin/login', remoteAddress: '198.51.100.20', ...form({ _csrf: csrfTokenIn(page.body), email: 'target@press.example', password: 'wrong guess' }, jar.header) });
      };
      // Alternating servers: each sees only half of the failures.
      for (let i = 0; i < freeFailures; i++) assert.equal((await attempt(i % 2 === 0 ? a : b)).statusCode, 401, `attempt ${i + 1}`);
      const next = await attempt(b);
      assert.equal(next.statusCode, 429, 'the next attempt waits, whichever server it reaches');
      assert.ok(Number(next.headers['retry-after']) > 0);
      assert.equal((await attempt(a)).statusCode, 429);
    });

    test('refused API tokens are counted across both servers', async () => {
      const { maxFailures } = TOKEN_THROTTLE_POLICY;
      const guess = (server: FastifyInstance, n: number) =>
        server.inject({ method: 'POST', url: '/api/v1/releases', remoteAddress: '203.0.113.9', headers: { authorization: `Bearer prt_${String(n).padStart(43, 'A')}`, 'content-type': 'application/json' }, payload: '{}' });
      for (let i = 0; i < maxFailures; i++) assert.equal((await guess(i % 2 === 0 ? a : b, i)).statusCode, 401, `attempt ${i + 1}`);
      assert.equal((await guess(a, 98)).statusCode, 429, 'A refuses after failures made on both');
      assert.equal((await guess(b, 99)).statusCode, 429, 'and so does B');
    });

    test('subscribe requests from one client are counted across both servers', async () => {
      const subscribe = (server: FastifyInstance, n: number) => server.inject({ method: 'POST', url: '/en/subscribe', remoteAddress: '192.0.2.44', ...form({ email: `reader${n}@example.com`, frequency: 'immediate' }) });
      for (let i = 0; i < 4; i++) assert.equal((await subscribe(i % 2 === 0 ? a : b, i)).statusCode, 200, `request ${i + 1}`);
      assert.equal((await subscribe(a, 5)).statusCode, 429);
      assert.equal((await subscribe(b, 6)).statusCode, 429);
    });
  });
}
