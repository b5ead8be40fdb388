// Debian's nginx as a child process on a free loopback port, configured from the deployed
// deploy/nginx/pressroom.conf (its `upstream pressroom` block and its HTTPS server's body, served
// over plain HTTP here), so the multi-server test and the cluster bench go through the directives an
// operator installs: passive health checks, proxy_next_upstream, keepalive, forwarded headers.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
export { freePort };

export const NGINX = process.env.PRESSROOM_NGINX ?? '/usr/sbin/nginx';
export const DEPLOYED_CONFIG = fileURLToPath(new URL('../../deploy/nginx/pressroom.conf', import.meta.url));
const isCI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * The `skip` option for suites that need nginx: a one-line reason when it is missing, or false. With
 * CI=true a missing nginx is not skipped: the suite runs and fails at start, naming what to install.
 */
export function nginxSkip(): string | false {
  if (existsSync(NGINX) || isCI) return false;
  return `nginx not found at ${NGINX} (apt-get install nginx to run this suite)`;
}


/** The text of a file with its comments removed (no directive in ours carries a `#`). */
function withoutComments(text: string): string {
  return text.replace(/(^|\s)#.*$/gm, '$1');
}

/** The top-level `header { ... }` blocks and `directive ...;` statements of an nginx file, in order. */
function topLevel(text: string): { head: string; body: string | null }[] {
  const items: { head: string; body: string | null }[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ';') {
      items.push({ head: text.slice(start, i).trim(), body: null });
      start = i + 1;
    } else if (c === '{') {
      let depth = 1;
      let j = i + 1;
      for (; j < text.length && depth > 0; j++) depth += text[j] === '{' ? 1 : text[j] === '}' ? -1 : 0;
      if (depth !== 0) throw new Error('deploy/nginx/pressroom.conf: unbalanced braces');
      items.push({ head: text.slice(start, i).trim(), body: text.slice(i + 1, j - 1) });
      start = j;
      i = j - 1;
    }
    i += 1;
  }
  if (text.slice(start).trim() !== '') throw new Error(`deploy/nginx/pressroom.conf: trailing text ${text.slice(start).trim()}`);
  return items.filter((item) => item.head !== '' || item.body !== null);
}

/**
 * The test's nginx.conf, derived from the deployed file: the same upstream (its `server` lines
 * replaced by `upstreams`, keeping the deployed parameters such as max_fails) and the HTTPS
 * server's directives and locations, listening on plain HTTP at `port`. Paths go into `prefix`.
 */
export function nginxTestConfig(options: { port: number; upstreams: string[]; prefix: string; deployed?: string }): string {
  const items = topLevel(withoutComments(options.deployed ?? readFileSync(DEPLOYED_CONFIG, 'utf8')));
  const upstream = items.find((item) => item.body !== null && /^upstream\s+pressroom$/.test(item.head));
  const https = items.find((item) => item.body !== null && item.head === 'server' && /^\s*listen\s+443\b/m.test(item.body));
  if (!upstream?.body || !https?.body) throw new Error('deploy/nginx/pressroom.conf needs an `upstream pressroom` block and a server listening on 443');
  const serverLines = upstream.body.split('\n').filter((line) => /^\s*server\s/.test(line));
  const parameters = /^\s*server\s+\S+\s*(.*?);?\s*$/.exec(serverLines[0] ?? '')?.[1] ?? '';
  const upstreamBody = [
    ...options.upstreams.map((address) => `    server ${address} ${parameters};`),
    ...upstream.body.split('\n').filter((line) => line.trim() !== '' && !/^\s*server\s/.test(line)),
  ].join('\n');
  const serverBody = https.body
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s*(listen|server_name|ssl_\w+)\s/.test(line))
    .join('\n');
  const directives = items
    .filter((item) => item.body === null)
    .map((item) => `${item.head.replace(/^(proxy_cache_path\s+)\S+/, `$1${join(options.prefix, 'cache')}`)};`);
  return wrapHttp(options.prefix, `${directives.join('\n')}
upstream pressroom {
${upstreamBody}
}
server {
    listen 127.0.0.1:${options.port};
${serverBody}
}`);
}

/**
 * The deployed file as installed, TLS and redirect included, with only what must differ on a test
 * machine replaced: listen ports (loopback), certificate paths, the cache path and the upstream's
 * server lines (keeping their parameters).
 */
export function nginxInstalledConfig(options: { httpPort: number; httpsPort: number; upstreams: string[]; prefix: string; certificate: string; key: string }): string {
  const deployed = readFileSync(DEPLOYED_CONFIG, 'utf8');
  let first = true;
  const text = deployed
    .replace(/^\s*listen\s+\[::\]:\d+[^;]*;\n/gm, '')
    .replace(/^(\s*listen\s+)80;/m, `$1127.0.0.1:${options.httpPort};`)
    .replace(/^(\s*listen\s+)443\b/m, `$1127.0.0.1:${options.httpsPort}`)
    .replace(/^(\s*ssl_certificate\s+)\S+;/m, `$1${options.certificate};`)
    .replace(/^(\s*ssl_certificate_key\s+)\S+;/m, `$1${options.key};`)
    .replace(/^(proxy_cache_path\s+)\S+/m, `$1${join(options.prefix, 'cache')}`)
    .replace(/^(\s*)server\s+\d[\d.]*:\d+(\s.*)$/gm, (_line, indent: string, parameters: string) => {
      if (!first) return '';
      first = false;
      return options.upstreams.map((address) => `${indent}server ${address}${parameters}`).join('\n');
    });
  return wrapHttp(options.prefix, text);
}

/** A whole nginx.conf around `inner` (http context): temporary files and logs in `prefix`. */
function wrapHttp(prefix: string, inner: string): string {
  const p = (name: string) => join(prefix, name);
  return `worker_processes 1;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  # As Debian's /etc/nginx/nginx.conf does: the site file must turn it off where it should be off.
  gzip on;
  client_body_temp_path ${p('client_body')};
  proxy_temp_path ${p('proxy')};
  fastcgi_temp_path ${p('fastcgi')};
  uwsgi_temp_path ${p('uwsgi')};
  scgi_temp_path ${p('scgi')};
  log_format pressroom_test '$status $upstream_addr $upstream_status $request';
  access_log ${p('access.log')} pressroom_test;
${inner}
}
`;
}

export interface RunningNginx {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The directory nginx runs in (-p): configuration, logs, cache. */
  prefix: string;
  /** The generated configuration, for failure messages. */
  config: string;
  /** Access log lines so far: `status upstream_addr upstream_status request`. */
  accessLog(): string[];
  /** Graceful stop (SIGQUIT), then SIGKILL after 5 s; removes the prefix directory. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts nginx in front of `upstreams` (host:port) with the test configuration (plain HTTP), or with
 * the configuration `configure` writes for a prefix directory and a free port, and resolves once
 * it answers HTTP on that port.
 */
export async function startNginx(upstreams: string[], configure?: (prefix: string, port: number) => string): Promise<RunningNginx> {
  if (!existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX} (CI=true: the multi-server suite must run; install it with .ci/run or apt-get install nginx)`);
  const prefix = mkdtempSync(join(tmpdir(), 'pressroom-nginx-'));
  mkdirSync(join(prefix, 'cache'));
  const port = await freePort();
  const config = configure ? configure(prefix, port) : nginxTestConfig({ port, upstreams, prefix });
  const confFile = join(prefix, 'nginx.conf');
  writeFileSync(confFile, config);
  // As root the workers would run as `nobody`, which cannot enter the private temporary directory.
  const user = process.getuid?.() === 0 ? ' user root;' : '';
  const args = ['-p', prefix, '-c', confFile, '-e', join(prefix, 'error.log'), '-g', `daemon off; pid ${join(prefix, 'nginx.pid')}; error_log ${join(prefix, 'error.log')} warn;${user}`];
  const child: ChildProcess = spawn(NGINX, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const errorLog = () => (existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '');
  const running: RunningNginx = {
    origin: `http://127.0.0.1:${port}`,
    prefix,
    config,
    accessLog: () => (existsSync(join(prefix, 'access.log')) ? readFileSync(join(prefix, 'access.log'), 'utf8').split('\n').filter(Boolean) : []),
    async stop() {
      if (!gone) {
        child.kill('SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
  // A hang guard, not a timing assertion: nginx starts in milliseconds.
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (gone) break;
    try {
      await (await fetch(`${running.origin}/healthz`, { redirect: 'manual' })).arrayBuffer();
      return running;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const why = `nginx did not start: ${output}${errorLog()}\nconfiguration:\n${config}`;
  await running.stop();
  throw new Error(why);
}
