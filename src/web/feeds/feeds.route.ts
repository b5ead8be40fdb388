import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FeedScope, PublicPages } from '../../app/public-pages.js';
import { LANGUAGES, type Language } from '../../domain/language.js';
import { LIMITS } from '../../domain/limits.js';
import { cacheOrRender, sendCached } from '../cache/cached-response.js';
import type { ContentVersionTracker } from '../cache/content-version.js';
import type { PageCache } from '../cache/page-cache.js';
import { fixedCaching, type PublicCaching } from '../cache/shared-cache.js';
import { surrogateKeys as k } from '../cache/surrogate-keys.js';
import { urls } from '../urls.js';
import { buildFeed, FEED_CONTENT_TYPES, feedUpdated, type FeedFormat } from './build-feed.js';
import { feedUrls } from './feed-urls.js';
import { boardSlugSchema } from '../../app/board.schema.js';


const FALLBACK_CACHING = fixedCaching('public, max-age=300');
export interface FeedRouteDeps {
  pages: PublicPages;
  cache: PageCache;
  version: ContentVersionTracker;
  site: { name: string; baseUrl: string };
  /** Cache-Control and surrogate keys for shared caches; `public, max-age=300` without it. */
  caching?: PublicCaching;
}

const lang = z.enum(LANGUAGES);
const slug = boardSlugSchema;
const siteParams = z.object({ lang });
const boardParams = z.object({ lang, board: slug });
const tagParams = z.object({ lang, tag: z.string().trim().min(1).max(LIMITS.tagMaxChars) });

const FORMATS: { format: FeedFormat; file: string }[] = [
  { format: 'rss', file: 'feed.xml' },
  { format: 'atom', file: 'feed.atom' },
];

/**
 * RSS and Atom feeds of the site, each board and each tag, per language. Static segments win over
 * the page routes' parameters in Fastify's router, so `/en/feed.xml` is never read as a board.
 */
export function registerFeedRoutes(app: FastifyInstance, deps: FeedRouteDeps): void {
  const cache = { pages: deps.cache, version: deps.version };
  async function serve(request: FastifyRequest, reply: FastifyReply, format: FeedFormat, language: Language, scope: FeedScope) {
    const scopeKey = scope.kind === 'site' ? 'site' : scope.kind === 'board' ? `board:${scope.slug}` : `tag:${scope.tag}`;
    const doc = await cacheOrRender(cache, `feed:${format}:${language}:${scopeKey}`, async () => {
      const listing = await deps.pages.feed(language, scope);
      const paths = (f: FeedFormat) =>
        scope.kind === 'site' ? feedUrls.site(language, f) : scope.kind === 'board' ? feedUrls.board(language, scope.slug, f) : feedUrls.tag(language, scope.tag, f);
      const title =
        scope.kind === 'site' ? deps.site.name : scope.kind === 'board' ? `${deps.site.name}: ${listing.board!.name[language]}` : `${deps.site.name}: #${scope.tag}`;
      const xml = buildFeed(format, {
        siteName: deps.site.name,
        baseUrl: deps.site.baseUrl,
        language,
        title,
        pagePath: scope.kind === 'board' ? urls.board(language, scope.slug) : urls.home(language),
        feedPaths: { rss: paths('rss'), atom: paths('atom') },
        entries: listing.entries,
      });
      const keys = [k.feeds, k.language(language), ...(scope.kind === 'board' ? [k.board(scope.slug)] : []), ...listing.entries.map((e) => k.release(e.releaseId))];
      return { text: xml, contentType: FEED_CONTENT_TYPES[format], lastModified: feedUpdated(listing.entries), keys };
    });
    return sendCached(request, reply, doc, deps.caching ?? FALLBACK_CACHING);
  }

  for (const { format, file } of FORMATS) {
    app.get(`/:lang/${file}`, async (request, reply) => {
      const p = siteParams.safeParse(request.params);
      if (!p.success) return reply.callNotFound();
      return serve(request, reply, format, p.data.lang, { kind: 'site' });
    });
    app.get(`/:lang/:board/${file}`, async (request, reply) => {
      const p = boardParams.safeParse(request.params);
      if (!p.success) return reply.callNotFound();
      return serve(request, reply, format, p.data.lang, { kind: 'board', slug: p.data.board });
    });
    app.get(`/:lang/tags/:tag/${file}`, async (request, reply) => {
      const p = tagParams.safeParse(request.params);
      if (!p.success) return reply.callNotFound();
      return serve(request, reply, format, p.data.lang, { kind: 'tag', tag: p.data.tag });
    });
  }
}
