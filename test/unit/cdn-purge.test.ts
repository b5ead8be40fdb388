import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { makeHttpCdnPurger } from '../../src/adapters/http/http-cdn-purger.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { fileCacheControl, publicCacheControl } from '../../src/web/cache/shared-cache.js';
import { releaseChangeKeys } from '../../src/web/cache/surrogate-keys.js';

const L = { maxAge: 0, sMaxAge: 300, staleWhileRevalidate: 30 };

describe('Cache-Control for shared caches', () => {
  test('lifetimes are cut so that none, stale-while-revalidate included, reaches past the next public transition', () => {
    const cases: [number | null, string][] = [
      [null, 'public, max-age=0, s-maxage=300, stale-while-revalidate=30'],
      [3600, 'public, max-age=0, s-maxage=300, stale-while-revalidate=30'],
      [330, 'public, max-age=0, s-maxage=300, stale-while-revalidate=30'],
      [310, 'public, max-age=0, s-maxage=300, stale-while-revalidate=10'],
      [300, 'public, max-age=0, s-maxage=300'],
      [59.9, 'public, max-age=0, s-maxage=59'],
      [0.4, 'public, max-age=0, s-maxage=0'],
      [-5, 'public, max-age=0, s-maxage=0'],
    ];
    for (const [left, expected] of cases) assert.equal(publicCacheControl(L, left), expected, `with ${left} s left`);
    assert.equal(publicCacheControl({ maxAge: 60, sMaxAge: 600, staleWhileRevalidate: 120 }, 90), 'public, max-age=60, s-maxage=90');
    assert.equal(publicCacheControl({ maxAge: 60, sMaxAge: 30, staleWhileRevalidate: 120 }, 100), 'public, max-age=60, s-maxage=30, stale-while-revalidate=40');
  });

  test('files keep five minutes in browsers and the configured time in shared caches', () => {
    assert.equal(fileCacheControl(L), 'public, max-age=300, s-maxage=300, stale-while-revalidate=30');
    assert.equal(fileCacheControl({ maxAge: 0, sMaxAge: 86400, staleWhileRevalidate: 0 }), 'public, max-age=300, s-maxage=86400');
  });

  test('a release change purges its page, board, home, feeds, tag pages, sitemap, search, API and every file', () => {
    assert.deepEqual(releaseChangeKeys({ releaseId: 7, boardSlug: 'photos', language: 'ko', fileSha256s: ['a'.repeat(64)] }), [
      'release-7',
      'board-photos',
      'home',
      'feeds',
      'tags',
      'sitemap',
      'search',
      'api',
      `file-${'a'.repeat(64)}`,
    ]);
  });
});

test('CDN settings: defaults, values, and a bad purge URL reported without echoing it', () => {
  assert.deepEqual({ ...loadConfig({}).cdn }, { maxAge: 0, sMaxAge: 300, staleWhileRevalidate: 30, purgeUrl: null });
  const set = loadConfig({ PRESSROOM_CDN_S_MAXAGE: '600', PRESSROOM_CDN_STALE_WHILE_REVALIDATE: '0', PRESSROOM_CDN_PURGE_URL: 'http://127.0.0.1:6081/' }).cdn;
  assert.equal(set.sMaxAge, 600);
  assert.equal(set.staleWhileRevalidate, 0);
  assert.equal(set.purgeUrl, 'http://127.0.0.1:6081/');
  assert.throws(
    () => loadConfig({ PRESSROOM_CDN_MAX_AGE: '-1', PRESSROOM_CDN_PURGE_URL: 'ftp://user:secret@cache' }),
    (error: unknown) => error instanceof ConfigError && error.problems.length === 2 && !error.message.includes('secret') && /PRESSROOM_CDN_PURGE_URL=\(hidden\)/.test(error.message),
  );
});

describe('HTTP purge adapter', () => {
  // A raw TCP server: Node's HTTP parser refuses the BAN method (400) before a handler sees it.
  const seen: { method: string; headers: Record<string, string> }[] = [];
  let answers: number[] = [];
  let stall = false;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let head = '';
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const [requestLine = '', ...lines] = head.split('\r\n\r\n')[0]!.split('\r\n');
      head = '';
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      seen.push({ method: requestLine.split(' ')[0]!, headers });
      if (stall) return; // never answers: the adapter's timeout must end the attempt
      socket.write(`HTTP/1.1 ${answers.shift() ?? 200} X\r\ncontent-length: 0\r\n\r\n`);
    });
  });
  let url = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  test('sends one BAN with the keys, space-separated, in X-Purge-Keys', async () => {
    seen.length = 0;
    await makeHttpCdnPurger({ url }).purge(['release-1', 'board-photos', 'release-1']);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.method, 'BAN');
    assert.equal(seen[0]!.headers['x-purge-keys'], 'release-1 board-photos');
  });

  test('retries a refused purge, and rejects with what to check once the attempts are spent', async () => {
    seen.length = 0;
    answers = [503, 200];
    await makeHttpCdnPurger({ url, backoffMs: 1 }).purge(['home']);
    assert.equal(seen.length, 2, 'the second attempt succeeded');
    seen.length = 0;
    answers = [405, 405, 405];
    await assert.rejects(makeHttpCdnPurger({ url, backoffMs: 1 }).purge(['home']), /failed after 3 attempts \(answered 405\).*PRESSROOM_CDN_PURGE_URL/);
    assert.equal(seen.length, 3);
  });

  test('gives up on a cache that does not answer, within its timeout', async () => {
    stall = true;
    try {
      await assert.rejects(makeHttpCdnPurger({ url, timeoutMs: 100, attempts: 2, backoffMs: 1 }).purge(['home']), /no answer within 100 ms/);
    } finally {
      stall = false;
    }
  });

  test('splits many keys over several requests', async () => {
    seen.length = 0;
    await makeHttpCdnPurger({ url, keysPerRequest: 2 }).purge(['a', 'b', 'c']);
    assert.deepEqual(
      seen.map((s) => s.headers['x-purge-keys']),
      ['a b', 'c'],
    );
  });
});
