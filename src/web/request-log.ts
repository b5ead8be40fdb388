import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** A request taking this long (milliseconds) is logged at warn, whatever the log level. */
export const SLOW_REQUEST_MS = 1000;

/** The URL as logged: preview-link and invitation secrets and CSRF tokens are not written to the log. */
function loggedUrl(url: string): string {
  return url
    .replace(/^\/preview\/[^/?#]+/, '/preview/[token]')
    .replace(/^\/admin\/invitations\/[^/?#]+/, '/admin/invitations/[token]')
    .replace(/([?&]_csrf=)[^&#]*/g, '$1[token]');
}

/**
 * Fastify's request log lines, at the right levels: at info, its two lines per request grew the
 * log by 93 MB in 60 s of load. Each request is one line at debug; server errors (5xx) and slow
 * requests are logged at warn, so they still show at the default level (the error itself is
 * logged by the error handler). Unknown URLs, which scanners send by the thousand, are debug too.
 */
export class RequestLogController extends LogController {
  constructor(private readonly slowMs = SLOW_REQUEST_MS) {
    super();
  }

  override incomingRequest(): void {
    // One line per request is enough, written when it completes.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const ms = Math.round(reply.elapsedTime);
    const line = { method: request.method, url: loggedUrl(request.url), statusCode: reply.statusCode, ms, ...(error ? { err: error } : {}) };
    if (error || reply.statusCode >= 500) reply.log.warn(line, 'request failed');
    else if (ms >= this.slowMs) reply.log.warn(line, 'slow request');
    else reply.log.debug(line, 'request completed');
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.debug({ method: request.method, url: loggedUrl(request.url) }, 'no such route');
  }
}
