import { isLanguage, type Language } from '../../domain/language.js';
import { candidate, type ImportCandidate, type ImportFlag, type ParsedSource, type SourceDate } from '../../app/import/import-item.js';
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

function tagsOf(categories: unknown[]): string[] {
  return [...new Set(categories.map((c) => (textOf(c) || attrOf(c, 'term')).trim()).filter(Boolean))];
}

function rssItems(channel: XmlNode, feedLanguage: Language | null): ImportCandidate[] {
  return listOf(channel.item).map((raw) => {
    const item = raw as XmlNode;
    const flags: ImportFlag[] = [];
    const title = htmlToText(textOf(item.title));
    const link = textOf(item.link).trim();
    const guid = textOf(item.guid).trim();
    const encoded = textOf(item['content:encoded']);
    const html = encoded || textOf(item.description);
    const converted = bodyOrRefusal(() => body(html, true, flags));
    const content = { title, subtitle: [], bodyMarkdown: converted.markdown, department: '', tags: tagsOf(listOf(item.category)) };
    const date = dateOf(textOf(item.pubDate) || textOf(item['dc:date']), flags, 'pubDate');
    for (const enclosure of listOf(item.enclosure)) {
      const url = attrOf(enclosure, 'url');
      if (url) flags.push({ code: 'enclosure_not_imported', message: `The enclosure ${url} is a remote file and was not imported: attach it by hand` });
    }
    return candidate({
      format: 'rss',
      ...(guid || link ? { sourceKey: guid || link } : {}),
      content,
      date,
      language: feedLanguage,
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

function atomEntries(feed: XmlNode, feedLanguage: Language | null): ImportCandidate[] {
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
    const converted = bodyOrRefusal(() => body(main.text, main.isHtml, flags));
    const content = { title, subtitle: [], bodyMarkdown: converted.markdown, department: '', tags: tagsOf(listOf(entry.category)) };
    let date = dateOf(textOf(entry.published), flags, 'published date');
    if (!date && textOf(entry.updated)) {
      date = dateOf(textOf(entry.updated), flags, 'updated date');
      if (date) flags.push({ code: 'date_from_updated', message: `The entry has no published date; its updated date (${date.text}) was taken as the publication date` });
    }
    for (const l of links.filter((l) => attrOf(l, 'rel') === 'enclosure')) {
      flags.push({ code: 'enclosure_not_imported', message: `The enclosure ${attrOf(l, 'href')} is a remote file and was not imported: attach it by hand` });
    }
    const lang = languageOf(attrOf(entry, 'xml:lang')) ?? feedLanguage;
    return candidate({
      format: 'atom',
      ...(id || link ? { sourceKey: id || link } : {}),
      content,
      date,
      language: lang,
      flags,
      refusal: title ? converted.refusal : 'the entry has no title',
    });
  });
}

/** Reads an RSS 2.0 or Atom 1.0 feed into import candidates, one per item or entry. */
export function parseFeed(text: string, label: string): ParsedSource {
  // Atom's xhtml content is markup inside the feed: kept raw so it reaches the HTML sanitizer whole.
  const doc = parseXml(text, label, ['feed.entry.content', 'feed.entry.summary', 'feed.entry.title']);
  const rss = doc.rss as XmlNode | undefined;
  if (rss) {
    const channel = (listOf(rss.channel)[0] ?? {}) as XmlNode;
    return { format: 'rss', items: rssItems(channel, languageOf(textOf(channel.language))), authors: [] };
  }
  const feed = doc.feed as XmlNode | undefined;
  if (feed) return { format: 'atom', items: atomEntries(feed, languageOf(attrOf(feed, 'xml:lang'))), authors: [] };
  throw new MalformedSourceError(`${label} is XML but neither an RSS 2.0 (<rss>) nor an Atom (<feed>) feed`);
}
