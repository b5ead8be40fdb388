import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiTokens } from '../../app/api-tokens/api-tokens.js';
import { RateLimitedError, UnauthenticatedError } from '../../domain/errors.js';
import type { RateWindows } from '../../ports/rate-windows.js';
import { makeTokenThrottle } from './token-throttle.js';

/** The bearer token of a request: null when no Authorization header, '' when it is not a bearer one. */
function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  return /^Bearer +([^\s]+) *$/i.exec(header)?.[1] ?? '';
}

/** Bearer-token authentication for the write side, with failed attempts counted per address (#18). */
export function makeAuthenticate(deps: { tokens: ApiTokens; rateWindows: RateWindows; now?: () => number }) {
  const throttle = makeTokenThrottle({ scope: 'api-token', store: deps.rateWindows, now: deps.now ?? Date.now });
  /** The caller's token, refusing an address that has failed too often (429) before it is even looked up. */
  return async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const token = bearerToken(request);
    const address = request.ip || 'unknown';
    if (token !== null) {
      const waitMs = await throttle.retryAfterMs(address);
      if (waitMs > 0) {
        reply.header('Retry-After', String(Math.ceil(waitMs / 1000)));
        throw new RateLimitedError('Too many failed API token attempts from this address; try again later');
      }
    }
    try {
      return await deps.tokens.authenticate(token, request.ip || null);
    } catch (error) {
      // Only presented tokens count: a request with none guesses nothing.
      if (error instanceof UnauthenticatedError && token !== null && (await throttle.fail(address))) {
        request.log.warn({ ip: address }, 'API token attempts from this address are refused for a while: too many failures');
      }
      throw error;
    }
  };
}
export type Authenticate = ReturnType<typeof makeAuthenticate>;
