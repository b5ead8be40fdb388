import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ERROR_CODES } from '../../src/domain/errors.js';
import { openApiPath } from '../../src/web/api/openapi.js';
import { API_ROUTES } from '../../src/web/api/routes.js';
import { API_WRITE_ROUTES } from '../../src/web/api/write-routes.js';
import { buildBoard, buildRelease, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const BASE = 'https://news.example.org';

interface Summary {
  id: number;
  board: string;
  language: string;
  number: number;
  title: string;
  tags: string[];
  first_published_at: string;
  url: string;
  api_url: string;
}
interface ErrorBody {
  errors: { code: string; message: string; field: string | null }[];
}

describe('JSON API v1 (read side)', () => {
  let t: TestWeb;
  let withFiles: { id: number; number: number };
  let withdrawn: { number: number };
  let embargoed: { number: number };

  before(async () => {
    t = await createTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    await buildBoard(t.system, { slug: 'photos', kind: 'photo' });
    for (let i = 1; i <= 5; i++) {
      t.clock.advance(60_000);
      await buildRelease(t.system, { boardSlug: 'press-releases', title: `Notice ${i}`, tags: i % 2 ? ['budget'] : ['국방', 'budget'] });
    }
    t.clock.advance(60_000);
    const f = await buildRelease(t.system, {
      boardSlug: 'photos',
      title: 'Photo call',
      subtitle: ['First line', 'Second line'],
      bodyMarkdown: 'Hello <script>alert(1)</script> **bold**',
      department: 'Press office',
      files: [{ fileName: '예산 자료.pdf', bytes: await pdfBytes('budget') }],
    });
    withFiles = { id: f.release.id, number: f.release.number! };
    await buildRelease(t.system, { boardSlug: 'press-releases', title: '한국어 보도자료', language: 'ko' });
    await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Unfinished draft', state: 'draft', tags: ['secret'] });
    const e = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Embargoed', state: 'embargoed', tags: ['secret'] });
    embargoed = { number: e.release.number! };
    const w = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'Pulled', state: 'withdrawn', tags: ['secret'] });
    withdrawn = { number: w.release.number! };
  });
  after(async () => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  test('boards are listed with absolute page URLs, CORS and caching headers', async () => {
    const res = await get('/api/v1/boards');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/json/);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.match(res.headers['cache-control'] as string, /^public, max-age=0, s-maxage=\d+/);
    const { data } = res.json() as { data: { slug: string; urls: { en: string } }[] };
    assert.deepEqual(
      data.map((b) => b.slug),
      ['press-releases', 'photos'],
    );
    assert.equal(data[0]!.urls.en, `${BASE}/en/press-releases`);
  });

  test('releases: newest first, only listed ones, with filters', async () => {
    const { data } = (await get('/api/v1/releases')).json() as { data: Summary[] };
    const titles = data.map((r) => r.title);
    assert.deepEqual(titles, ['한국어 보도자료', 'Photo call', 'Notice 5', 'Notice 4', 'Notice 3', 'Notice 2', 'Notice 1']);
    const en = (await get('/api/v1/releases?language=en&board=press-releases')).json() as { data: Summary[] };
    assert.equal(en.data.length, 5);
    assert.equal(en.data[0]!.url, `${BASE}/en/press-releases/${en.data[0]!.number}`);
    const tagged = (await get(`/api/v1/releases?tag=${encodeURIComponent('국방')}`)).json() as { data: Summary[] };
    assert.deepEqual(
      tagged.data.map((r) => r.title),
      ['Notice 4', 'Notice 2'],
    );
    const notice3 = data.find((r) => r.title === 'Notice 3')!;
    const since = (await get(`/api/v1/releases?since=${encodeURIComponent(notice3.first_published_at)}&language=en`)).json() as { data: Summary[] };
    assert.deepEqual(
      since.data.map((r) => r.title),
      ['Photo call', 'Notice 5', 'Notice 4', 'Notice 3'],
    );
    const until = (await get(`/api/v1/releases?until=${encodeURIComponent(notice3.first_published_at)}`)).json() as { data: Summary[] };
    assert.deepEqual(
      until.data.map((r) => r.title),
      ['Notice 2', 'Notice 1'],
    );
    assert.equal(((await get('/api/v1/releases?until=2026-11-19')).json() as { data: Summary[] }).data.length, 0);
    assert.equal(((await get('/api/v1/releases?since=2026-11-20')).json() as { data: Summary[] }).data.length, 7);
    assert.equal((await get('/api/v1/releases?board=no-such-board')).statusCode, 404);
  });

  test('cursor pagination walks every listed release exactly once', async () => {
    const seen: string[] = [];
    let url = '/api/v1/releases?limit=3';
    for (let pages = 0; pages < 10; pages++) {
      const body = (await get(url)).json() as { data: Summary[]; next_cursor: string | null };
      assert.ok(body.data.length <= 3);
      seen.push(...body.data.map((r) => r.title));
      if (!body.next_cursor) break;
      assert.match(body.next_cursor, /^[A-Za-z0-9_-]+$/);
      url = `/api/v1/releases?limit=3&cursor=${body.next_cursor}`;
    }
    assert.equal(seen.length, 7);
    assert.equal(new Set(seen).size, 7);
    assert.ok(!seen.some((s) => ['Unfinished draft', 'Embargoed', 'Pulled'].includes(s)));
  });

  test('validation errors list every issue with its field', async () => {
    const res = await get('/api/v1/releases?limit=0&cursor=nope!&since=yesterday&language=fr');
    assert.equal(res.statusCode, 400);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    const body = res.json() as ErrorBody;
    assert.deepEqual(body.errors.map((e) => e.field).sort(), ['cursor', 'language', 'limit', 'since']);
    assert.ok(body.errors.every((e) => e.code === 'VALIDATION_FAILED' && e.message.length > 0));
    assert.equal((await get('/api/v1/releases?limit=101')).statusCode, 400);
    assert.equal((await get(`/api/v1/releases?cursor=${Buffer.from('x.y').toString('base64url')}`)).statusCode, 400);
    const params = (await get('/api/v1/boards/press-releases/releases/fr/abc')).json() as ErrorBody;
    assert.deepEqual(params.errors.map((e) => e.field).sort(), ['language', 'number']);
  });

  test('a release in full: markdown and sanitized html, attachments with absolute URLs', async () => {
    const res = await get(`/api/v1/boards/photos/releases/en/${withFiles.number}`);
    assert.equal(res.statusCode, 200);
    const { data } = res.json() as { data: Record<string, unknown> & { attachments: { url: string; byte_size: number }[]; body_html: string } };
    assert.equal(data.title, 'Photo call');
    assert.equal(data.status, 'published');
    assert.equal(data.withdrawal, null);
    assert.deepEqual(data.subtitle, ['First line', 'Second line']);
    assert.equal(data.department, 'Press office');
    assert.match(data.body_html, /<strong>bold<\/strong>/);
    assert.doesNotMatch(data.body_html, /<script/);
    assert.equal(data.attachments.length, 1);
    assert.match(data.attachments[0]!.url, new RegExp(`^${BASE}/files/[0-9a-f]{64}/${encodeURIComponent('예산 자료.pdf')}$`));
    assert.equal((await get(data.attachments[0]!.url.slice(BASE.length))).statusCode, 200, 'the download URL works');
    assert.equal(data.url, `${BASE}/en/photos/${withFiles.number}`);
  });

  test('withdrawn answers with its notice; drafts, embargoed and unknown are JSON 404s', async () => {
    const w = (await get(`/api/v1/boards/press-releases/releases/en/${withdrawn.number}`)).json() as { data: { status: string; withdrawal: { reason: string } } };
    assert.equal(w.data.status, 'withdrawn');
    assert.equal(w.data.withdrawal.reason, 'Issued in error');
    const hidden = await get(`/api/v1/boards/press-releases/releases/en/${embargoed.number}`);
    assert.equal(hidden.statusCode, 404);
    assert.equal((hidden.json() as ErrorBody).errors[0]!.code, 'NOT_FOUND');
    assert.equal((await get('/api/v1/boards/press-releases/releases/en/9999')).statusCode, 404);
    for (const url of ['/api', '/api/', '/api/v1', '/api/v1/releases/extra/segments']) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.headers['content-type'] as string, /^application\/json/, url);
    }
    const unknown = await get('/api/v2/nothing');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.headers['content-type'] as string, /^application\/json/);
    assert.equal((unknown.json() as ErrorBody).errors[0]!.code, 'NOT_FOUND');
  });

  test('tags of listed releases with counts; hidden releases do not count', async () => {
    const { data } = (await get('/api/v1/tags')).json() as { data: { tag: string; count: number }[] };
    assert.deepEqual(data, [
      { tag: 'budget', count: 5 },
      { tag: '국방', count: 2 },
    ]);
    assert.deepEqual(((await get('/api/v1/tags?language=ko')).json() as { data: unknown[] }).data, []);
  });

  test('ETag and If-None-Match answer 304; a change changes the ETag', async () => {
    const first = await get('/api/v1/releases');
    const etag = first.headers.etag as string;
    assert.ok(etag);
    const again = await get('/api/v1/releases', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    t.clock.advance(60_000);
    await t.system.commands.withdrawRelease(withFiles.id, 'Issued in error', TEST_ACTOR);
    const changed = await get('/api/v1/releases', { 'if-none-match': etag });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, etag);
  });

  test('CORS preflight is answered', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/releases', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' } });
    assert.equal(res.statusCode, 204);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.match(res.headers['access-control-allow-methods'] as string, /GET/);
  });

  test('the OpenAPI document covers every registered route, every documented path answers, and the error catalogue (ERROR_CODES and RATE_LIMITED) matches docs/api.md', async () => {
    const res = await get('/api/openapi.json');
    assert.equal(res.statusCode, 200);
    const doc = res.json() as {
      openapi: string;
      paths: Record<string, { get?: { parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { enum?: string[] }> };
      'x-error-codes': { code: string; status: number }[];
    };
    assert.equal(doc.openapi, '3.1.0');
    const registered = [...new Set([...API_ROUTES, ...API_WRITE_ROUTES].map((r) => openApiPath(`/api${r.path}`)))];
    assert.ok(registered.length >= 5);
    assert.deepEqual(registered.sort(), Object.keys(doc.paths).sort(), 'no drift between routes and document');
    const reads = Object.keys(doc.paths).filter((path) => API_ROUTES.some((r) => openApiPath(`/api${r.path}`) === path));
    for (const path of reads) {
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      assert.ok(t.app.hasRoute({ method: 'GET', url }), `the live server routes ${url}`);
    }
    // Every read answers with its required parameters filled in (the write side: test/http/api-write.test.ts).
    const examples: Record<string, string> = { slug: 'press-releases', language: 'en', number: String(withdrawn.number), q: 'notice' };
    for (const path of reads) {
      const required = doc.paths[path]!.get!.parameters.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=${examples[p.name]}`);
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => examples[name]!) + (required.length > 0 ? `?${required.join('&')}` : '');
      assert.equal((await get(url)).statusCode, 200, url);
    }
    const listParams = doc.paths['/api/v1/releases']!.get!.parameters.map((p) => p.name).sort();
    assert.deepEqual(listParams, ['board', 'cursor', 'language', 'limit', 'since', 'tag', 'until']);
    assert.ok(doc.components.schemas.ErrorResponse);
    assert.deepEqual(doc.components.schemas.ErrorCode!.enum, [...ERROR_CODES]);
    assert.deepEqual(
      doc['x-error-codes'].map((e) => e.code),
      [...ERROR_CODES],
    );
    assert.deepEqual(doc['x-error-codes'].find((e) => e.code === 'RATE_LIMITED'), { code: 'RATE_LIMITED', status: 429 });
    // docs/api.md's error table lists the same codes with the same statuses.
    const table = [...readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8').matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => ({ code: m[1]!, status: Number(m[2]) }));
    assert.deepEqual(
      table.sort((a, b) => a.code.localeCompare(b.code)),
      [...doc['x-error-codes']].sort((a, b) => a.code.localeCompare(b.code)),
    );
    assert.ok(JSON.stringify(doc).includes('"#/components/schemas/ReleaseSummary"'));
    assert.ok(!JSON.stringify(doc).includes('#/$defs/'));
  });
});
