import type { Language } from '../domain/language.js';

/**
 * Tells a shared cache (CDN, Varnish) to drop what it holds under these surrogate keys. Keys are
 * plain words (`release-12`, `board-press-releases`, `home`): see web/cache/surrogate-keys.ts.
 * A purge that cannot be delivered rejects; callers log it and never let it fail a write.
 */
export interface CdnPurger {
  purge(keys: readonly string[]): Promise<void>;
}

/** What a cached response about one release may show: its board, language and every file it carried. */
export interface ReleaseCacheTarget {
  releaseId: number;
  boardSlug: string;
  language: Language;
  /** Files of every edition (and their WebP copies): a correction or takedown turns their URLs 404 or 410. */
  fileSha256s: string[];
}

/** Read-side lookups the purge needs, since events carry only a release id. */
export interface CdnPurgeTargets {
  releases(releaseIds: readonly number[]): Promise<ReleaseCacheTarget[]>;
  /**
   * Releases whose embargo ended in (after, upTo]: they became public with no event, so the
   * lists, home and feeds a cache holds must be purged at that moment.
   */
  embargoesLifted(after: Date, upTo: Date): Promise<number[]>;
}
