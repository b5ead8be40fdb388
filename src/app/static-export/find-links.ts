/**
 * Links a page or document points to on the site itself, so the export also picks up whatever the
 * pages use (the stylesheet, attachments and their WebP copies, sitemap chunks) without a list to
 * keep in step with the views.
 */

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&lt;': '<', '&gt;': '>' };
const decodeEntities = (text: string) => text.replace(/&(?:amp|quot|#39|#x27|lt|gt);/g, (e) => ENTITIES[e]!);

/** Paths of the press office, previews, the API and health checks: never part of a static copy. */
const PRIVATE = /^\/(?:admin|preview|api|healthz)(?:[/?]|$)/;

/** A link as a local path (with query), or null when it leads off the site or somewhere private. */
export function localPath(link: string, baseUrl: string): string | null {
  let path: string;
  if (link.startsWith(baseUrl + '/')) path = link.slice(baseUrl.length);
  else if (link.startsWith('/') && !link.startsWith('//')) path = link;
  else return null;
  path = path.replace(/#.*$/, '');
  if (path === '' || PRIVATE.test(path)) return null;
  return path;
}

/** Every local link in an HTML page (href, src, srcset) or an XML feed or sitemap (loc, link, href, url). */
export function findLinks(body: string, contentType: string, baseUrl: string): string[] {
  const found: string[] = [];
  if (contentType.startsWith('text/html')) {
    for (const m of body.matchAll(/\s(?:href|src)="([^"]*)"/g)) found.push(decodeEntities(m[1]!));
    for (const m of body.matchAll(/\ssrcset="([^"]*)"/g)) {
      for (const candidate of decodeEntities(m[1]!).split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) found.push(url);
      }
    }
  } else if (/xml/.test(contentType)) {
    for (const m of body.matchAll(/<(?:loc|link)>([^<]*)<\/(?:loc|link)>/g)) found.push(decodeEntities(m[1]!.trim()));
    for (const m of body.matchAll(/\s(?:href|url)="([^"]*)"/g)) found.push(decodeEntities(m[1]!));
  }
  const paths = new Set<string>();
  for (const link of found) {
    const path = localPath(link, baseUrl);
    if (path) paths.add(path);
  }
  return [...paths];
}
