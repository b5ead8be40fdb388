import { Feed, type Item } from 'feed';
import type { Language } from '../../domain/language.js';
import { stripXmlIllegal } from '../../domain/text.js';
import type { FeedEntry, PublicFile } from '../../ports/public-catalog.js';
import { renderMarkdown } from '../render/markdown.js';
import { escapeXml } from '../seo/xml-text.js';
import { urls } from '../urls.js';

export type FeedFormat = 'rss' | 'atom';

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

export interface FeedDescription {
  siteName: string;
  baseUrl: string;
  language: Language;
  /** The feed's own title, e.g. "Test Newsroom: Press releases". */
  title: string;
  /** The HTML page the feed follows (home or board). */
  pagePath: string;
  /** The paths of this feed in both formats. */
  feedPaths: Record<FeedFormat, string>;
  entries: FeedEntry[];
}

/** When the feed last changed: the newest correction or appearance among its entries. */
export function feedUpdated(entries: FeedEntry[]): Date {
  const times = entries.flatMap((e) => [e.publicUpdatedAt.getTime(), e.publicAt.getTime()]);
  return new Date(times.length > 0 ? Math.max(...times) : 0);
}

/** `feed` escapes only `&` in URLs it writes as text; this is the same text, to find it again. */
const asFeedWritesUrl = (url: string) => new URL(url).toString().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `feed` package writes CDATA with only its first `]]>` split: none may reach it. */
const cdataSafe = (html: string) => html.replace(/]]>/g, ']]&gt;');

/**
 * Plain text for a CDATA section the `feed` package writes: it splits the first `]]>` itself
 * (xml-js replaces one occurrence), so every later one is split here, and the text reads exactly
 * as typed once parsed.
 */
export function cdataText(text: string): string {
  const first = text.indexOf(']]>');
  if (first < 0) return text;
  const rest = first + 3;
  return text.slice(0, rest) + text.slice(rest).replace(/]]>/g, ']]]]><![CDATA[>');
}

/**
 * Builds an RSS 2.0 or Atom document with the `feed` package. It writes titles, summaries and
 * content as HTML verbatim, so titles are escaped here and content is the sanitized rendering of the
 * body. GUIDs (and Atom ids) are the permanent release URLs; RSS pubDate and Atom `published` are
 * the first publication, Atom `updated` the last public change (so it moves with a correction).
 */
export function buildFeed(format: FeedFormat, d: FeedDescription): string {
  const abs = (path: string) => `${d.baseUrl}${path}`;
  const fileUrl = (f: PublicFile) => abs(urls.file(f.sha256, f.fileName));
  const feed = new Feed({
    id: abs(d.feedPaths.atom),
    title: d.title,
    link: abs(d.pagePath),
    description: d.title,
    language: d.language,
    updated: feedUpdated(d.entries),
    generator: 'Pressroom',
    feedLinks: { rss: abs(d.feedPaths.rss), atom: abs(d.feedPaths.atom) },
    copyright: d.siteName,
  });
  for (const entry of d.entries) {
    const item: Item = {
      // RSS readers show an item title as plain text (so `'` stays `'`, not `&#39;`); Atom writes
      // it as type="html", where markup characters must be escaped.
      title: format === 'rss' ? cdataText(entry.title) : escapeXml(entry.title),
      // No id or guid: then `feed` writes the link as the RSS GUID with isPermaLink="true".
      link: abs(urls.release(entry.language, entry.boardSlug, entry.number)),
      date: entry.publicUpdatedAt,
      published: entry.firstPublishedAt,
      content: cdataSafe(renderMarkdown(entry.bodyMarkdown)),
      author: [{ name: d.siteName }],
    };
    if (entry.subtitle.length > 0) item.description = entry.subtitle.map((line) => escapeXml(line)).join('<br/>');
    // RSS allows one enclosure per item; Atom gets all of them below, with their real types.
    const first = entry.attachments[0];
    if (format === 'rss') {
      if (first) item.enclosure = { url: fileUrl(first), length: first.byteSize, type: first.mimeType };
      if (entry.tags.length > 0) item.category = entry.tags.map((name) => ({ name }));
    }
    feed.addItem(item);
  }
  // Text reaching here was normalised when written; stripping what XML 1.0 forbids keeps even an
  // older row (or a future writer's slip) from making the whole feed unreadable (#13).
  if (format === 'rss') return stripXmlIllegal(feed.rss2());
  // `feed` 6.0 writes an Atom enclosure's type from the URL's extension under image/ (a PDF becomes
  // "image/pdf") and category terms unescaped, so both are written here after each entry's id.
  let atom = feed.atom1();
  for (const entry of d.entries) {
    const id = `<id>${asFeedWritesUrl(abs(urls.release(entry.language, entry.boardSlug, entry.number)))}</id>`;
    const extra = [
      ...entry.attachments.map((f) => `<link rel="enclosure" href="${escapeXml(fileUrl(f))}" type="${escapeXml(f.mimeType)}" length="${f.byteSize}"/>`),
      ...entry.tags.map((tag) => `<category term="${escapeXml(tag)}"/>`),
    ].join('');
    if (!atom.includes(id)) throw new Error(`Atom entry id not found for release ${entry.releaseId}`);
    atom = atom.replace(id, () => `${id}${extra}`);
  }
  return stripXmlIllegal(atom);
}
