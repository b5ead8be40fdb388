import type { Language } from '../../domain/language.js';
import type { FeedFormat } from './build-feed.js';

const FILE: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'feed.atom' };

/** Feed paths (README "URL scheme"): the site's, a board's and a tag's, per language. */
export const feedUrls = {
  site: (lang: Language, format: FeedFormat) => `/${lang}/${FILE[format]}`,
  board: (lang: Language, slug: string, format: FeedFormat) => `/${lang}/${slug}/${FILE[format]}`,
  tag: (lang: Language, tag: string, format: FeedFormat) => `/${lang}/tags/${encodeURIComponent(tag)}/${FILE[format]}`,
};

/** Both formats of one feed, for `<link rel="alternate">` autodiscovery. */
export function feedLinks(paths: (format: FeedFormat) => string, title: string): { title: string; rss: string; atom: string } {
  return { title, rss: paths('rss'), atom: paths('atom') };
}
