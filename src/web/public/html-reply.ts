import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagMatches, negotiate } from '../cache/encoding.js';
import type { CachedPage } from '../cache/page-cache.js';
import type { PublicCaching } from '../cache/shared-cache.js';

/**
 * Sends a rendered page with its ETag, brotli- or gzip-compressed when the browser accepts it (the
 * copies were made when the page was cached); answers 304 when the browser already has it. Caching
 * headers (Cache-Control bounded by the next embargo lift, surrogate keys) come from `caching`.
 */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage, caching: PublicCaching) {
  caching.applyPublic(reply, page.keys);
  const { body, etag } = negotiate(request, reply, page);
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, etag)) return reply.code(304).send();
  return reply.type('text/html; charset=utf-8').send(body);
}
