import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * A plain static file server over a directory, configured as docs/static-export.md configures nginx:
 * directory indexes, a redirect adding the trailing slash, no dot files, and the exported 404 page
 * (the Korean one under /ko/) with status 404. No Pressroom code runs in it.
 */
export async function startStaticServer(root: string): Promise<{ origin: string; close(): Promise<void> }> {
  const app: FastifyInstance = Fastify({ logger: false });
  await app.register(fastifyStatic, { root, index: ['index.html'], redirect: true, serveDotFiles: false, dotfiles: 'ignore', cacheControl: false, etag: true });
  app.setNotFoundHandler((request, reply) => {
    const ko = join(root, 'ko', '404.html');
    const page = request.url.startsWith('/ko/') && existsSync(ko) ? ko : join(root, '404.html');
    if (!existsSync(page)) return reply.code(404).type('text/plain').send('Not found');
    return reply.code(404).type('text/html; charset=utf-8').send(readFileSync(page));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { origin: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
