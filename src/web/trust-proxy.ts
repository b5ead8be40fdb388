import type { FastifyServerOptions } from 'fastify';

/**
 * Which reverse proxies may name the client in X-Forwarded-For: none; a number of hops (the
 * proxies in front of the server, nearest first); or the proxies' own addresses or CIDR ranges.
 */
export type TrustProxy = false | { hops: number } | { addresses: readonly string[] };

/**
 * Fastify's `trustProxy` for a setting. The client address is then the one the nearest untrusted
 * hop gave: walking X-Forwarded-For from the right, past each trusted proxy (Fastify's proxy-addr
 * does the walk), never the leftmost entry a client can write. Fastify 5.12 turns a bare number
 * off (it cannot check the peer), so hops are a trust function: hop 0 is the socket's peer.
 */
export function fastifyTrustProxy(setting: TrustProxy | undefined): NonNullable<FastifyServerOptions['trustProxy']> {
  if (!setting) return false;
  if ('hops' in setting) {
    const hops = setting.hops;
    return hops > 0 ? (_address: string, hop: number) => hop < hops : false;
  }
  return [...setting.addresses];
}
