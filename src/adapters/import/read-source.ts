import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ImportFormat, ParsedSource } from '../../app/import/import-item.js';
import { pageCandidate } from '../../app/import/page-candidate.js';
import { htmlPageText } from './html-page.js';
import { parseFeed } from './parse-feed.js';
import { parseWxr } from './parse-wxr.js';
import { MalformedSourceError } from './xml.js';

export { MalformedSourceError } from './xml.js';

/** Largest source read from a URL. */
const MAX_FETCH_BYTES = 100 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 60_000;
const PAGE_FILE = /\.(txt|html?)$/i;

/** Text in UTF-8, or in EUC-KR (CP949), which old Korean board systems still save. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('euc-kr').decode(bytes);
  }
}

/** What a source is, from its first bytes (and its name or content type when the bytes are plain text). */
export function detectFormat(text: string, hint: string): ImportFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 4096);
  const looksXml = head.startsWith('<?xml') || /\.(xml|rss|atom)$/i.test(hint) || /^(application|text)\/[\w.+-]*(xml|rss|atom)/i.test(hint);
  if (/<rss[\s>]/i.test(head) && /xmlns:wp="https?:\/\/wordpress\.org\/export\//i.test(head)) return 'wxr';
  if (/<rss[\s>]/i.test(head)) return 'rss';
  if (/<feed[\s>]/i.test(head)) return 'atom';
  if (/^<(!doctype html|html|head|body|main|div|article|p)\b/i.test(head) || /\.html?$/i.test(hint) || /text\/html/i.test(hint)) return 'page-html';
  if (looksXml) {
    if (head.startsWith('<')) throw new MalformedSourceError(`${hint} is XML but neither an RSS 2.0 or Atom feed nor a WordPress export`);
    throw new MalformedSourceError(`${hint} is not well-formed XML: it does not start with an element`);
  }
  return 'page-text';
}

/** What a person adds to a source: the title of a page that has none, whether to fetch a feed's enclosures. */
export interface ReadSourceOptions {
  format?: ImportFormat;
  /** The title of a single page that shows none (`--title`). */
  title?: string;
  /** Fetch feed enclosures from the feed's own origin (`--fetch-files`). */
  fetchFiles?: boolean;
}

function parseText(text: string, format: ImportFormat, label: string, baseDir: string | null, url: string | null, options: ReadSourceOptions): ParsedSource {
  if (format === 'wxr') return parseWxr(text, label, baseDir);
  if (format === 'rss' || format === 'atom') return parseFeed(text, label, { feedUrl: url, fetchFiles: options.fetchFiles, fetchFile: fetchBytes });
  if (format === 'page-html') {
    const page = htmlPageText(text, label);
    return { format, items: [pageCandidate(page.text, { format, name: label, url: page.url ?? url, language: page.language, date: page.date, title: options.title })], authors: [] };
  }
  return { format, items: [pageCandidate(text, { format, name: label, url, title: options.title })], authors: [] };
}

/** A feed's enclosure, fetched when its item is written: bounded in size and time, same origin after redirects. */
async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new MalformedSourceError(`${url} answered ${response.status} ${response.statusText}`);
  if (response.url && new URL(response.url).origin !== new URL(url).origin) throw new MalformedSourceError(`${url} redirected to another origin (${new URL(response.url).origin}); not fetched`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_FETCH_BYTES) throw new MalformedSourceError(`${url} is larger than ${MAX_FETCH_BYTES / 1024 / 1024} MB`);
  return bytes;
}

async function fetchText(url: string): Promise<{ text: string; contentType: string; finalUrl: string }> {
  const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.8, */*;q=0.5' } });
  if (!response.ok) throw new MalformedSourceError(`${url} answered ${response.status} ${response.statusText}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_FETCH_BYTES) throw new MalformedSourceError(`${url} is larger than ${MAX_FETCH_BYTES / 1024 / 1024} MB`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_FETCH_BYTES) throw new MalformedSourceError(`${url} is larger than ${MAX_FETCH_BYTES / 1024 / 1024} MB`);
  return { text: decodeText(bytes), contentType: response.headers.get('content-type') ?? '', finalUrl: response.url || url };
}

/**
 * Reads an import source and parses it: a scraped page (.txt) or saved page (.html), a folder of
 * them, an RSS 2.0 or Atom feed, or a WordPress export, from a file or an http(s) URL. The format
 * is detected from the content unless given. Malformed XML is refused with its line and column.
 */
export async function readImportSource(source: string, options: ReadSourceOptions = {}): Promise<ParsedSource> {
  if (/^https?:\/\//i.test(source)) {
    const { text, contentType, finalUrl } = await fetchText(source);
    const format = options.format ?? detectFormat(text, contentType || source);
    return parseText(text, format, source, null, finalUrl, options);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) throw new MalformedSourceError(`${source}: only files, folders and http(s) URLs can be imported`);
  const path = resolve(source);
  const info = await stat(path).catch(() => null);
  if (!info) throw new MalformedSourceError(`${source}: no such file or folder`);
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((n) => PAGE_FILE.test(n)).sort();
    if (names.length === 0) throw new MalformedSourceError(`${source}: the folder holds no .txt or .html pages`);
    if (options.title) throw new MalformedSourceError(`${source}: --title names the title of one page; import the page that lacks one on its own`);
    const parsed = await Promise.all(names.map(async (name) => parseText(decodeText(await readFile(join(path, name))), options.format ?? (extname(name).toLowerCase() === '.txt' ? 'page-text' : 'page-html'), name, path, null, options)));
    return { format: parsed.every((p) => p.format === 'page-html') ? 'page-html' : 'page-text', items: parsed.flatMap((p) => p.items), authors: [] };
  }
  const text = decodeText(await readFile(path));
  const format = options.format ?? detectFormat(text, basename(path));
  return parseText(text, format, basename(path), dirname(path), null, options);
}
