import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagMatches, negotiate } from '../cache/encoding.js';
import type { CachedPage } from '../cache/page-cache.js';

/**
 * Sends a rendered page with its ETag, brotli- or gzip-compressed when the browser accepts it (the
 * copies were made when the page was cached); answers 304 when the browser already has it. Pages are
 * revalidated on every use (no-cache) so a correction or withdrawal is seen at once.
 */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage, cacheControl = 'public, no-cache') {
  reply.header('Cache-Control', cacheControl);
  const { body, etag } = negotiate(request, reply, page);
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, etag)) return reply.code(304).send();
  return reply.type('text/html; charset=utf-8').send(body);
}
