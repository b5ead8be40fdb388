import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { PublicPages } from '../../app/public-pages.js';
import { LANGUAGES } from '../../domain/language.js';
import { LIMITS } from '../../domain/limits.js';
import { decodeCursor, encodeCursor } from '../api/cursor.js';
import { cacheOrRender, sendCached } from '../cache/cached-response.js';
import type { ContentVersionTracker } from '../cache/content-version.js';
import type { PageCache } from '../cache/page-cache.js';
import type { PublicCaching } from '../cache/shared-cache.js';
import { surrogateKeys as k } from '../cache/surrogate-keys.js';
import { renderPage } from '../render/page.js';
import { urls } from '../urls.js';
import { TagView } from '../views/tag.view.js';
import type { SiteContext } from './site-context.js';

const params = z.object({ lang: z.enum(LANGUAGES), tag: z.string().trim().min(1).max(LIMITS.tagMaxChars) });
const query = z.object({ after: z.string().optional() });

/**
 * GET /{lang}/tags/{tag}: the tag's page (#16), linked from every release page carrying the tag, next
 * to its feeds (/{lang}/tags/{tag}/feed.xml). Cached like the board lists: in the page cache under the
 * content version, and in shared caches under the `tags` key every release change and embargo lift purges.
 */
export function registerTagRoutes(app: FastifyInstance, deps: { pages: Pick<PublicPages, 'tagListing'>; contextFor: SiteContext; cache: PageCache; version: ContentVersionTracker; caching: PublicCaching }): void {
  const cache = { pages: deps.cache, version: deps.version };
  app.get('/:lang/tags/:tag', async (request, reply) => {
    const p = params.safeParse(request.params);
    if (!p.success) return reply.callNotFound();
    const { lang, tag } = p.data;
    const raw = query.parse(request.query ?? {}).after;
    const after = raw === undefined ? null : decodeCursor(raw);
    // A cursor this site did not give out: the first page, rather than an error.
    if (raw !== undefined && after === null) return reply.redirect(urls.tag(lang, tag), 301);
    const page = await cacheOrRender(cache, `tag:${lang}:${tag}:${after ? encodeCursor(after) : ''}`, async () => {
      const [ctx, listing] = await Promise.all([deps.contextFor(lang), deps.pages.tagListing(lang, tag, after)]);
      const keys = [k.tags, k.language(lang), ...listing.items.map((r) => k.release(r.releaseId))];
      return { text: renderPage(<TagView ctx={ctx} listing={listing} isFirstPage={after === null} />), releaseId: null, keys };
    });
    return sendCached(request, reply, page, deps.caching);
  });
}
