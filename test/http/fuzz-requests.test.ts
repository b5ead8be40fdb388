import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { API_SCOPES } from '../../src/domain/api-scopes.js';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard, buildRelease, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import { bounded, fuzzParams, hostileText, loneSurrogate, rawQuery, wellFormed } from '../support/fuzz.js';
import { listRoutes, PARAMETER_NAMES, QUERY_NAMES, type ListedRoute } from '../support/routes.js';
import type { TestWeb } from '../support/web.js';

// Issue 13, "keep it fixed": random query strings (repeated, malformed, hostile) on every GET route,
// random forms on every admin POST route and random path segments, signed in and out. Property:
// never a 5xx, never a hang.
describe('fuzz: query strings, forms and paths on every route', () => {
  let t: TestWeb;
  let admin: StaffBrowser;
  let routes: ListedRoute[];
  let values: Record<string, string>;
  let bearer: string;

  before(async () => {
    t = await createAdminTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    const { release } = await buildRelease(t.system, { boardSlug: 'press-releases', tags: ['defence'], files: [{ fileName: 'brief.pdf', bytes: await pdfBytes('fuzz') }] });
    const attachment = (await t.system.attachments.attachmentsOf((await t.system.editions.latestEdition(release.id))!.id))[0]!;
    await buildRelease(t.system, { boardSlug: 'press-releases', state: 'draft' });
    admin = new StaffBrowser(t, staffUser('admin', 'Fuzz Admin'));
    await admin.get('/admin');
    routes = await listRoutes(t.app);
    bearer = (await t.system.apiTokens.create({ name: 'fuzz', ownerEmail: admin.user.email, scopes: [...API_SCOPES] }, TEST_ACTOR)).secret;
    values = { lang: 'en', board: 'press-releases', slug: 'press-releases', language: 'en', number: String(release.number), id: String(release.id), sha256: attachment.sha256, name: 'brief.pdf', attachmentId: String(attachment.id), tag: 'defence', file: 'releases-1.xml', token: 'x'.repeat(43), revisionId: '1', linkId: '1' };
  });
  after(async () => t?.close());

  /** A route's path with its parameters filled: a real value, or (sometimes) a hostile segment. */
  const path = (route: ListedRoute, hostile: string | null) =>
    route.url.replace(/:(\w+)|\*/g, (_whole, name: string | undefined) => (hostile !== null ? encodeURIComponent(wellFormed(hostile)) : (values[name ?? ''] ?? 'x')));

  const gets = () => routes.filter((r) => r.method === 'GET');
  const posts = () => routes.filter((r) => r.method !== 'GET' && !r.url.startsWith('/api'));

  test('GET routes with random query strings and path segments, signed in or not: no 5xx, no hang', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...gets()), rawQuery(QUERY_NAMES), fc.option(fc.oneof(hostileText(40), loneSurrogate), { freq: 4 }), fc.boolean(), async (route, query, segment, signedIn) => {
        const url = `${path(route, segment)}?${query}`;
        const res = await bounded(url, () => (signedIn ? admin.get(url) : t.app.inject({ url })));
        assert.ok(res.statusCode < 500, `${route.url} -> ${url}: ${res.statusCode}`);
      }),
      fuzzParams(200),
    );
  });

  test('admin POST routes with random forms (repeated, missing, hostile fields), a valid CSRF token: no 5xx, no hang', async () => {
    const { csrfToken } = await admin.credentials();
    const value = fc.oneof(hostileText(80), fc.constantFrom('1', '0', '', 'en', 'ko', 'this', 'other', 'up', 'down', 'preview', 'enable', 'disable', '2026-12-01T09:00', '/admin', '//evil.example'));
    // Each field once or (often) twice, as a form with a repeated `email` or `password`.
    const field = fc.tuple(fc.constantFrom(...PARAMETER_NAMES), value, value, fc.boolean()).map(([name, a, b, twice]): [string, string][] => (twice ? [[name, a], [name, b]] : [[name, a]]));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...posts()), fc.array(field, { maxLength: 12 }), rawQuery(QUERY_NAMES), async (route, fields, query) => {
        const form = new URLSearchParams([['_csrf', csrfToken], ...fields.flat()]);
        const url = `${path(route, null)}?${query}`;
        const res = await bounded(url, () => admin.postRaw(url, form.toString(), 'application/x-www-form-urlencoded'));
        assert.ok(res.statusCode < 500, `${route.method} ${route.url}: ${res.statusCode} for ${form.toString().slice(0, 300)}`);
      }),
      fuzzParams(200),
    );
  });

  test('API writes with random JSON bodies and query strings: no 5xx, no hang', async () => {
    const apiWrites = routes.filter((r) => r.method !== 'GET' && /^\/api\/v1\/releases/.test(r.url));
    const json = fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc.constantFrom('', '{', '{"title":', 'null', '[]', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}', '{"title":"a","title":"b"}', '"\\ud800"'),
      fc.record({ title: hostileText(300), board: fc.constantFrom('press-releases', 'nope', ''), language: fc.constantFrom('en', 'ko', 'fr'), body_markdown: hostileText(300), tags: fc.array(hostileText(40), { maxLength: 12 }) }).map((b) => JSON.stringify(b)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...apiWrites), json, rawQuery(QUERY_NAMES), fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded'), async (route, body, query, type) => {
        const res = await bounded(route.url, () => t.app.inject({ method: route.method as 'POST', url: `${path(route, null)}?${query}`, headers: { 'content-type': type, authorization: `Bearer ${bearer}` }, payload: body }));
        assert.ok(res.statusCode < 500, `${route.method} ${route.url}: ${res.statusCode} for ${body.slice(0, 200)}`);
      }),
      fuzzParams(100),
    );
  });
});
