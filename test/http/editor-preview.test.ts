import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createAdminTestWeb } from '../support/admin-web.js';
import { buildBoard } from '../support/factories.js';
import type { TestWeb } from '../support/web.js';

const PASSWORD = 'correct horse battery staple';

/** A cookie jar and the page's CSRF token, signed in through the login form. */
class Session {
  private cookies = new Map<string, string>();
  token = '';
  constructor(private readonly web: TestWeb) {}

  cookieHeader(): Record<string, string> {
    return this.cookies.size > 0 ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
      const m = /^([^=;]+)=([^;]*)/.exec(c);
      if (m) this.cookies.set(m[1]!, m[2]!);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.token = token.replace(/&amp;/g, '&');
    return res;
  }

  async get(url: string) {
    return this.keep(await this.web.app.inject({ method: 'GET', url, headers: this.cookieHeader() }));
  }

  async signIn(email: string, role: 'viewer' | 'writer') {
    await this.web.system.accounts.createUser({ email, name: role, role, password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
    await this.get('/admin/login');
    const payload = new URLSearchParams({ _csrf: this.token, email, password: PASSWORD }).toString();
    const res = this.keep(await this.web.app.inject({ method: 'POST', url: '/admin/login', payload, headers: { ...this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' } }));
    assert.equal(res.statusCode, 303);
    await this.get('/admin/releases/new');
  }

  preview(body: unknown, headers: Record<string, string> = {}) {
    return this.web.app.inject({ method: 'POST', url: '/admin/preview', payload: JSON.stringify(body), headers: { ...this.cookieHeader(), 'content-type': 'application/json', accept: 'application/json', ...headers } });
  }
}

describe('POST /admin/preview (the live preview)', () => {
  let web: TestWeb;
  let writer: Session;

  before(async () => {
    web = await createAdminTestWeb();
    await buildBoard(web.system, { slug: 'press-releases' });
    writer = new Session(web);
    await writer.signIn('preview-writer@press.example', 'writer');
  });
  after(async () => web?.close());

  test('returns the body rendered and sanitized as on the public page', async () => {
    const res = await writer.preview({ bodyMarkdown: '## Plan\n\n**Bold** and [a link](javascript:alert(1)) <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>' }, { 'x-csrf-token': writer.token });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    const { html } = res.json() as { html: string };
    assert.match(html, /<h2>Plan<\/h2>/);
    assert.match(html, /<strong>Bold<\/strong>/);
    assert.doesNotMatch(html, /<script|<img|href="javascript:/i);
    assert.match(html, /&lt;script&gt;/);
  });

  test('refuses a request without a valid CSRF token', async () => {
    assert.equal((await writer.preview({ bodyMarkdown: 'x' })).statusCode, 403);
    assert.equal((await writer.preview({ bodyMarkdown: 'x' }, { 'x-csrf-token': 'forged' })).statusCode, 403);
  });

  test('refuses anyone not signed in, and viewers', async () => {
    const stranger = new Session(web);
    await stranger.get('/admin/login');
    const res = await stranger.preview({ bodyMarkdown: 'x' }, { 'x-csrf-token': stranger.token });
    assert.equal(res.statusCode, 401);
    assert.doesNotMatch(res.body, /<p>x<\/p>/);
    const viewer = new Session(web);
    await viewer.signIn('preview-viewer@press.example', 'viewer');
    assert.equal((await viewer.preview({ bodyMarkdown: 'x' }, { 'x-csrf-token': viewer.token || writer.token })).statusCode, 403);
  });

  test('refuses a body that is not text or is too long, naming the field', async () => {
    const res = await writer.preview({ bodyMarkdown: 42 }, { 'x-csrf-token': writer.token });
    assert.equal(res.statusCode, 400);
    assert.equal((res.json() as { errors: { field: string }[] }).errors[0]?.field, 'bodyMarkdown');
    assert.equal((await writer.preview({ bodyMarkdown: 'a'.repeat(200_001) }, { 'x-csrf-token': writer.token })).statusCode, 400);
  });

  test('the editor page loads the scripts from hashed same-origin URLs', async () => {
    const page = await writer.get('/admin/releases/new');
    const srcs = [...page.body.matchAll(/<script src="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(srcs.some((s) => /^\/assets\/turndown-[0-9a-f]{12}\.js$/.test(s)));
    assert.ok(srcs.some((s) => /^\/assets\/admin-editor-[0-9a-f]{12}\.js$/.test(s)));
    for (const src of srcs) {
      const js = await web.app.inject({ method: 'GET', url: src });
      assert.equal(js.statusCode, 200, src);
      assert.match(js.headers['content-type'] as string, /^text\/javascript/);
      assert.match(js.headers['cache-control'] as string, /immutable/);
    }
  });
});
