// nginx beside Pressroom (issue #17): the exact bytes and Content-Type of each target, fetched from the
// running Pressroom server, written into nginx's prefix directory and served as static files by Debian
// nginx (one worker, access_log off, sendfile on, keep-alive as Debian's nginx.conf and the deployed
// site file leave it), so each Pressroom figure has the machine's static-file figure beside it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNginx, type RunningNginx } from '../test/support/nginx.js';

export interface StaticCopy {
  /** The path nginx serves the copy at. */
  path: string;
  bytes: number;
  contentType: string;
}

export interface FetchedPage {
  body: Buffer;
  contentType: string;
}

/** A page's exact body and Content-Type as Pressroom sends it to wrk (no Accept-Encoding: identity bytes). */
export async function fetchPage(origin: string, path: string): Promise<FetchedPage> {
  const response = await fetch(origin + path, { headers: { 'accept-encoding': 'identity' } });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}, not 200`);
  if (response.headers.get('content-encoding')) throw new Error(`${path} came ${response.headers.get('content-encoding')}-encoded without Accept-Encoding`);
  return { body, contentType: response.headers.get('content-type') ?? 'application/octet-stream' };
}

const quote = (text: string) => `"${text.replace(/["\\]/g, '')}"`;

/**
 * Starts nginx serving `pages` at /copy/0, /copy/1, ... (each with its own Content-Type) and returns it
 * with the path of each copy. The caller stops it.
 */
export async function startStaticNginx(pages: FetchedPage[]): Promise<{ nginx: RunningNginx; copies: StaticCopy[] }> {
  const copies: StaticCopy[] = pages.map((page, i) => ({ path: `/copy/${i}`, bytes: page.body.length, contentType: page.contentType }));
  const nginx = await startNginx([], (prefix, port) => {
    mkdirSync(join(prefix, 'www', 'copy'), { recursive: true });
    pages.forEach((page, i) => writeFileSync(join(prefix, 'www', 'copy', String(i)), page.body));
    const locations = copies.map((copy) => `    location = ${copy.path} { types { } default_type ${quote(copy.contentType)}; }`).join('\n');
    // startNginx adds daemon off, the pid file, error_log and (as root) `user root` on the command line.
    return `worker_processes 1;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  # Debian's /etc/nginx/nginx.conf sets keepalive_timeout 65; deploy/nginx/pressroom.conf keeps
  # nginx's other keep-alive defaults (keepalive_requests 1000), so the copy does too.
  keepalive_timeout 65;
  keepalive_requests 1000;
  client_body_temp_path ${join(prefix, 'client_body')};
  proxy_temp_path ${join(prefix, 'proxy')};
  fastcgi_temp_path ${join(prefix, 'fastcgi')};
  uwsgi_temp_path ${join(prefix, 'uwsgi')};
  scgi_temp_path ${join(prefix, 'scgi')};
  server {
    listen 127.0.0.1:${port};
    root ${join(prefix, 'www')};
${locations}
  }
}
`;
  });
  for (const copy of copies) {
    const response = await fetch(nginx.origin + copy.path);
    const bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200 || bytes !== copy.bytes) {
      await nginx.stop();
      throw new Error(`nginx served ${copy.path} with ${response.status} and ${bytes} bytes, not 200 and ${copy.bytes}`);
    }
  }
  return { nginx, copies };
}
