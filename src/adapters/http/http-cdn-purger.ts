import type { CdnPurger } from '../../ports/cdn-purger.js';

export interface HttpCdnPurgerOptions {
  /** Where purges go: Varnish itself (deploy/varnish/default.vcl) or a purge proxy in front of the CDN. */
  url: string;
  /** Per attempt (default 2 s). */
  timeoutMs?: number;
  /** Attempts in all (default 3), with a growing pause between them. */
  attempts?: number;
  /** First pause between attempts (default 200 ms; doubled each time). */
  backoffMs?: number;
  /** Keys per request, so a header stays well under proxies' limits (default 100). */
  keysPerRequest?: number;
}

/**
 * Purges by surrogate key with one `BAN` request carrying `X-Purge-Keys: k1 k2 ...` (space-separated):
 * deploy/varnish/default.vcl turns it into `ban("obj.http.Surrogate-Key ~ ...")`. A 2xx is success;
 * anything else, a timeout or a network error is retried, and rejects after the last attempt.
 */
export function makeHttpCdnPurger(options: HttpCdnPurgerOptions): CdnPurger {
  const timeoutMs = options.timeoutMs ?? 2000;
  const attempts = Math.max(1, options.attempts ?? 3);
  const backoffMs = options.backoffMs ?? 200;
  const perRequest = options.keysPerRequest ?? 100;

  async function send(keys: readonly string[]): Promise<void> {
    let lastProblem = '';
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        const response = await fetch(options.url, { method: 'BAN', headers: { 'X-Purge-Keys': keys.join(' ') }, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel().catch(() => undefined);
        if (response.status >= 200 && response.status < 300) return;
        lastProblem = `answered ${response.status}`;
      } catch (error) {
        const e = error as Error & { cause?: { code?: string; message?: string } };
        lastProblem = e.name === 'TimeoutError' || e.name === 'AbortError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
      }
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
    }
    throw new Error(`CDN purge to ${new URL(options.url).origin} failed after ${attempts} attempts (${lastProblem}); check PRESSROOM_CDN_PURGE_URL and that the cache allows BAN from this server`);
  }

  return {
    async purge(keys) {
      const unique = [...new Set(keys)];
      for (let i = 0; i < unique.length; i += perRequest) await send(unique.slice(i, i + perRequest));
    },
  };
}
