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

test('compressed copies are made once, when a page is cached, and reused by every hit', () => {
  const cache = makePageCache({ version: () => 'v1' });
  const stored = cache.set('k', 'v1', `<!doctype html><p>${'press release '.repeat(100)}</p>`);
  assert.ok(stored.encoded);
  assert.ok(stored.encoded.br.length < stored.body.length / 4);
  const hit = cache.get('k');
  assert.equal(hit?.encoded?.br, stored.encoded.br, 'the same buffer, not a new compression');
  assert.equal(cache.bytes, stored.body.length + stored.encoded.br.length + stored.encoded.gzip.length, 'the copies count against the byte bound');
  assert.equal(cache.set('small', 'v1', '<p>hi</p>').encoded, null, 'tiny bodies are not compressed');
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
