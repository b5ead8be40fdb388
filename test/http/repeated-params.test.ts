import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard, buildRelease, pdfBytes } from '../support/factories.js';
import { listRoutes, PARAMETER_NAMES, twice, type ListedRoute } from '../support/routes.js';
import type { TestWeb } from '../support/web.js';

// Issue 13, item 8: `?q=a&q=b`, `?page=1&page=2`, a repeated `next`, `email` or `password` answered 500.
// This enumerates the app's own route table and sends every parameter name twice to every route.
describe('repeated parameters on every route', () => {
  let t: TestWeb;
  let admin: StaffBrowser;
  let values: Record<string, string>;
  let routes: ListedRoute[];

  before(async () => {
    t = await createAdminTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    const bytes = await pdfBytes('repeated');
    const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', tags: ['defence'], files: [{ fileName: 'brief.pdf', bytes }] });
    const attachment = (await t.system.attachments.attachmentsOf((await t.system.editions.latestEdition(release.id))!.id))[0]!;
    admin = new StaffBrowser(t, staffUser('admin', 'Repeat Admin'));
    await admin.get('/admin');
    values = {
      lang: 'en', board: 'press-releases', slug: 'press-releases', language: 'en', number: String(release.number ?? 1), id: String(release.id),
      sha256: attachment.sha256, name: 'brief.pdf', attachmentId: String(attachment.id), tag: 'defence', file: 'releases-1.xml',
      token: 'x'.repeat(43), revisionId: '1', linkId: '1', '*': 'anything',
    };
    routes = await listRoutes(t.app);
  });
  after(async () => t?.close());

  const pathOf = (route: ListedRoute) => route.url.replace(/:(\w+)|\*/g, (whole, name: string | undefined) => values[name ?? '*'] ?? '1');

  test('the route table was read', () => {
    assert.ok(routes.length > 60, `only ${routes.length} routes found`);
    for (const expected of ['GET /:lang/search', 'POST /admin/login', 'GET /language', 'POST /admin/releases/:id/attachments', 'PATCH /api/v1/releases/:id/edition']) {
      assert.ok(routes.some((r) => `${r.method} ${r.url}` === expected), `${expected} is listed`);
    }
  });

  test('no route answers 5xx to parameters sent twice, in the query or in a form', async () => {
    const failures: string[] = [];
    const query = twice(PARAMETER_NAMES, (n) => (n === 'next' ? '/en/' : n === 'page' ? '1' : 'a'), (n) => (n === 'next' ? '//evil.example' : n === 'page' ? '2' : 'b')).toString();
    const { csrfToken } = await admin.credentials();
    for (const route of routes) {
      const url = `${pathOf(route)}?${query}`;
      const form = twice([...PARAMETER_NAMES, '_csrf'], (n) => (n === '_csrf' ? csrfToken : 'first'), (n) => (n === '_csrf' ? csrfToken : 'second')).toString();
      const res =
        route.method === 'GET'
          ? await admin.get(url)
          : route.url.startsWith('/api')
            ? await t.app.inject({ method: route.method as 'POST', url, headers: { 'content-type': 'application/json', authorization: 'Bearer prt_unknown' }, payload: '{"title":"a","title":"b"}' })
            : await admin.postRaw(url, form, 'application/x-www-form-urlencoded');
      if (res.statusCode >= 500) failures.push(`${route.method} ${route.url}: ${res.statusCode}`);
    }
    assert.deepEqual(failures, []);
  });

  test('the first value wins: ?page=1&page=2 is page 1, ?q=a&q=b searches for a, a repeated next goes to the first', async () => {
    const list = await t.app.inject({ url: '/en/press-releases?page=1&page=2' });
    assert.equal(list.statusCode, 200);
    const search = await t.app.inject({ url: '/en/search?q=release&q=zzzznothing' });
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /Test release/);
    const api = await t.app.inject({ url: '/api/v1/search?q=release&q=zzzznothing' });
    assert.equal(api.statusCode, 200);
    assert.equal((JSON.parse(api.body) as { data: unknown[] }).data.length, 1);
    const language = await t.app.inject({ url: '/language?to=ko&to=en&next=/ko/press-releases&next=//evil.example' });
    assert.equal(language.headers.location, '/ko/press-releases');
  });

  test('a sign-in form with email, password and next sent twice signs in with the first of each', async () => {
    const fresh = new StaffBrowser(t, staffUser('writer', 'Twice Writer'));
    await fresh.get('/admin');
    const { csrfToken } = await fresh.credentials();
    const form = new URLSearchParams([['_csrf', csrfToken], ['email', 'nobody@press.example'], ['email', 'other@press.example'], ['password', 'wrong'], ['password', 'wrong too'], ['next', '/admin/releases'], ['next', '/admin/tokens']]);
    const res = await t.app.inject({ method: 'POST', url: '/admin/login', payload: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `_csrf=${/(?:^|; )_csrf=([^;]+)/.exec((await fresh.credentials()).cookie)?.[1] ?? ''}` } });
    assert.equal(res.statusCode, 401, 'an ordinary wrong-password answer, not a 500');
    assert.match(res.body, /name="email"[^>]*value="nobody@press\.example"|value="nobody@press\.example"[^>]*name="email"/);
  });
});
