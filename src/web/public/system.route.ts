import type { FastifyInstance } from 'fastify';
import type { PublicCatalog } from '../../ports/public-catalog.js';
import { negotiatedLanguage } from './language.route.js';
import { isNotModified } from '../cache/cached-response.js';
import { negotiate } from '../cache/encoding.js';
import type { FaviconAsset } from './favicon.js';
import { cssAsset } from './site-context.js';

/** Language from Accept-Language: Korean when preferred over English, otherwise English. */
export function preferredLanguage(header: string | undefined): 'ko' | 'en' {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { tag: tag ?? '', q: q ? Number(q) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  const first = ranked.find((x) => x.tag.startsWith('ko') || x.tag.startsWith('en'));
  return first?.tag.startsWith('ko') ? 'ko' : 'en';
}

/** Health check, the root redirect, the stylesheet and the favicon. */
export function registerSystemRoutes(app: FastifyInstance, deps: { catalog: PublicCatalog; favicon: FaviconAsset }): void {
  app.get('/healthz', async (_request, reply) => {
    try {
      await deps.catalog.contentVersion();
      return reply.header('Cache-Control', 'no-store').send({ status: 'ok', database: 'ok' });
    } catch {
      return reply.code(503).header('Cache-Control', 'no-store').send({ status: 'unavailable', database: 'unreachable' });
    }
  });

  app.get('/', async (request, reply) => {
    // The language chosen with the switcher (cookie) wins over the browser's Accept-Language.
    reply.header('Vary', 'Accept-Language, Cookie').header('Cache-Control', 'private, no-cache');
    return reply.redirect(`/${negotiatedLanguage(request)}/`, 302);
  });

  // Hashed name: these bytes never change at this URL, so browsers and proxies may keep them a year.
  app.get(cssAsset.href, async (request, reply) => {
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=31536000, immutable');
    const { body, etag } = negotiate(request, reply, cssAsset);
    if (isNotModified(request, etag)) return reply.code(304).send();
    return reply.send(body);
  });

  const { favicon } = deps;
  app.get(favicon.href, async (_request, reply) =>
    reply.type(favicon.contentType).header('Cache-Control', 'public, max-age=31536000, immutable').header('ETag', favicon.etag).send(favicon.body),
  );
  // Crawlers and old browsers ask for /favicon.ico whatever the page says: the same bytes, for a day.
  app.get('/favicon.ico', async (_request, reply) => reply.type(favicon.contentType).header('Cache-Control', 'public, max-age=86400').header('ETag', favicon.etag).send(favicon.body));
}
