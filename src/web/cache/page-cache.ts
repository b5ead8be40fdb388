import { createHash } from 'node:crypto';
import { compressBody, type Encoded } from './encoding.js';

export interface CachedPage {
  body: Buffer;
  etag: string;
  /** The release a page shows, so a cached hit still counts a view. */
  releaseId: number | null;
  /** HTML unless the entry says otherwise (feeds, sitemaps). */
  contentType: string;
  /** When the content last changed, for Last-Modified and If-Modified-Since; null for pages. */
  lastModified: Date | null;
  /** Brotli and gzip copies, each made once, when first asked for (null for bodies too small or not text). */
  encoded: Encoded | null;
  /** Surrogate keys naming what it shows, for shared caches (web/cache/surrogate-keys.ts). */
  keys: readonly string[];
}

/** What a non-HTML entry carries besides its body. */
export interface CachedPageOptions {
  contentType?: string;
  lastModified?: Date | null;
  /** Surrogate keys naming what it shows (release, board, language, home, feeds...). */
  keys?: readonly string[];
}

/** A document ready to send: the text as bytes, its compressed copies, its ETag (a hash of them) and its headers' values. */
export function cachedPage(text: string, releaseId: number | null = null, options: CachedPageOptions = {}, onCopy?: (bytes: number) => void): CachedPage {
  const body = Buffer.from(text, 'utf8');
  const contentType = options.contentType ?? 'text/html; charset=utf-8';
  return {
    body,
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
    releaseId,
    contentType,
    lastModified: options.lastModified ?? null,
    encoded: compressBody(body, contentType, onCopy),
    keys: options.keys ?? [],
  };
}

/** Bytes an entry holds: the body and the compressed copies made so far. */
function sizeOf(page: CachedPage): number {
  return page.body.length + (page.encoded?.bytes ?? 0);
}

interface Entry extends CachedPage {
  version: string;
  expiresAt: number;
}

/**
 * Rendered public pages, keyed by URL, valid while the content version is unchanged and for at most
 * `ttlMs` (view counts on pages refresh that often). Least recently used pages are dropped first,
 * once there are more than `maxEntries` or their bodies exceed `maxBytes` together.
 */
export function makePageCache(options: { version: () => string; maxEntries?: number; maxBytes?: number; ttlMs?: number; now?: () => number; onLookup?: (hit: boolean) => void }) {
  const entries = new Map<string, Entry>();
  const maxEntries = options.maxEntries ?? 5000;
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const ttlMs = options.ttlMs ?? 30_000;
  const now = options.now ?? Date.now;
  let bytes = 0;

  function remove(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= sizeOf(entry);
  }

  function evict(): void {
    while (entries.size > maxEntries || (bytes > maxBytes && entries.size > 1)) remove(entries.keys().next().value as string);
  }

  function lookup(key: string): Entry | undefined {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== options.version() || entry.expiresAt <= now()) {
      remove(key);
      return undefined;
    }
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  }

  return {
    /** The page under `key` while still valid; each lookup is told to `onLookup` (hit or miss, for metrics). */
    get(key: string): CachedPage | undefined {
      const entry = lookup(key);
      options.onLookup?.(entry !== undefined);
      return entry;
    },
    /** Stores a page rendered under `version` (read before rendering, so a concurrent change wins). */
    set(key: string, version: string, html: string, releaseId: number | null = null, options: CachedPageOptions = {}): CachedPage {
      // A copy made later (the first request asking for brotli or gzip) counts while the entry is cached.
      const onCopy = (size: number) => {
        if (entries.get(key) !== entry) return;
        bytes += size;
        evict();
      };
      const entry: Entry = { ...cachedPage(html, releaseId, options, onCopy), version, expiresAt: now() + ttlMs };
      remove(key);
      entries.set(key, entry);
      bytes += sizeOf(entry);
      evict();
      return entry;
    },
    clear(): void {
      entries.clear();
      bytes = 0;
    },
    get size(): number {
      return entries.size;
    },
    /** Bytes of the cached bodies (and their compressed copies) together. */
    get bytes(): number {
      return bytes;
    },
  };
}
export type PageCache = ReturnType<typeof makePageCache>;
