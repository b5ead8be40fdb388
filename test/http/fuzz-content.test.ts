import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { API_SCOPES } from '../../src/domain/api-scopes.js';
import { createAdminTestWeb, StaffBrowser, staffUser } from '../support/admin-web.js';
import { buildBoard, TEST_ACTOR } from '../support/factories.js';
import { assertWellFormedXml, bounded, fuzzParams, hostileText } from '../support/fuzz.js';
import type { TestWeb } from '../support/web.js';

const idFrom = (location: unknown) => Number(/\/(?:admin\/releases|api\/v1\/releases)\/(\d+)/.exec(String(location))?.[1]);

// Issue 13, "keep it fixed": hostile text in every field of the admin release form and of the API's
// draft writes. Properties: never a 5xx, never a hang; once such a release is published, every feed
// carrying it (site, board, tag; RSS and Atom), the sitemap and the release's own page and API
// answer stay well-formed.
describe('fuzz: hostile text through the admin form and the API, then the feeds', () => {
  let t: TestWeb;
  let writer: StaffBrowser;
  let bearer: string;

  before(async () => {
    t = await createAdminTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    writer = new StaffBrowser(t, staffUser('writer', 'Fuzz Writer'));
    await writer.get('/admin');
    await t.system.accounts.createUser({ email: 'api-owner@press.example', name: 'API Owner', role: 'admin', password: 'correct horse battery staple' }, { userId: null, label: 'system:test', ip: null });
    bearer = (await t.system.apiTokens.create({ name: 'fuzz', ownerEmail: 'api-owner@press.example', scopes: [...API_SCOPES] }, TEST_ACTOR)).secret;
  });
  after(async () => t?.close());

  /** Publishes the release, then checks every document that carries it. */
  async function publishAndCheck(id: number, language: string, tags: string[]) {
    await t.system.commands.submitRelease(id, TEST_ACTOR);
    await t.system.commands.approveRelease(id, TEST_ACTOR);
    await t.system.commands.publishRelease(id, TEST_ACTOR);
    await t.settled();
    const release = (await t.system.releases.getRelease(id))!;
    const feeds = [`/${language}/feed.xml`, `/${language}/feed.atom`, `/${language}/press-releases/feed.xml`, `/${language}/press-releases/feed.atom`, '/sitemap.xml'];
    // Stored tags are well-formed text (lone surrogates become U+FFFD at the edge), so each has a URL.
    for (const tag of tags) feeds.push(`/${language}/tags/${encodeURIComponent(tag)}/feed.xml`, `/${language}/tags/${encodeURIComponent(tag)}/feed.atom`);
    for (const url of feeds) {
      const res = await bounded(url, () => t.app.inject({ url }));
      assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
      assertWellFormedXml(res.body, url);
    }
    const page = await t.app.inject({ url: `/${language}/press-releases/${release.number}` });
    assert.equal(page.statusCode, 200);
    const api = await t.app.inject({ url: `/api/v1/boards/press-releases/releases/${language}/${release.number}` });
    assert.equal(api.statusCode, 200);
    JSON.parse(api.body);
    // Out of the feeds again, so each case is judged on its own text (and shrinking finds the culprit).
    await t.system.commands.withdrawRelease(id, 'Fuzz case done', TEST_ACTOR);
  }

  const fields = fc.record({
    language: fc.constantFrom('en', 'ko'),
    title: hostileText(200),
    subtitle: hostileText(120),
    bodyMarkdown: hostileText(400),
    department: hostileText(80),
    contactName: hostileText(60),
    contactPhone: hostileText(30),
    contactEmail: fc.oneof(fc.constant(''), fc.constant('press@mnd.example'), hostileText(40)),
    tags: fc.array(hostileText(30), { maxLength: 3 }),
  });

  test('the admin release form: no 5xx, and a published release keeps every feed well-formed', async () => {
    await fc.assert(
      fc.asyncProperty(fields, async (f) => {
        const res = await bounded('POST /admin/releases', () => writer.post('/admin/releases', { ...f, boardSlug: 'press-releases', tags: f.tags.join(', ') }));
        assert.ok(res.statusCode === 303 || (res.statusCode >= 400 && res.statusCode < 500), `status ${res.statusCode}`);
        if (res.statusCode !== 303) return;
        const id = idFrom(res.headers.location);
        const edition = (await t.system.editions.latestEdition(id))!;
        await publishAndCheck(id, f.language, edition.tags);
      }),
      fuzzParams(15),
    );
  });

  test('the API draft writes: no 5xx, and a published release keeps every feed well-formed', async () => {
    await fc.assert(
      fc.asyncProperty(fields, hostileText(80), async (f, changeNote) => {
        const body = { board: 'press-releases', language: f.language, title: f.title, subtitle: [f.subtitle], body_markdown: f.bodyMarkdown, department: f.department, contact: f.contactName ? { name: f.contactName, phone: f.contactPhone, email: f.contactEmail } : null, tags: f.tags };
        const headers = { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' };
        const res = await bounded('POST /api/v1/releases', () => t.app.inject({ method: 'POST', url: '/api/v1/releases', headers, payload: JSON.stringify(body) }));
        assert.ok(res.statusCode === 201 || (res.statusCode >= 400 && res.statusCode < 500), `status ${res.statusCode}: ${res.body.slice(0, 200)}`);
        if (res.statusCode !== 201) return;
        const id = idFrom(res.headers.location);
        const edit = await t.app.inject({ method: 'PATCH', url: `/api/v1/releases/${id}/edition`, headers: { ...headers, 'if-match': String(res.headers.etag) }, payload: JSON.stringify({ title: f.title || 'Title', department: changeNote }) });
        assert.ok(edit.statusCode < 500, `PATCH: ${edit.statusCode}`);
        const edition = (await t.system.editions.latestEdition(id))!;
        await publishAndCheck(id, f.language, edition.tags);
      }),
      fuzzParams(15),
    );
  });
});
