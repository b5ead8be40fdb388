import type { FastifyInstance } from 'fastify';

/** A request taking this long (milliseconds) is logged at warn, whatever the log level. */
export const SLOW_REQUEST_MS = 1000;

/** The URL as logged: preview-link secrets and CSRF tokens are not written to the log. */
function loggedUrl(url: string): string {
  return url.replace(/^\/preview\/[^/?#]+/, '/preview/[token]').replace(/([?&]_csrf=)[^&#]*/g, '$1[token]');
}

/**
 * One log line per request, at debug: at info, Fastify's own two lines per request grew the log by
 * 93 MB in 60 s of load. Server errors (5xx) and slow requests are logged at warn, so they still
 * show at the default level; the error itself is logged by the error handler.
 */
export function registerRequestLog(app: FastifyInstance, options: { slowMs?: number } = {}): void {
  const slowMs = options.slowMs ?? SLOW_REQUEST_MS;
  app.addHook('onResponse', (request, reply, done) => {
    const ms = Math.round(reply.elapsedTime);
    const line = { method: request.method, url: loggedUrl(request.url), statusCode: reply.statusCode, ms };
    if (reply.statusCode >= 500) request.log.warn(line, 'request failed');
    else if (ms >= slowMs) request.log.warn(line, 'slow request');
    else request.log.debug(line, 'request completed');
    done();
  });
}
