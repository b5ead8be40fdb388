import { isLanguage, type Language } from '../../domain/language.js';
import { candidate, type CandidateFile, type ImportCandidate, type ImportFlag, type ParsedSource, type SourceDate } from '../../app/import/import-item.js';
import { bodyOrRefusal } from './html-depth.js';
import { htmlToMarkdown, htmlToText, textToMarkdown } from './html-to-markdown.js';
import { attrOf, decodeXmlEntities, listOf, MalformedSourceError, parseXml, textOf, type XmlNode } from './xml.js';

const languageOf = (value: string): Language | null => {
  const primary = value.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(primary) ? primary : null;
};

/** An RFC 822 (RSS) or ISO 8601 (Atom) date; an unreadable one is reported, never guessed. */
function dateOf(text: string, flags: ImportFlag[], element: string): SourceDate | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const ms = Date.parse(trimmed);
  if (Number.isNaN(ms)) {
    flags.push({ code: 'date_unreadable', message: `The ${element} "${trimmed}" is not a date Pressroom can read; no date was taken` });
    return null;
  }
  return { instant: new Date(ms), text: trimmed };
}

function body(html: string, isHtml: boolean, flags: ImportFlag[]): string {
  if (!isHtml) return textToMarkdown(html);
  const { markdown, images } = htmlToMarkdown(html);
  if (images > 0) flags.push({ code: 'inline_images_dropped', message: `${images} image${images === 1 ? '' : 's'} in the body ${images === 1 ? 'was' : 'were'} not imported (remote files): attach ${images === 1 ? 'it' : 'them'} by hand` });
  return markdown;
}

/** How a feed's enclosures may be fetched: only with `--fetch-files`, only from the feed's own origin. */
export interface FeedFileOptions {
  /** The feed's URL when it was read over http(s); null for a file (no origin to trust). */
  feedUrl?: string | null;
  fetchFiles?: boolean;
  fetchFile?: (url: string) => Promise<Uint8Array>;
}

/** An enclosure as a file to attach (fetched when the item is written), or a flag saying why not. */
function enclosure(url: string, options: FeedFileOptions, files: CandidateFile[], flags: ImportFlag[]): void {
  let resolved: URL | null = null;
  try {
    resolved = new URL(url, options.feedUrl ?? undefined);
  } catch {
    resolved = null;
  }
  const origin = options.feedUrl ? new URL(options.feedUrl).origin : null;
  if (options.fetchFiles && options.fetchFile && resolved && origin && resolved.origin === origin) {
    const href = resolved.href;
    const fileName = decodeURIComponent(resolved.pathname.split('/').pop() || '') || 'enclosure';
    files.push({ fileName, read: () => options.fetchFile!(href), origin: href, caption: '', altText: '' });
    return;
  }
  const why = !options.fetchFiles
    ? 'and was not fetched: run again with --fetch-files to fetch enclosures from the feed\'s own origin, or attach it by hand'
    : !origin
      ? 'and was not fetched: the feed was read from a file, so it has no origin to fetch from; attach it by hand'
      : `and was not fetched: it is not on the feed's own origin (${origin}); attach it by hand`;
  flags.push({ code: 'enclosure_not_imported', message: `The enclosure ${url} is a remote file ${why}` });
}

function tagsOf(categories: unknown[]): string[] {
  return [...new Set(categories.map((c) => (textOf(c) || attrOf(c, 'term')).trim()).filter(Boolean))];
}

function rssItems(channel: XmlNode, feedLanguage: Language | null, fileOptions: FeedFileOptions): ImportCandidate[] {
  return listOf(channel.item).map((raw) => {
    const item = raw as XmlNode;
    const flags: ImportFlag[] = [];
    const title = htmlToText(textOf(item.title));
    const link = textOf(item.link).trim();
    const guid = textOf(item.guid).trim();
    const encoded = textOf(item['content:encoded']);
    const html = encoded || textOf(item.description);
    const categories = tagsOf(listOf(item.category));
    const converted = bodyOrRefusal(() => body(html, true, flags));
    const content = { title, subtitle: [], bodyMarkdown: converted.markdown, department: '', tags: categories };
    const date = dateOf(textOf(item.pubDate) || textOf(item['dc:date']), flags, 'pubDate');
    const files: CandidateFile[] = [];
    for (const node of listOf(item.enclosure)) {
      const url = attrOf(node, 'url');
      if (url) enclosure(url, fileOptions, files, flags);
    }
    return candidate({
      format: 'rss',
      ...(guid || link ? { sourceKey: guid || link } : {}),
      content,
      date,
      language: feedLanguage,
      sections: categories,
      files,
      flags,
      refusal: title ? converted.refusal : 'the item has no title',
    });
  });
}

function atomText(node: unknown, flags: ImportFlag[]): { text: string; isHtml: boolean } {
  const type = attrOf(node, 'type') || 'text';
  const raw = textOf(node);
  if (type === 'xhtml') return { text: raw, isHtml: true };
  if (type === 'html') return { text: decodeXmlEntities(raw), isHtml: true };
  if (type !== 'text') flags.push({ code: 'content_type_unsupported', message: `Content of type "${type}" was read as plain text` });
  return { text: decodeXmlEntities(raw), isHtml: false };
}

function atomEntries(feed: XmlNode, feedLanguage: Language | null, fileOptions: FeedFileOptions): ImportCandidate[] {
  return listOf(feed.entry).map((raw) => {
    const entry = raw as XmlNode;
    const flags: ImportFlag[] = [];
    const titleNode = atomText(entry.title, flags);
    const title = titleNode.isHtml ? htmlToText(titleNode.text) : titleNode.text.replace(/\s+/g, ' ').trim();
    const links = listOf(entry.link);
    const alternate = links.find((l) => (attrOf(l, 'rel') || 'alternate') === 'alternate');
    const link = alternate ? attrOf(alternate, 'href') : '';
    const id = textOf(entry.id).trim();
    const main = entry.content !== undefined ? atomText(entry.content, flags) : atomText(entry.summary, flags);
    const categories = tagsOf(listOf(entry.category));
    const converted = bodyOrRefusal(() => body(main.text, main.isHtml, flags));
    const content = { title, subtitle: [], bodyMarkdown: converted.markdown, department: '', tags: categories };
    let date = dateOf(textOf(entry.published), flags, 'published date');
    if (!date && textOf(entry.updated)) {
      date = dateOf(textOf(entry.updated), flags, 'updated date');
      if (date) flags.push({ code: 'date_from_updated', message: `The entry has no published date; its updated date (${date.text}) was taken as the publication date` });
    }
    const files: CandidateFile[] = [];
    for (const l of links.filter((l) => attrOf(l, 'rel') === 'enclosure')) if (attrOf(l, 'href')) enclosure(attrOf(l, 'href'), fileOptions, files, flags);
    const lang = languageOf(attrOf(entry, 'xml:lang')) ?? feedLanguage;
    return candidate({
      format: 'atom',
      ...(id || link ? { sourceKey: id || link } : {}),
      content,
      date,
      language: lang,
      sections: categories,
      files,
      flags,
      refusal: title ? converted.refusal : 'the entry has no title',
    });
  });
}

/**
 * Reads an RSS 2.0 or Atom 1.0 feed into import candidates, one per item or entry. Categories are
 * tags, and may pick the board (`--map`, or a known board name); enclosures are fetched only when
 * asked and only from the feed's own origin.
 */
export function parseFeed(text: string, label: string, fileOptions: FeedFileOptions = {}): ParsedSource {
  // Atom's xhtml content is markup inside the feed: kept raw so it reaches the HTML sanitizer whole.
  const doc = parseXml(text, label, ['feed.entry.content', 'feed.entry.summary', 'feed.entry.title']);
  const rss = doc.rss as XmlNode | undefined;
  if (rss) {
    const channel = (listOf(rss.channel)[0] ?? {}) as XmlNode;
    return { format: 'rss', items: rssItems(channel, languageOf(textOf(channel.language)), fileOptions), authors: [] };
  }
  const feed = doc.feed as XmlNode | undefined;
  if (feed) return { format: 'atom', items: atomEntries(feed, languageOf(attrOf(feed, 'xml:lang')), fileOptions), authors: [] };
  throw new MalformedSourceError(`${label} is XML but neither an RSS 2.0 (<rss>) nor an Atom (<feed>) feed`);
}
