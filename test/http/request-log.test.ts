import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createWebApp } from '../../src/main/web-app.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

interface LogLine {
  level: number;
  msg: string;
  url?: string;
  statusCode?: number;
  ms?: number;
}
const WARN = 40;

/** A web app logging at `level` into memory. */
async function loggedWeb(ts: TestSystem, level: string, slowRequestMs?: number) {
  const lines: LogLine[] = [];
  const web = await createWebApp(ts.system, {
    siteName: 'T', baseUrl: 'https://news.example.org', timeZone: 'Asia/Seoul', demo: false, schedulerMs: 0, logLevel: level, slowRequestMs,
    logStream: { write: (text: string) => void lines.push(JSON.parse(text) as LogLine) },
  });
  return { web, lines };
}

// Access logs at info grew to 93 MB in 60 s of load: requests are logged at debug, failures and slow ones at warn.
describe('request logging', () => {
  const open: { stop(): Promise<void> }[] = [];
  const systems: TestSystem[] = [];
  after(async () => {
    for (const w of open) await w.stop();
    for (const s of systems) await s.close();
  });

  test('at the default level (info), ordinary requests write no log line at all', async () => {
    const ts = await createTestSystem();
    systems.push(ts);
    await buildBoard(ts.system, { slug: 'press-releases' });
    await buildRelease(ts.system, { boardSlug: 'press-releases' });
    const { web, lines } = await loggedWeb(ts, 'info');
    open.push(web);
    const before = lines.length;
    for (const url of ['/en/', '/en/press-releases', '/en/press-releases/1', '/en/feed.xml', '/api/v1/releases', '/nowhere', '/en/search?q=test']) {
      assert.ok((await web.app.inject({ url })).statusCode < 500, url);
    }
    assert.deepEqual(lines.slice(before), []);
    web.app.log.info('probe');
    assert.equal(lines.at(-1)?.msg, 'probe', 'the log is captured: its silence above is real');
  });

  test('at debug, each request is one line with method, URL (secrets masked), status and time', async () => {
    const ts = await createTestSystem();
    systems.push(ts);
    const { web, lines } = await loggedWeb(ts, 'debug');
    open.push(web);
    await web.app.inject({ url: '/healthz' });
    await web.app.inject({ url: '/preview/secret-preview-token-value' });
    await web.app.inject({ method: 'POST', url: '/admin/releases/1/attachments?_csrf=secret-csrf-value' });
    const access = lines.filter((l) => l.msg === 'request completed');
    assert.equal(access.length, 3, JSON.stringify(lines.map((l) => l.msg)));
    assert.deepEqual({ url: access[0]!.url, statusCode: access[0]!.statusCode }, { url: '/healthz', statusCode: 200 });
    assert.equal(typeof access[0]!.ms, 'number');
    assert.equal(access[1]!.url, '/preview/[token]');
    assert.equal(access[2]!.url, '/admin/releases/1/attachments?_csrf=[token]');
    assert.ok(!JSON.stringify(lines).includes('secret-'), 'no secret reaches the log');
  });

  test('server errors and slow requests are logged at warn, so they show at the default level', async () => {
    const ts = await createTestSystem();
    systems.push(ts);
    const { web, lines } = await loggedWeb(ts, 'info');
    open.push(web);
    const catalog = ts.system.catalog as { contentVersion: () => Promise<unknown> };
    const real = catalog.contentVersion;
    catalog.contentVersion = () => Promise.reject(new Error('database unreachable'));
    try {
      assert.equal((await web.app.inject({ url: '/healthz' })).statusCode, 503);
    } finally {
      catalog.contentVersion = real;
    }
    const failed = lines.filter((l) => l.msg === 'request failed');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.level, WARN);
    assert.equal(failed[0]!.statusCode, 503);

    const ts2 = await createTestSystem();
    systems.push(ts2);
    const slow = await loggedWeb(ts2, 'info', 0);
    open.push(slow.web);
    await slow.web.app.inject({ url: '/healthz' });
    assert.deepEqual(slow.lines.filter((l) => l.msg === 'slow request').map((l) => [l.level, l.url]), [[WARN, '/healthz']]);
  });
});
