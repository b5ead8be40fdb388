import type { FastifyReply, FastifyRequest } from 'fastify';
import { etagMatches, negotiate } from './encoding.js';
import { cachedPage, type CachedPage, type CachedPageOptions, type PageCache } from './page-cache.js';
import type { PublicCaching } from './shared-cache.js';

/** A cache of documents and the content version its entries are valid for. */
export interface ResponseCache {
  pages: PageCache;
  version: { current(): string };
}

/** What a render produces: the document's text, the release it shows (views are counted) and its options. */
export interface Rendered extends CachedPageOptions {
  text: string;
  releaseId?: number | null;
}

/**
 * The document under `key` from the cache, or rendered and stored there; without a cache (a request
 * with credentials, a site without one) rendered each time. The version is read before rendering, so
 * a change while rendering leaves the entry stale, never wrong. A render returning null (nothing to
 * show) stores nothing and answers null.
 */
export async function cacheOrRender(cache: ResponseCache | undefined, key: string, render: () => Promise<Rendered>): Promise<CachedPage>;
export async function cacheOrRender(cache: ResponseCache | undefined, key: string, render: () => Promise<Rendered | null>): Promise<CachedPage | null>;
export async function cacheOrRender(cache: ResponseCache | undefined, key: string, render: () => Promise<Rendered | null>): Promise<CachedPage | null> {
  if (!cache) {
    const made = await render();
    return made && cachedPage(made.text, made.releaseId ?? null, made);
  }
  const version = cache.version.current();
  const hit = cache.pages.get(key);
  if (hit) return hit;
  const made = await render();
  return made && cache.pages.set(key, version, made.text, made.releaseId ?? null, made);
}

/**
 * Whether the browser already has this representation: a matching If-None-Match or, when there is
 * none (RFC 9110 13.1.3), an If-Modified-Since not older than `lastModified` (whole seconds).
 */
export function isNotModified(request: FastifyRequest, etag: string, lastModified: number | null = null): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etagMatches(ifNoneMatch, etag);
  if (lastModified === null || !request.headers['if-modified-since']) return false;
  const since = Date.parse(request.headers['if-modified-since']);
  return !Number.isNaN(since) && lastModified <= since;
}

/**
 * Sends a cached page, feed, sitemap or API answer: its shared-cache headers from `caching`
 * (Cache-Control bounded by the next embargo lift, surrogate keys), brotli or gzip from the copies
 * made when it was cached with one ETag per coding, Last-Modified when it has one, and 304 when the
 * browser already has it.
 */
export function sendCached(request: FastifyRequest, reply: FastifyReply, doc: CachedPage, caching: PublicCaching) {
  caching.applyPublic(reply, doc.keys);
  const { body, etag } = negotiate(request, reply, doc);
  const lastModified = doc.lastModified ? Math.floor(doc.lastModified.getTime() / 1000) * 1000 : null;
  if (lastModified !== null) reply.header('Last-Modified', new Date(lastModified).toUTCString());
  if (isNotModified(request, etag, lastModified)) return reply.code(304).send();
  return reply.type(doc.contentType).send(body);
}
