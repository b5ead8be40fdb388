import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage } from '../cache/page-cache.js';

/**
 * Sends a rendered page with its ETag; answers 304 when the browser already has it. Pages are
 * revalidated on every use (no-cache) so a correction or withdrawal is seen at once.
 */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage) {
  reply.header('ETag', page.etag).header('Cache-Control', 'public, no-cache').header('Vary', 'Accept-Encoding');
  if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  return reply.type('text/html; charset=utf-8').send(page.body);
}
