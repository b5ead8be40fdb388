import { stripXmlIllegal } from '../../domain/text.js';
import type { PublicReleaseDetail } from '../../ports/public-catalog.js';

/**
 * Serializes structured data for `<script type="application/ld+json">`. Browsers do not run it, so
 * the CSP's script-src does not apply; `<`, `>`, `&` and the JS line separators are written as
 * \u escapes so no title (say one containing `</script>`) can close the element early.
 */
export function jsonLdText(data: unknown): string {
  // Control characters would come out as \b or \u000b escapes that consumers choke on: dropped (#13).
  return JSON.stringify(data, (_key, value: unknown) => (typeof value === 'string' ? stripXmlIllegal(value) : value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** schema.org NewsArticle for a public release page. */
export function newsArticle(detail: Pick<PublicReleaseDetail, 'release' | 'edition'>, site: { name: string; pageUrl: string; description: string; imageUrl: string | null }) {
  const published = detail.release.firstPublishedAt ?? new Date(0);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: detail.edition.title,
    description: site.description,
    datePublished: published.toISOString(),
    dateModified: (detail.release.publicUpdatedAt ?? published).toISOString(),
    inLanguage: detail.release.language,
    mainEntityOfPage: { '@type': 'WebPage', '@id': site.pageUrl },
    url: site.pageUrl,
    publisher: { '@type': 'Organization', name: site.name },
    ...(site.imageUrl ? { image: [site.imageUrl] } : {}),
  };
}
