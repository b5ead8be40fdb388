import type { Kysely } from 'kysely';
import { makeCdnPurgeTargets } from '../adapters/db/cdn-purge-targets.js';
import type { Database } from '../adapters/db/schema.js';
import { makeHttpCdnPurger } from '../adapters/http/http-cdn-purger.js';
import { makeNoopCdnPurger } from '../adapters/http/noop-cdn-purger.js';
import type { CdnPurger } from '../ports/cdn-purger.js';
import type { Clock } from '../ports/clock.js';
import { makeCdnPurging } from '../web/cache/cdn-purge.js';

export interface CdnOptions {
  /** PRESSROOM_CDN_PURGE_URL: BAN requests go there; null or absent: no purges (the no-op adapter). */
  purgeUrl?: string | null;
  /** Tests pass a recording purger instead. */
  purger?: CdnPurger;
  /** Told of each purge given up after retries; the default logs the keys and the reason. */
  onError?: (error: unknown, keys: readonly string[]) => void;
  /** The second purge of a release change (web/cache/cdn-purge.ts); default REPEAT_PURGE_MS with a purge URL, 0 (none) otherwise. */
  repeatAfterMs?: number;
}

/**
 * When a release change is purged again: the other servers poll the content version every second
 * (web/cache/content-version.ts), so after 2.5 s each of them renders the change.
 */
export const REPEAT_PURGE_MS = 2_500;

/** Builds the purge adapter; `purgesOnEvents` says whether release events should purge (subscribers.ts wires them). */
export function composeCdn(deps: { db: Kysely<Database>; clock: Clock; options?: CdnOptions }) {
  const o = deps.options ?? {};
  const purger = o.purger ?? (o.purgeUrl ? makeHttpCdnPurger({ url: o.purgeUrl }) : makeNoopCdnPurger());
  const onError =
    o.onError ??
    ((error: unknown, keys: readonly string[]) =>
      console.error(`CDN purge failed${keys.length > 0 ? ` for ${keys.slice(0, 8).join(' ')}${keys.length > 8 ? ' ...' : ''}` : ''}; the cache keeps those pages for s-maxage at most:`, error instanceof Error ? error.message : error));
  const repeatAfterMs = o.repeatAfterMs ?? (o.purgeUrl && !o.purger ? REPEAT_PURGE_MS : 0);
  const purging = makeCdnPurging({ purger, targets: makeCdnPurgeTargets(deps.db), clock: deps.clock, onError, repeatAfterMs });
  // Without a cache in front, events cost nothing (no lookups); lifts still go through the no-op.
  return Object.assign(purging, { purgesOnEvents: Boolean(o.purger || o.purgeUrl) });
}
