import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagMatches, negotiate } from '../cache/encoding.js';
import type { CachedPage } from '../cache/page-cache.js';
import type { PublicCaching } from '../cache/shared-cache.js';

/**
 * Sends a cached feed or sitemap with ETag and Last-Modified, answering 304 to a matching
 * If-None-Match or, when there is none (RFC 9110 13.1.3), to an If-Modified-Since not older than it.
 */
export function sendDocument(request: FastifyRequest, reply: FastifyReply, doc: CachedPage, caching: PublicCaching) {
  caching.applyPublic(reply, doc.keys);
  // Brotli or gzip as accepted, from the copies made when the document was cached; one ETag per coding.
  const { body, etag } = negotiate(request, reply, doc);
  const lastModified = doc.lastModified ? Math.floor(doc.lastModified.getTime() / 1000) * 1000 : null;
  if (lastModified !== null) reply.header('Last-Modified', new Date(lastModified).toUTCString());
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (etagMatches(ifNoneMatch, etag)) return reply.code(304).send();
  } else if (lastModified !== null && request.headers['if-modified-since']) {
    const since = Date.parse(request.headers['if-modified-since']);
    if (!Number.isNaN(since) && lastModified <= since) return reply.code(304).send();
  }
  return reply.type(doc.contentType).send(body);
}
