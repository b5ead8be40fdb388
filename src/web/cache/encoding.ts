import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type ContentCoding = 'br' | 'gzip';

/**
 * A cached document's compressed copies. Each is made the first time a client asks for that coding
 * and kept for every later request (never made per request). Made lazily because a page that is
 * cached but only ever asked for uncompressed (a distinct search, a crawler without
 * Accept-Encoding) would otherwise pay brotli and gzip for nothing: a fifth of the CPU of a search
 * miss when both were made up front (#17).
 */
export interface Encoded {
  /** The body in `coding`, compressed on the first call. */
  copy(coding: ContentCoding): Buffer;
  /** Bytes of the copies made so far. */
  readonly bytes: number;
}

/** Below this, compression saves less than its headers cost. */
const MIN_BYTES = 256;
/** Brotli 6 / gzip 6: most of the saving of the maximum levels at a small part of their CPU. */
const BROTLI_QUALITY = 6;
const GZIP_LEVEL = 6;

/** Whether a content type is text worth compressing (HTML, CSS, feeds, sitemaps, JSON, SVG). */
export function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|javascript)|image\/svg\+xml)/.test(contentType);
}

function compress(body: Buffer, coding: ContentCoding): Buffer {
  if (coding === 'gzip') return gzipSync(body, { level: GZIP_LEVEL });
  return brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
}

/**
 * Brotli and gzip copies of a body, each made on first use, or null when it is too small or not
 * text. `onCopy` is told the size of each copy as it is made (the page cache counts it).
 */
export function compressBody(body: Buffer, contentType: string, onCopy?: (bytes: number) => void): Encoded | null {
  if (body.length < MIN_BYTES || !isCompressible(contentType)) return null;
  const copies: Partial<Record<ContentCoding, Buffer>> = {};
  let bytes = 0;
  return {
    copy(coding) {
      let made = copies[coding];
      if (!made) {
        made = copies[coding] = compress(body, coding);
        bytes += made.length;
        onCopy?.(made.length);
      }
      return made;
    },
    get bytes() {
      return bytes;
    },
  };
}

/**
 * The coding to send for an Accept-Encoding header: brotli when accepted, else gzip, else none.
 * `q=0` refuses a coding; `*` stands for any coding not named.
 */
export function chooseEncoding(header: string | string[] | undefined): ContentCoding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name, weight === undefined ? 1 : Number(weight));
  }
  const accepts = (coding: ContentCoding) => (q.get(coding) ?? (coding === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

/** Whether an If-None-Match header (a list, weak tags or `*`) names this entity tag. */
export function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** What a cached document needs to be sent in any coding. */
export interface Representable {
  body: Buffer;
  etag: string;
  encoded: Encoded | null;
}

/**
 * Picks the representation for the request (brotli, gzip or identity), sets Vary, Content-Encoding
 * and an ETag distinct per coding (`"abc"`, `"abc-br"`, `"abc-gz"`), and returns its body and tag.
 */
export function negotiate(request: FastifyRequest, reply: FastifyReply, doc: Representable): { body: Buffer; etag: string } {
  reply.header('Vary', 'Accept-Encoding');
  const coding = doc.encoded ? chooseEncoding(request.headers['accept-encoding']) : null;
  if (!coding || !doc.encoded) {
    reply.header('ETag', doc.etag);
    return { body: doc.body, etag: doc.etag };
  }
  const etag = `${doc.etag.slice(0, -1)}-${coding === 'br' ? 'br' : 'gz'}"`;
  reply.header('ETag', etag).header('Content-Encoding', coding);
  return { body: doc.encoded.copy(coding), etag };
}
