import type { SitemapOverview } from '../../app/public-pages.js';
import { LANGUAGES } from '../../domain/language.js';
import type { SitemapRelease } from '../../ports/public-catalog.js';
import { urls } from '../urls.js';
import { escapeXml } from './xml-text.js';

/** The protocol's limit of URLs per sitemap file (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapUrl {
  path: string;
  lastModified: Date | null;
}

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** A `<urlset>` of absolute URLs, with `<lastmod>` where known. */
export function urlset(baseUrl: string, entries: SitemapUrl[]): string {
  const items = entries.map((e) => `<url><loc>${escapeXml(baseUrl + e.path)}</loc>${e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">\n${items.join('\n')}\n</urlset>\n`;
}

/** A `<sitemapindex>` pointing at the chunk files. */
export function sitemapIndex(baseUrl: string, entries: SitemapUrl[]): string {
  const items = entries.map((e) => `<sitemap><loc>${escapeXml(baseUrl + e.path)}</loc>${e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ''}</sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NS}">\n${items.join('\n')}\n</sitemapindex>\n`;
}

const latest = (dates: (Date | null)[]): Date | null => dates.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);

/** Homes and board lists in both languages; a list's lastmod is its newest item's change. */
export function pageUrls(overview: SitemapOverview): SitemapUrl[] {
  return LANGUAGES.flatMap((lang) => {
    const boards = overview.boards.map((board) => ({
      path: urls.board(lang, board.slug),
      lastModified: overview.boardsLastModified.find((m) => m.boardId === board.id && m.language === lang)?.lastModified ?? null,
    }));
    return [{ path: urls.home(lang), lastModified: latest(boards.map((b) => b.lastModified)) }, ...boards];
  });
}

export function releaseUrls(releases: SitemapRelease[]): SitemapUrl[] {
  return releases.map((r) => ({ path: urls.release(r.language, r.boardSlug, r.number), lastModified: r.lastModified }));
}

/** The newest lastmod of a list of URLs, for the document's Last-Modified. */
export function newestOf(entries: SitemapUrl[]): Date | null {
  return latest(entries.map((e) => e.lastModified));
}

export const sitemapPaths = {
  root: '/sitemap.xml',
  pages: '/sitemaps/pages.xml',
  releases: (n: number) => `/sitemaps/releases-${n}.xml`,
};
