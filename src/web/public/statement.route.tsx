import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LANGUAGES } from '../../domain/language.js';
import type { ContentVersionTracker } from '../cache/content-version.js';
import type { PageCache } from '../cache/page-cache.js';
import type { PublicCaching } from '../cache/shared-cache.js';
import { surrogateKeys } from '../cache/surrogate-keys.js';
import { renderPage } from '../render/page.js';
import { StatementView, type StatementKind } from '../views/statement.view.js';
import { sendPage } from './html-reply.js';
import type { SiteContext } from './site-context.js';

const params = z.object({ lang: z.enum(LANGUAGES) });

/**
 * GET /{lang}/privacy and /{lang}/accessibility: the built-in statements the footer links to when no
 * external URL is configured. Static segments, so they win over the board route (a board cannot be
 * called "privacy" or "accessibility").
 */
export function registerStatementRoutes(app: FastifyInstance, deps: { contextFor: SiteContext; cache: PageCache; version: ContentVersionTracker; caching: PublicCaching }): void {
  for (const kind of ['privacy', 'accessibility'] as StatementKind[]) {
    app.get(`/:lang/${kind}`, async (request, reply) => {
      const p = params.safeParse(request.params);
      if (!p.success) return reply.callNotFound();
      const key = `statement:${p.data.lang}:${kind}`;
      const version = deps.version.current();
      let page = deps.cache.get(key);
      if (!page) {
        const ctx = await deps.contextFor(p.data.lang);
        page = deps.cache.set(key, version, renderPage(<StatementView ctx={ctx} kind={kind} />), null, { keys: [surrogateKeys.statement, surrogateKeys.language(p.data.lang)] });
      }
      return sendPage(request, reply, page, deps.caching);
    });
  }
}
