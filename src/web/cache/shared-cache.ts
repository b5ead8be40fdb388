import type { FastifyReply } from 'fastify';
import { setSurrogateKeys } from './surrogate-keys.js';

/** Lifetimes, in seconds, of public responses in browsers (maxAge) and shared caches (sMaxAge). */
export interface CdnLifetimes {
  maxAge: number;
  sMaxAge: number;
  staleWhileRevalidate: number;
}

/** Browsers revalidate every page (a correction shows at once); a CDN keeps one 5 minutes, purged on change. */
export const DEFAULT_CDN_LIFETIMES: CdnLifetimes = Object.freeze({ maxAge: 0, sMaxAge: 300, staleWhileRevalidate: 30 });

/** Attachments' bytes never change: browsers keep them 5 minutes (their URL may still turn 404 or 410). */
const FILE_MAX_AGE = 300;

/**
 * Cache-Control for a public page, feed or API answer. With `secondsLeft` (until the next scheduled
 * or embargoed release becomes public) no lifetime, stale-while-revalidate included, reaches past
 * that moment: a cache must fetch the page anew when the embargo lifts, never serve the old list.
 */
export function publicCacheControl(lifetimes: CdnLifetimes, secondsLeft: number | null): string {
  const left = secondsLeft === null ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(secondsLeft));
  const maxAge = Math.min(lifetimes.maxAge, left);
  const sMaxAge = Math.min(lifetimes.sMaxAge, left);
  const swr = Math.max(0, Math.min(lifetimes.staleWhileRevalidate, left - Math.max(maxAge, sMaxAge)));
  return `public, max-age=${maxAge}, s-maxage=${sMaxAge}${swr > 0 ? `, stale-while-revalidate=${swr}` : ''}`;
}

/**
 * Cache-Control for an attachment by content address: not bounded by embargoes (a file of an
 * embargoed release answers 404, uncached, until it is public), purged by its `file-<sha256>` key
 * when a correction drops it or a takedown removes it.
 */
export function fileCacheControl(lifetimes: CdnLifetimes): string {
  const swr = lifetimes.staleWhileRevalidate;
  return `public, max-age=${Math.max(FILE_MAX_AGE, lifetimes.maxAge)}, s-maxage=${lifetimes.sMaxAge}${swr > 0 ? `, stale-while-revalidate=${swr}` : ''}`;
}

/**
 * The one place public responses get their shared-cache headers: Cache-Control from the configured
 * lifetimes and the time left until the next public transition, and the surrogate keys.
 */
export function makeSharedCaching(deps: { lifetimes?: CdnLifetimes; msUntilTransition: () => number | null }) {
  const lifetimes = deps.lifetimes ?? DEFAULT_CDN_LIFETIMES;
  return {
    lifetimes,
    /** Headers for a public page, feed, sitemap or API read. */
    applyPublic(reply: FastifyReply, keys: readonly string[]): void {
      const ms = deps.msUntilTransition();
      reply.header('Cache-Control', publicCacheControl(lifetimes, ms === null ? null : ms / 1000));
      setSurrogateKeys(reply, keys);
    },
  };
}
export type SharedCaching = ReturnType<typeof makeSharedCaching>;

/** How a reply helper sets caching headers: the shared-cache policy, or a fixed Cache-Control. */
export type PublicCaching = Pick<SharedCaching, 'applyPublic'>;

/** A fixed Cache-Control (search answers: `no-store`), still naming what the response shows. */
export function fixedCaching(cacheControl: string): PublicCaching {
  return {
    applyPublic(reply, keys) {
      reply.header('Cache-Control', cacheControl);
      setSurrogateKeys(reply, keys);
    },
  };
}
