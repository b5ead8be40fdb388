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

/** schema.org NewsArticle for a public release page: the department as author, the ministry as publisher. */
export function newsArticle(
  detail: Pick<PublicReleaseDetail, 'release' | 'edition'>,
  site: { name: string; siteUrl?: string; logoUrl?: string; pageUrl: string; description: string; image: { url: string; alt: string; width: number | null; height: number | null } | null },
) {
  const published = detail.release.firstPublishedAt ?? new Date(0);
  const publisher = {
    '@type': 'GovernmentOrganization',
    name: site.name,
    ...(site.siteUrl ? { url: site.siteUrl } : {}),
    ...(site.logoUrl ? { logo: { '@type': 'ImageObject', url: site.logoUrl } } : {}),
  };
  const department = detail.edition.department.trim();
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
    author: department ? { '@type': 'GovernmentOrganization', name: department, parentOrganization: { '@type': 'GovernmentOrganization', name: site.name } } : publisher,
    publisher,
    ...(site.image
      ? {
          image: [
            {
              '@type': 'ImageObject',
              url: site.image.url,
              caption: site.image.alt,
              ...(site.image.width ? { width: site.image.width } : {}),
              ...(site.image.height ? { height: site.image.height } : {}),
            },
          ],
        }
      : {}),
  };
}
