import { characters, listTitle } from '../../domain/release.js';
import { isRealDay, type ImportFlag, type SourceDate } from './import-item.js';

/**
 * A press-release page as the old board system shows it, read from its text (a scrape, or saved
 * HTML turned into lines): section heading, board name, the list title cut at 64 (or 128)
 * characters with "...", the full title, subtitle lines, body, byline and copyright (news items),
 * image placeholders and the "File" area.
 */
export interface ScrapedPage {
  section: string | null;
  board: string | null;
  /** The cut title of the list, as shown ("...Ch..."), or null when the page shows none. */
  listTitle: string | null;
  title: string;
  subtitle: string[];
  bodyMarkdown: string;
  byline: string | null;
  copyright: string | null;
  date: SourceDate | null;
  /** File names the File area lists (its fixed template bullet excluded). */
  files: string[];
  flags: ImportFlag[];
}

/** The page could not be read as a press-release page; the reason says what was missing. */
export class UnrecognisedPageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnrecognisedPageError';
  }
}

/** A line that stands where an image was, in text made from HTML (U+FFFC OBJECT REPLACEMENT CHARACTER). */
export const IMAGE_MARK = '\uFFFC';

const SECTION_HEADINGS = /^(news\s*zone|뉴스\s*존|국방\s*소식|알림\s*마당|소식|news)$/i;
const CUT_MARK = /(\.\.\.|…)$/;
const DASH_LED = /^[-–—―‐]\s*/;
const DASH_TRAILING = /\s*[-–—―‐]$/;
const FILE_AREA = /^(files?|attachments?|attached files?|첨부\s*파일|첨부|파일)\s*[:：]?$/i;
const FILE_BULLET = /^[•·∙◦○□\-*]\s*/;
/** The File area's fixed template bullet: not a file. */
const TEMPLATE_BULLETS = ['(Presentation and Follow-on discussion)', '(발표 및 후속 토의)'].map((t) => t.replace(/\s+/g, '').toLowerCase());
const COPYRIGHT = /^(copyright\b|ⓒ|©|\(c\)\s)|all rights reserved|무단\s*전재|저작권자/i;
const BYLINE = /^(by|written by|reported by|reporter|photo by)\s+[^.!?]{1,60}$|^(글|사진|기자)\s*[=:：]\s*\S.{0,60}$|^\[?[^\s\]]{1,12}\s*기자\]?(\s*[<(]?[\w.+-]+@[\w.-]+[>)]?)?$/i;
const DATE_LINE =
  /^(date|posted|published|registered|등록일|작성일|게시일|날짜|일자)\s*[:：]?\s*(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*일?\.?(?:\s*\(\S+\))?(?:\s+(\d{1,2})\s*:\s*(\d{2}))?\s*$/i;
/** Korean report style: □ is a point, ◦/○ a sub-point, - or · a sub-sub-point. */
const BULLETS: { mark: RegExp; level: number }[] = [
  { mark: /^[□■◇◆❍•]\s*/, level: 0 },
  { mark: /^[◦○ㅇ∘●]\s*/, level: 1 },
  { mark: /^[-·∙‐]\s+/, level: 2 },
];

interface Entry {
  text: string;
  /** Blank lines before it: the old pages set the subtitle apart with a wider gap than paragraphs. */
  gap: number;
}

function entriesOf(text: string): Entry[] {
  const entries: Entry[] = [];
  let gap = 0;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/[\u00a0\u200b\u3000\t]/g, ' ').trim();
    if (line === '') {
      gap += 1;
      continue;
    }
    entries.push({ text: line, gap });
    gap = 0;
  }
  return entries;
}

const charCount = (s: string) => characters(s).length;

/** "Defense Minister ... Joint Ch..." followed by the title it cuts; returns the prefix. */
function cutPrefix(line: string, next: string | undefined): string | null {
  if (!CUT_MARK.test(line)) return null;
  const prefix = line.replace(CUT_MARK, '');
  const n = charCount(prefix);
  if (n === 64 || n === 128) return prefix;
  if (next && n >= 20 && next.startsWith(prefix.trimEnd()) && charCount(next) > n) return prefix;
  return null;
}

/** Markdown-escapes text that was plain on the page, so it renders as it read. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]])/g, '\\$1')
    .replace(/^(#|>|[-+=])/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

function parseDate(m: RegExpExecArray, text: string): SourceDate | null {
  const [year, month, day, hour, minute] = [m[2], m[3], m[4], m[5] ?? '0', m[6] ?? '0'].map(Number) as [number, number, number, number, number];
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59) return null;
  return { local: { year, month, day, hour, minute }, text };
}

/**
 * Reads a scraped press-release page. Pure: the text in, the page's parts out, with flags for what
 * a person should check (a missing full title, removed photo placeholders, files named but absent).
 * Dates are taken only from an explicit date line; none is ever made up.
 */
export function parseScrapedPage(text: string): ScrapedPage {
  const entries = entriesOf(text);
  const flags: ImportFlag[] = [];
  if (entries.length === 0) throw new UnrecognisedPageError('the page is empty');

  // Header: [section] [board] list title [full title].
  let titleAt = -1;
  let title = '';
  let list: string | null = null;
  let next = 0;
  for (let i = 0; i < Math.min(4, entries.length); i++) {
    const line = entries[i]!.text;
    const following = entries[i + 1]?.text;
    const prefix = cutPrefix(line, following);
    if (prefix !== null) {
      titleAt = i;
      list = line;
      if (following && following.startsWith(prefix.trimEnd()) && charCount(following) > charCount(prefix.trimEnd())) {
        title = following;
        next = i + 2;
      } else {
        title = line;
        next = i + 1;
        flags.push({ code: 'title_cut', message: `The page shows only the list title, cut at ${charCount(prefix)} characters: "${line}" was kept as the title; complete it by hand` });
      }
      break;
    }
    if (following !== undefined && following === line && i + 1 < entries.length) {
      titleAt = i;
      list = line;
      title = line;
      next = i + 2;
      break;
    }
  }
  if (titleAt < 0) {
    if (entries.length >= 3 && SECTION_HEADINGS.test(entries[0]!.text)) {
      titleAt = 2;
      title = entries[2]!.text;
      next = 3;
    } else {
      throw new UnrecognisedPageError('no title found: expected the list title (cut at 64 or 128 characters with "...") followed by the full title, after the section heading and board name');
    }
  }
  const header = entries.slice(0, titleAt).map((e) => e.text);
  let section: string | null = null;
  let board: string | null = null;
  if (header.length >= 2) {
    section = header[header.length - 2]!;
    board = header[header.length - 1]!;
  } else if (header.length === 1) {
    if (SECTION_HEADINGS.test(header[0]!)) section = header[0]!;
    else board = header[0]!;
  }

  // The File area closes the article; nothing after it is body text.
  const rest = entries.slice(next);
  const fileAt = rest.findIndex((e) => FILE_AREA.test(e.text));
  const article = fileAt >= 0 ? rest.slice(0, fileAt) : rest;
  const files: string[] = [];
  if (fileAt >= 0) {
    for (const e of rest.slice(fileAt + 1)) {
      if (!FILE_BULLET.test(e.text) && !/\.[a-z0-9]{2,5}$/i.test(e.text)) continue;
      const name = e.text.replace(FILE_BULLET, '').trim();
      const compact = name.replace(/\s+/g, '').toLowerCase();
      if (TEMPLATE_BULLETS.some((t) => compact.startsWith(t))) continue;
      if (name) files.push(name);
    }
  }

  // Date, byline and copyright lines may stand anywhere in the article; they are not body text.
  let date: SourceDate | null = null;
  let byline: string | null = null;
  let copyright: string | null = null;
  const placeholders = new Set([listTitle(title, 50), characters(title).slice(0, 50).join(''), title]);
  let photos = 0;
  const content: Entry[] = [];
  for (const e of article) {
    const dateMatch = DATE_LINE.exec(e.text);
    if (dateMatch && !date) {
      date = parseDate(dateMatch, e.text);
      if (!date) flags.push({ code: 'date_unreadable', message: `The date line "${e.text}" names no real day; no date was taken` });
      continue;
    }
    if (e.text === IMAGE_MARK || placeholders.has(e.text)) {
      photos += 1;
      continue;
    }
    if (COPYRIGHT.test(e.text) && charCount(e.text) <= 200) {
      copyright = copyright ? `${copyright} ${e.text}` : e.text;
      continue;
    }
    if (!byline && BYLINE.test(e.text)) {
      byline = e.text;
      continue;
    }
    content.push(e);
  }
  if (photos > 0) {
    flags.push({ code: 'photo_not_imported', message: `${photos} photo${photos === 1 ? '' : 's'} stood on the page (placeholder line${photos === 1 ? '' : 's'} removed); the image files are not in the source: attach them by hand` });
  }

  // Subtitle: dash-led or dash-wrapped lines straight after the title; or plain lines set apart
  // from the body by a wider gap than the paragraphs have.
  const subtitle: string[] = [];
  let bodyFrom = 0;
  const isBullet = (t: string) => BULLETS.some((b) => b.mark.test(t));
  while (bodyFrom < content.length && DASH_LED.test(content[bodyFrom]!.text) && subtitle.length < 10) {
    subtitle.push(content[bodyFrom]!.text.replace(DASH_LED, '').replace(DASH_TRAILING, '').trim());
    bodyFrom += 1;
  }
  if (subtitle.length === 0 && content.length >= 2) {
    const gaps = content.slice(1).map((e) => e.gap);
    const paragraphGap = Math.min(...gaps);
    const run = content.findIndex((e, i) => i > 0 && e.gap > paragraphGap);
    if (run > 0 && run <= 3 && content.slice(0, run).every((e) => charCount(e.text) <= 300 && !isBullet(e.text))) {
      for (const e of content.slice(0, run)) subtitle.push(e.text);
      bodyFrom = run;
    }
  }

  const blocks: string[] = [];
  let listLines: string[] = [];
  let depth = -1;
  const closeList = () => {
    if (listLines.length > 0) blocks.push(listLines.join('\n'));
    listLines = [];
    depth = -1;
  };
  for (const e of content.slice(bodyFrom)) {
    const bullet = BULLETS.find((b) => b.mark.test(e.text));
    // A dash line starts a list only under a point; on its own it is a paragraph.
    if (bullet && !(bullet.level === 2 && depth < 0)) {
      const level = Math.min(bullet.level, depth + 1);
      depth = level;
      listLines.push(`${'  '.repeat(level)}- ${escapeMarkdown(e.text.replace(bullet.mark, ''))}`);
      continue;
    }
    closeList();
    blocks.push(escapeMarkdown(e.text));
  }
  closeList();
  const tail = [byline, copyright].filter((t): t is string => t !== null).map((t) => `*${escapeMarkdown(t)}*`);

  for (const name of files) {
    flags.push({ code: 'file_not_imported', message: `The page lists the file "${name}", which is not in the source: attach it by hand` });
  }
  return { section, board, listTitle: list, title, subtitle, bodyMarkdown: [...blocks, ...tail].join('\n\n'), byline, copyright, date, files, flags };
}
