import { createHash } from 'node:crypto';

/** The default favicon: a folded newspaper in the site's brand blue (no text, so no font needed). */
export const DEFAULT_FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b3a6e"/><path fill="#fff" d="M7 8h14v16H9a2 2 0 0 1-2-2z"/><path fill="#fff" d="M22 12h3v10a2 2 0 0 1-2 2h-1z" opacity=".8"/><path fill="#0b3a6e" d="M9 11h10v2H9zm0 4h10v1.5H9zm0 3h10v1.5H9zm0 3h7v1.5H9z"/></svg>`;

const TYPES = { svg: 'image/svg+xml', png: 'image/png', ico: 'image/x-icon' } as const;
export type FaviconExtension = keyof typeof TYPES;

export interface FaviconAsset {
  body: Buffer;
  href: string;
  etag: string;
  contentType: string;
}

/** The site's favicon under a content-hashed /assets name (cached for a year): the operator's file or the default. */
export function faviconAsset(file?: { body: Buffer; extension: FaviconExtension }): FaviconAsset {
  const body = file?.body ?? Buffer.from(DEFAULT_FAVICON_SVG, 'utf8');
  const extension = file?.extension ?? 'svg';
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, href: `/assets/favicon-${hash}.${extension}`, etag: `"${hash}"`, contentType: TYPES[extension] };
}
