import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyRequest } from 'fastify';
import { NotFoundError, StorageUnavailableError } from '../../src/domain/errors.js';
import { cacheOrRender, isNotModified } from '../../src/web/cache/cached-response.js';
import { makePageCache } from '../../src/web/cache/page-cache.js';
import { statusOf } from '../../src/web/errors.js';

function versioned() {
  const state = { version: '1' };
  const version = { current: () => state.version };
  return { state, cache: { pages: makePageCache({ version: version.current }), version } };
}

test('cacheOrRender renders once while the version holds, and again after it changes', async () => {
  const { state, cache } = versioned();
  let renders = 0;
  const render = async () => ({ text: `page ${++renders}`, keys: ['home'] });
  const first = await cacheOrRender(cache, 'home:en', render);
  const second = await cacheOrRender(cache, 'home:en', render);
  assert.equal(second.body.toString(), 'page 1');
  assert.equal(second.etag, first.etag);
  assert.deepEqual(second.keys, ['home']);
  state.version = '2';
  assert.equal((await cacheOrRender(cache, 'home:en', render)).body.toString(), 'page 2');
});

test('a change while rendering leaves the entry stale, never served as current', async () => {
  const { state, cache } = versioned();
  let renders = 0;
  const made = await cacheOrRender(cache, 'k', async () => {
    renders += 1;
    state.version = '2'; // a publication lands while this page is being made
    return { text: 'old' };
  });
  assert.equal(made.body.toString(), 'old');
  assert.equal((await cacheOrRender(cache, 'k', async () => ({ text: `new ${++renders}` }))).body.toString(), 'new 2');
});

test('without a cache every request renders; a render with nothing to show stores nothing', async () => {
  let renders = 0;
  await cacheOrRender(undefined, 'k', async () => ({ text: String(++renders) }));
  assert.equal((await cacheOrRender(undefined, 'k', async () => ({ text: String(++renders) }))).body.toString(), '2');
  const { cache } = versioned();
  assert.equal(await cacheOrRender(cache, 'missing', async () => null), null);
  assert.equal(cache.pages.size, 0);
});

const request = (headers: Record<string, string>) => ({ headers }) as unknown as FastifyRequest;

test('isNotModified: If-None-Match decides when sent, else If-Modified-Since against Last-Modified', () => {
  const lastModified = Date.parse('2026-11-29T09:00:00Z');
  assert.equal(isNotModified(request({ 'if-none-match': 'W/"a", "b-br"' }), '"b-br"'), true);
  assert.equal(isNotModified(request({ 'if-none-match': '"a"' }), '"b"', lastModified), false);
  // An If-None-Match that does not match wins over a fresh If-Modified-Since (RFC 9110 13.1.3).
  assert.equal(isNotModified(request({ 'if-none-match': '"a"', 'if-modified-since': 'Sun, 29 Nov 2026 10:00:00 GMT' }), '"b"', lastModified), false);
  assert.equal(isNotModified(request({ 'if-modified-since': 'Sun, 29 Nov 2026 09:00:00 GMT' }), '"b"', lastModified), true);
  assert.equal(isNotModified(request({ 'if-modified-since': 'Sun, 29 Nov 2026 08:59:59 GMT' }), '"b"', lastModified), false);
  assert.equal(isNotModified(request({ 'if-modified-since': 'not a date' }), '"b"', lastModified), false);
  assert.equal(isNotModified(request({ 'if-modified-since': 'Sun, 29 Nov 2026 09:00:00 GMT' }), '"b"'), false);
});

test('statusOf: a domain error by its code, anything else a plain 500', () => {
  assert.equal(statusOf(new NotFoundError('No such release')), 404);
  assert.equal(statusOf(new StorageUnavailableError('disk full')), 503);
  assert.equal(statusOf(new Error('boom')), 500);
  assert.equal(statusOf({ code: 'NOT_FOUND' }), 500);
});
