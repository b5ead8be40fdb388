import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LANGUAGES } from '../../domain/language.js';
import { cacheOrRender, sendCached } from '../cache/cached-response.js';
import type { ContentVersionTracker } from '../cache/content-version.js';
import type { PageCache } from '../cache/page-cache.js';
import type { PublicCaching } from '../cache/shared-cache.js';
import { surrogateKeys } from '../cache/surrogate-keys.js';
import { renderPage } from '../render/page.js';
import { StatementView, type StatementKind } from '../views/statement.view.js';
import type { SiteContext } from './site-context.js';

const params = z.object({ lang: z.enum(LANGUAGES) });

/**
 * GET /{lang}/privacy and /{lang}/accessibility: the built-in statements the footer links to when no
 * external URL is configured. Static segments, so they win over the board route (a board cannot be
 * called "privacy" or "accessibility").
 */
export function registerStatementRoutes(app: FastifyInstance, deps: { contextFor: SiteContext; cache: PageCache; version: ContentVersionTracker; caching: PublicCaching }): void {
  const cache = { pages: deps.cache, version: deps.version };
  for (const kind of ['privacy', 'accessibility'] as StatementKind[]) {
    app.get(`/:lang/${kind}`, async (request, reply) => {
      const p = params.safeParse(request.params);
      if (!p.success) return reply.callNotFound();
      const lang = p.data.lang;
      const page = await cacheOrRender(cache, `statement:${lang}:${kind}`, async () => {
        const ctx = await deps.contextFor(lang);
        return { text: renderPage(<StatementView ctx={ctx} kind={kind} />), keys: [surrogateKeys.statement, surrogateKeys.language(lang)] };
      });
      return sendCached(request, reply, page, deps.caching);
    });
  }
}
