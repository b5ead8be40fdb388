import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PublicPages } from '../../app/public-pages.js';
import type { PublicVersions } from '../../app/translations/public-versions.js';
import { cacheOrRender, sendCached } from '../cache/cached-response.js';
import type { ContentVersionTracker } from '../cache/content-version.js';
import type { PageCache } from '../cache/page-cache.js';
import { fixedCaching, type PublicCaching } from '../cache/shared-cache.js';
import { surrogateKeys } from '../cache/surrogate-keys.js';
import { newestOf, pageUrls, releaseUrls, SITEMAP_MAX_URLS, sitemapIndex, sitemapPaths, urlset } from './sitemap.js';


const FALLBACK_CACHING = fixedCaching('public, max-age=300');
export interface SeoRouteDeps {
  pages: PublicPages;
  cache: PageCache;
  version: ContentVersionTracker;
  baseUrl: string;
  /** URLs per sitemap file before `/sitemap.xml` becomes an index (tests use a small one). */
  sitemapChunkSize?: number;
  /** Language versions, for each release's hreflang alternates. */
  versions?: PublicVersions;
  /** Cache-Control and surrogate keys for shared caches; `public, max-age=300` without it. */
  caching?: PublicCaching;
}

const XML = 'application/xml; charset=utf-8';
const chunkFile = /^releases-([1-9]\d{0,6})\.xml$/;

/** robots.txt: everything public may be crawled, the press office and embargo previews not. */
export function robotsTxt(baseUrl: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /preview', '', `Sitemap: ${baseUrl}${sitemapPaths.root}`, ''].join('\n');
}

/**
 * `/sitemap.xml` lists homes, board lists and every listed release page; past `sitemapChunkSize`
 * URLs it becomes an index of `/sitemaps/pages.xml` and `/sitemaps/releases-N.xml`. Withdrawn
 * pages (noindex), drafts and embargoed releases are never listed: the catalog's rule applies.
 */
export function registerSeoRoutes(app: FastifyInstance, deps: SeoRouteDeps): void {
  const chunk = deps.sitemapChunkSize ?? SITEMAP_MAX_URLS;
  const cache = { pages: deps.cache, version: deps.version };
  const groups = async () => (deps.versions ? deps.versions.listedGroups() : new Map());

  async function cached(request: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<{ xml: string; lastModified: Date | null } | null>) {
    const doc = await cacheOrRender(cache, key, async () => {
      const made = await render();
      return made && { text: made.xml, contentType: XML, lastModified: made.lastModified, keys: [surrogateKeys.sitemap] };
    });
    if (!doc) return reply.callNotFound();
    return sendCached(request, reply, doc, deps.caching ?? FALLBACK_CACHING);
  }

  app.get('/robots.txt', async (_request, reply) => reply.type('text/plain; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(robotsTxt(deps.baseUrl)));

  app.get(sitemapPaths.root, async (request, reply) =>
    cached(request, reply, 'sitemap:root', async () => {
      const overview = await deps.pages.sitemapOverview();
      const pages = pageUrls(overview);
      if (pages.length + overview.listedCount <= chunk) {
        const all = [...pages, ...releaseUrls(await deps.pages.sitemapReleases(0, chunk), await groups())];
        return { xml: urlset(deps.baseUrl, all), lastModified: newestOf(all) };
      }
      const chunks = Math.ceil(overview.listedCount / chunk);
      const files = [{ path: sitemapPaths.pages, lastModified: newestOf(pages) }, ...Array.from({ length: chunks }, (_, i) => ({ path: sitemapPaths.releases(i + 1), lastModified: null }))];
      return { xml: sitemapIndex(deps.baseUrl, files), lastModified: newestOf(pages) };
    }),
  );

  app.get('/sitemaps/:file', async (request, reply) => {
    const file = (request.params as { file: string }).file;
    if (file === 'pages.xml') {
      return cached(request, reply, 'sitemap:pages', async () => {
        const pages = pageUrls(await deps.pages.sitemapOverview());
        return { xml: urlset(deps.baseUrl, pages), lastModified: newestOf(pages) };
      });
    }
    const n = chunkFile.exec(file)?.[1];
    if (!n) return reply.callNotFound();
    return cached(request, reply, `sitemap:releases:${n}`, async () => {
      const releases = releaseUrls(await deps.pages.sitemapReleases((Number(n) - 1) * chunk, chunk), await groups());
      return releases.length === 0 ? null : { xml: urlset(deps.baseUrl, releases), lastModified: newestOf(releases) };
    });
  });
}
