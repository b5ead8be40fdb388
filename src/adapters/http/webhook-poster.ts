import type { WebhookPoster } from '../../ports/webhooks.js';

/** POSTs with Node's fetch, never following redirects; a timeout or network failure is an error, not a throw. */
export function makeFetchWebhookPoster(): WebhookPoster {
  return {
    async post(url, headers, body, timeoutMs) {
      try {
        const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel().catch(() => undefined);
        return { status: response.status };
      } catch (error) {
        const e = error as Error & { cause?: { code?: string; message?: string } };
        if (e.name === 'TimeoutError' || e.name === 'AbortError') return { error: `no answer within ${timeoutMs} ms` };
        return { error: (e.cause?.code ?? e.cause?.message ?? e.message).slice(0, 300) };
      }
    },
  };
}
