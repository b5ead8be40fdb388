import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding } from '../../src/web/cache/encoding.js';
import { makePageCache } from '../../src/web/cache/page-cache.js';
import { buildBoard, buildRelease, pdfBytes } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

test('Accept-Encoding: brotli first, then gzip; q=0 refuses; * stands for the rest', () => {
  assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(chooseEncoding('gzip, deflate'), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(chooseEncoding('identity'), null);
  assert.equal(chooseEncoding('*'), 'br');
  assert.equal(chooseEncoding('*;q=0, identity'), null);
  assert.equal(chooseEncoding(undefined), null);
});

test('compressed copies are made once, when first asked for, and reused by every hit; the cache counts them', () => {
  const cache = makePageCache({ version: () => 'v1' });
  const stored = cache.set('k', 'v1', `<!doctype html><p>${'press release '.repeat(100)}</p>`);
  assert.ok(stored.encoded);
  assert.equal(cache.bytes, stored.body.length, 'nothing is compressed before a client asks');
  const br = stored.encoded.copy('br');
  assert.ok(br.length < stored.body.length / 4);
  const hit = cache.get('k');
  assert.equal(hit?.encoded?.copy('br'), br, 'the same buffer, not a new compression');
  const gzip = stored.encoded.copy('gzip');
  assert.equal(cache.bytes, stored.body.length + br.length + gzip.length, 'the copies count against the byte bound');
  assert.equal(cache.set('small', 'v1', '<p>hi</p>').encoded, null, 'tiny bodies are not compressed');
});

test('a copy made later still respects the byte bound: the least recently used page goes', () => {
  const page = (n: number) => `<!doctype html><p>${`press release ${n} `.repeat(200)}</p>`;
  const size = Buffer.byteLength(page(1));
  const cache = makePageCache({ version: () => 'v1', maxBytes: size * 2 + 50 });
  cache.set('a', 'v1', page(1));
  const b = cache.set('b', 'v1', page(2));
  assert.equal(cache.size, 2);
  b.encoded!.copy('gzip');
  assert.equal(cache.size, 1, 'the gzip copy of b pushed the cache over its bound, so a (older) was dropped');
  assert.ok(cache.get('b'));
  assert.equal(cache.get('a'), undefined);
});

describe('compressed responses over HTTP (#17)', () => {
  let t: TestWeb;
  let fileUrl: string;
  before(async () => {
    t = await createTestWeb();
    await buildBoard(t.system, { slug: 'press-releases' });
    for (let i = 0; i < 3; i++) await buildRelease(t.system, { boardSlug: 'press-releases', title: `Release ${i}`, bodyMarkdown: 'A paragraph of body text. '.repeat(40) });
    const { edition } = await buildRelease(t.system, { boardSlug: 'press-releases', title: 'With a file', files: [{ fileName: 'report.pdf', bytes: await pdfBytes() }] });
    const attachment = (await t.system.attachments.attachmentsOf(edition.id))[0]!;
    fileUrl = `/files/${attachment.sha256}/report.pdf`;
    await t.settled();
  });
  after(async () => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  for (const url of ['/en/', '/en/press-releases', '/en/press-releases/1', '/en/feed.xml', '/sitemap.xml', '/api/v1/releases?language=en']) {
    test(`${url}: brotli, gzip or none as asked, Vary: Accept-Encoding, one ETag per coding, 304 per coding`, async () => {
      const plain = await get(url);
      assert.equal(plain.statusCode, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.headers.vary, 'Accept-Encoding');
      const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(br.headers.vary, 'Accept-Encoding');
      assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), plain.body);
      assert.ok(br.rawPayload.length < plain.rawPayload.length);
      const gz = await get(url, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gz.rawPayload).toString('utf8'), plain.body);
      const tags = new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]);
      assert.equal(tags.size, 3, 'each coding has its own ETag');
      assert.equal((await get(url, { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) })).statusCode, 304);
      assert.equal((await get(url, { 'accept-encoding': 'gzip', 'if-none-match': `W/${String(gz.headers.etag)}` })).statusCode, 304);
      // The identity copy's tag does not stand for the brotli bytes.
      assert.equal((await get(url, { 'accept-encoding': 'br', 'if-none-match': String(plain.headers.etag) })).statusCode, 200);
    });
  }

  test('the hashed stylesheet is compressed and immutable for a year; attachments keep a short max-age (they can be taken down)', async () => {
    const home = await get('/en/');
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(home.body)![1]!;
    const res = await get(css, { 'accept-encoding': 'br' });
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(brotliDecompressSync(res.rawPayload).toString('utf8'), /--brand/);
    assert.equal((await get(css, { 'accept-encoding': 'br', 'if-none-match': String(res.headers.etag) })).statusCode, 304);
    const file = await get(fileUrl, { 'accept-encoding': 'br' });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-encoding'], undefined, 'PDFs go as stored');
    assert.match(file.headers['cache-control'] as string, /^public, max-age=300, s-maxage=\d+/);
  });
});
