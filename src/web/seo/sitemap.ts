import type { SitemapOverview } from '../../app/public-pages.js';
import { LANGUAGES } from '../../domain/language.js';
import { stripXmlIllegal } from '../../domain/text.js';
import type { SitemapRelease } from '../../ports/public-catalog.js';
import type { PublicVersion } from '../../ports/translation-repo.js';
import { urls } from '../urls.js';
import { escapeXml } from './xml-text.js';

/** The protocol's limit of URLs per sitemap file (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapUrl {
  path: string;
  lastModified: Date | null;
  /** Every language version of the page (itself included), as `<xhtml:link hreflang>`. */
  alternates?: { lang: string; path: string }[];
}

const XHTML = 'http://www.w3.org/1999/xhtml';

function alternateLinks(baseUrl: string, entry: SitemapUrl): string {
  if (!entry.alternates || entry.alternates.length < 2) return '';
  return entry.alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.lang)}" href="${escapeXml(baseUrl + a.path)}"/>`).join('');
}

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** A `<urlset>` of absolute URLs, with `<lastmod>` where known. */
export function urlset(baseUrl: string, entries: SitemapUrl[]): string {
  const items = entries.map((e) => `<url><loc>${escapeXml(baseUrl + e.path)}</loc>${e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ''}${alternateLinks(baseUrl, e)}</url>`);
  return stripXmlIllegal(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}" xmlns:xhtml="${XHTML}">\n${items.join('\n')}\n</urlset>\n`);
}

/** A `<sitemapindex>` pointing at the chunk files. */
export function sitemapIndex(baseUrl: string, entries: SitemapUrl[]): string {
  const items = entries.map((e) => `<sitemap><loc>${escapeXml(baseUrl + e.path)}</loc>${e.lastModified ? `<lastmod>${e.lastModified.toISOString()}</lastmod>` : ''}</sitemap>`);
  return stripXmlIllegal(`<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NS}">\n${items.join('\n')}\n</sitemapindex>\n`);
}

const latest = (dates: (Date | null)[]): Date | null => dates.reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);

/** Homes and board lists in both languages; a list's lastmod is its newest item's change. */
export function pageUrls(overview: SitemapOverview): SitemapUrl[] {
  return LANGUAGES.flatMap((lang) => {
    const boards = overview.boards.map((board) => ({
      path: urls.board(lang, board.slug),
      lastModified: overview.boardsLastModified.find((m) => m.boardId === board.id && m.language === lang)?.lastModified ?? null,
      alternates: LANGUAGES.map((l) => ({ lang: l, path: urls.board(l, board.slug) })),
    }));
    return [{ path: urls.home(lang), lastModified: latest(boards.map((b) => b.lastModified)), alternates: LANGUAGES.map((l) => ({ lang: l, path: urls.home(l) })) }, ...boards];
  });
}

/**
 * Release pages; `groups` (listed versions by translation group, from the visibility rule) adds
 * each page's public language versions as alternates.
 */
export function releaseUrls(releases: SitemapRelease[], groups: Map<string, PublicVersion[]> = new Map()): SitemapUrl[] {
  const byPage = new Map<string, PublicVersion[]>();
  for (const versions of groups.values()) for (const v of versions) byPage.set(`${v.language}/${v.boardSlug}/${v.number}`, versions);
  return releases.map((r) => {
    const versions = byPage.get(`${r.language}/${r.boardSlug}/${r.number}`);
    const alternates = versions?.map((v) => ({ lang: v.language, path: urls.release(v.language, v.boardSlug, v.number) }));
    return { path: urls.release(r.language, r.boardSlug, r.number), lastModified: r.lastModified, ...(alternates ? { alternates } : {}) };
  });
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
