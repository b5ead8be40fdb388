import type { FastifyReply } from 'fastify';
import type { Language } from '../../domain/language.js';
import type { ReleaseCacheTarget } from '../../ports/cdn-purger.js';

/**
 * The surrogate keys naming what a public response shows, and the keys purged when a release
 * changes: one vocabulary for both, so a response and its purge can never disagree.
 */
export const surrogateKeys = {
  release: (releaseId: number) => `release-${releaseId}`,
  board: (slug: string) => `board-${slug}`,
  language: (language: Language) => `lang-${language}`,
  file: (sha256: string) => `file-${sha256}`,
  home: 'home',
  feeds: 'feeds',
  /** Tag pages (#16): any publication may add a release to one. */
  tags: 'tags',
  sitemap: 'sitemap',
  search: 'search',
  api: 'api',
  /** Privacy and accessibility statements: they change only with the configuration. */
  statement: 'statement',
} as const;

/**
 * What to purge when a release is published, corrected, withdrawn, taken down, re-paired or its
 * embargo ends: its page, every page of its board (lists, and release pages, whose previous/next
 * links and language versions name their neighbours), home, feeds, tag pages, sitemaps, search, the API, and
 * every file it ever carried.
 */
export function releaseChangeKeys(target: ReleaseCacheTarget): string[] {
  const k = surrogateKeys;
  return [k.release(target.releaseId), k.board(target.boardSlug), k.home, k.feeds, k.tags, k.sitemap, k.search, k.api, ...target.fileSha256s.map(k.file)];
}

/** Names what a response shows: `Surrogate-Key` (Fastly, Varnish: spaces) and `Cache-Tag` (Cloudflare: commas). */
export function setSurrogateKeys(reply: FastifyReply, keys: readonly string[]): void {
  if (keys.length === 0) return;
  const unique = [...new Set(keys)];
  reply.header('Surrogate-Key', unique.join(' ')).header('Cache-Tag', unique.join(','));
}
