import { createHash } from 'node:crypto';

/** A static asset served from /assets under a content-hashed name, so it can be cached for a year. */
export interface HashedAsset {
  body: Buffer;
  href: string;
  etag: string;
  contentType: string;
}

/** Names an asset after the first 12 hex digits of its SHA-256, as the other /assets files are. */
export function hashedAsset(name: string, extension: 'js' | 'css', source: string | Buffer): HashedAsset {
  const body = typeof source === 'string' ? Buffer.from(source, 'utf8') : source;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const contentType = extension === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
  return { body, href: `/assets/${name}-${hash}.${extension}`, etag: `"${hash}"`, contentType };
}
