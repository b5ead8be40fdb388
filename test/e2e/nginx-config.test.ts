// deploy/nginx/pressroom.conf as an operator installs it (TLS with a throwaway self-signed
// certificate, the HTTP redirect, the upstream of two servers), run by Debian's nginx in front of two
// recording stub servers: what nginx sends the app servers, what it retries, what it caches.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort, nginxInstalledConfig, nginxSkip, startNginx, type RunningNginx } from '../support/nginx.js';

const OPENSSL = '/usr/bin/openssl';
const isCI = process.env.CI === 'true' || process.env.CI === '1';
const skip = nginxSkip() || (!existsSync(OPENSSL) && !isCI ? `openssl not found at ${OPENSSL} (needed for a test certificate)` : false);

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The connection's port on nginx's side: the same for requests on one kept-alive connection. */
  peerPort: number;
}

/** An app server stand-in that records what reaches it; `flaky` answers 503 on /flaky (as a stopping server does). */
async function stub(flaky: boolean): Promise<{ server: Server; address: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, peerPort: req.socket.remotePort ?? 0 });
      if (flaky && req.url === '/flaky') {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('stopping');
      } else if (req.url?.startsWith('/assets/')) {
        res.writeHead(200, { 'content-type': 'text/css', 'cache-control': 'public, max-age=31536000, immutable' }).end('body{}');
      } else {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<p>${'page '.repeat(400)}</p>`);
      }
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, address: `127.0.0.1:${port}`, seen };
}

/** One request to nginx as a browser at news.example.go.kr makes it (HTTPS: the self-signed certificate is accepted). */
function send(secure: boolean, port: number, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const request = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: 'news.example.go.kr', ...options.headers }, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
const https = (port: number, path: string, options: { method?: string; headers?: Record<string, string> } = {}) => send(true, port, path, options);

describe('deploy/nginx/pressroom.conf as installed (#18)', { skip }, () => {
  let dir: string;
  let nginx: RunningNginx;
  let httpsPort: number;
  let one: Awaited<ReturnType<typeof stub>>;
  let two: Awaited<ReturnType<typeof stub>>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pressroom-tls-'));
    execFileSync(OPENSSL, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=news.example.go.kr', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    [one, two] = await Promise.all([stub(true), stub(false)]);
    httpsPort = await freePort();
    nginx = await startNginx([], (prefix, httpPort) =>
      nginxInstalledConfig({ httpPort, httpsPort, prefix, upstreams: [one.address, two.address], certificate: join(dir, 'cert.pem'), key: join(dir, 'key.pem') }),
    );
  });
  after(async () => {
    await nginx?.stop();
    one?.server.close();
    two?.server.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const allSeen = () => [...one.seen, ...two.seen];

  test('plain HTTP redirects to the same URL over HTTPS', async () => {
    const response = await send(false, Number(new URL(nginx.origin).port), '/en/press-releases?page=2');
    assert.equal(response.status, 301);
    assert.equal(response.headers.location, 'https://news.example.go.kr/en/press-releases?page=2');
  });

  test('over HTTPS the app servers get the host, the protocol and the client address appended, on kept-alive HTTP/1.1', async () => {
    const before = allSeen().length;
    const answer = await https(httpsPort, '/en/', { headers: { 'x-forwarded-for': '6.6.6.6' } });
    assert.equal(answer.status, 200);
    const [seen] = allSeen().slice(before);
    assert.ok(seen);
    assert.equal(seen.headers.host, 'news.example.go.kr');
    assert.equal(seen.headers['x-forwarded-proto'], 'https', 'session cookies are Secure behind TLS (PRESSROOM_TRUST_PROXY)');
    assert.equal(seen.headers['x-forwarded-for'], '6.6.6.6, 127.0.0.1', "the client's claim is kept, nginx's own view appended last");
    assert.notEqual(seen.headers.connection, 'close');
    for (let i = 0; i < 4; i++) await https(httpsPort, '/en/');
    const ports = allSeen().slice(before).map((s) => s.peerPort);
    assert.ok(new Set(ports).size < ports.length, `connections to the app servers are kept alive and reused (nginx ports ${ports.join(', ')})`);
  });

  test('a page the app sent uncompressed is not compressed again by nginx (gzip off; the app compresses)', async () => {
    const answer = await https(httpsPort, '/en/', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['content-encoding'], undefined);
  });

  test('a GET that one server answers 503 (stopping, database unreachable) is answered by the other', async () => {
    const tried = () => one.seen.filter((s) => s.url === '/flaky').length;
    for (let i = 0; i < 6; i++) assert.equal((await https(httpsPort, '/flaky')).status, 200, `GET ${i + 1}`);
    assert.ok(tried() >= 1, 'the failing server was asked, and its 503 retried on the other');
  });

  test('a POST is never sent to a second server, even when the first answers 503', async () => {
    // nginx of its own: the previous test has left the failing server out for fail_timeout.
    const port = await freePort();
    const own = await startNginx([], (prefix, httpPort) =>
      nginxInstalledConfig({ httpPort, httpsPort: port, prefix, upstreams: [one.address, two.address], certificate: join(dir, 'cert.pem'), key: join(dir, 'key.pem') }),
    );
    try {
      const posts = (): number => allSeen().filter((s) => s.method === 'POST').length;
      const before = posts();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await https(port, '/flaky', { method: 'POST' })).status);
      assert.ok(statuses.includes(503), 'a POST reached the failing server');
      assert.equal(posts() - before, 6, 'each POST reached exactly one server');
    } finally {
      await own.stop();
    }
  });

  test('hashed assets are cached by nginx: the second request does not reach the app servers', async () => {
    const count = () => allSeen().filter((s) => s.url === '/assets/site-0123abcd.css').length;
    const first = await https(httpsPort, '/assets/site-0123abcd.css');
    const second = await https(httpsPort, '/assets/site-0123abcd.css');
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(second.body, 'body{}');
    assert.equal(second.headers['x-cache-status'], 'HIT');
    assert.equal(count(), 1);
  });
});
