import { characters } from '../../domain/release.js';
import { isRealDay, type ImportFlag, type SourceDate } from './import-item.js';
import { NUMBERED_POINT, pageShape, refusalFor, SENTENCE_END } from './page-shapes.js';
import { dateInSentence, firstSentence } from './text-dates.js';

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
  /** What was left out as the old site's furniture (template text, an end mark), for the report. */
  dropped: string[];
}

/** Options a person gives for a page the parser cannot fully read by itself. */
export interface ScrapedPageOptions {
  /** The title, for a page with no title line (its every line is then body); replaces a found one. */
  title?: string;
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
  { mark: /^[□■◇◆◈❍•▶►▷➤]\s*/, level: 0 },
  { mark: /^[◦○ㅇ∘●]\s*/, level: 1 },
  { mark: /^[-·∙‐]\s+/, level: 2 },
];
/** A note (※): its own paragraph, never a list item. */
const NOTE = /^※/;
/** The end mark of Korean releases: "//끝//", "<끝>", "- 끝 -", "/끝/", alone or closing the last line. */
const END_MARK = /\s*(\/\/\s*끝\s*\/\/|<\s*끝\s*>|\/\s*끝\s*\/|[-–—]\s*끝\s*[-–—]|\(\s*끝\s*\))\s*$/;
/** A photo caption numbered after the title's words: "Navy divers raise the boat 2". */
const NUMBERED_CAPTION = /\s+\d{1,2}$/;

interface Entry {
  text: string;
}

/** The page's non-empty lines, trimmed, with odd spaces (no-break, ideographic, tabs) made plain. */
function entriesOf(text: string): Entry[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw) => raw.replace(/[\u00a0\u200b\u3000\t]/g, ' ').replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '')
    .map((text) => ({ text }));
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

/** Whether a line could be a release's title: short, not a point, a note or a sentence of body text. */
function looksLikeTitle(line: string): boolean {
  const n = charCount(line);
  return n >= 4 && n <= 150 && !BULLETS.some((b) => b.mark.test(line)) && !NOTE.test(line) && !NUMBERED_POINT.test(line) && !/[.。]$/.test(line) && !COPYRIGHT.test(line) && !/^https?:\/\//i.test(line);
}

/** Whether the lines after a title read as a release body: points, sentences or an end mark. */
function looksLikeBody(lines: string[]): boolean {
  return lines.some((l) => !COPYRIGHT.test(l) && (BULLETS.some((b) => b.mark.test(l)) || END_MARK.test(l) || (SENTENCE_END.test(l) && charCount(l) >= 10)));
}

/**
 * Whether a line marks where a photo stood: the title repeated (cut at 50 characters, shown with or
 * without "..." and with a cut that ended in a space trimmed to 49), or the title's words numbered
 * as captions ("... 1", "... 2"). The old site printed these in place of the images.
 */
function isPhotoMarker(line: string, title: string): boolean {
  if (line === IMAGE_MARK || line === title) return true;
  const cut = CUT_MARK.test(line);
  const numbered = !cut && NUMBERED_CAPTION.test(line);
  const core = line.replace(CUT_MARK, '').replace(NUMBERED_CAPTION, '').trimEnd();
  const n = charCount(core);
  if (n === 0 || !title.startsWith(core)) return false;
  if (cut) return n >= Math.min(20, charCount(title) - 1) && n <= 50;
  if (numbered) return n >= Math.min(10, charCount(title));
  return n === 49 || n === 50;
}

const compact = (s: string) => s.replace(FILE_BULLET, '').replace(/\s+/g, '').toLowerCase();
const isTemplateText = (line: string) => TEMPLATE_BULLETS.some((t) => compact(line).startsWith(t));

/** Finds the title: after a cut list title, a repeated line, a section heading and board, or first. */
function findTitle(entries: Entry[]): { titleAt: number; title: string; list: string | null; next: number; flags: ImportFlag[] } | null {
  for (let i = 0; i < Math.min(4, entries.length); i++) {
    const line = entries[i]!.text;
    const following = entries[i + 1]?.text;
    const prefix = cutPrefix(line, following);
    if (prefix !== null) {
      if (following && following.startsWith(prefix.trimEnd()) && charCount(following) > charCount(prefix.trimEnd())) return { titleAt: i, title: following, list: line, next: i + 2, flags: [] };
      const message = `The page shows only the list title, cut at ${charCount(prefix)} characters: "${line}" was kept as the title; complete it by hand`;
      return { titleAt: i, title: line, list: line, next: i + 1, flags: [{ code: 'title_cut', message }] };
    }
    if (following !== undefined && following === line && i + 1 < entries.length) return { titleAt: i, title: line, list: line, next: i + 2, flags: [] };
  }
  if (entries.length >= 3 && SECTION_HEADINGS.test(entries[0]!.text)) return { titleAt: 2, title: entries[2]!.text, list: null, next: 3, flags: [] };
  // Pages that open with their title (Korean statements): the first line, when the rest reads as a body.
  if (entries.length >= 2 && looksLikeTitle(entries[0]!.text) && looksLikeBody(entries.slice(1).map((e) => e.text))) return { titleAt: 0, title: entries[0]!.text, list: null, next: 1, flags: [] };
  return null;
}

/**
 * Reads a scraped press-release page. Pure: the text in, the page's parts out, with flags for what
 * a person should check (a missing full title, removed photo placeholders, files named but absent,
 * a date read from the text). Dates come from an explicit date line, or from the first sentence
 * when it names a year; none is ever made up. Blank lines carry no meaning: the same lines read the
 * same however they are spaced.
 */
export function parseScrapedPage(text: string, options: ScrapedPageOptions = {}): ScrapedPage {
  const entries = entriesOf(text);
  if (entries.length === 0) throw new UnrecognisedPageError('the page is empty');
  const lines = entries.map((e) => e.text);
  const shape = pageShape(lines);
  if (shape === 'list' || shape === 'flipbook') throw new UnrecognisedPageError(refusalFor(shape, lines));

  const given = options.title?.trim();
  let found = findTitle(entries);
  if (!found && !given) throw new UnrecognisedPageError(refusalFor(shape, lines));
  if (!found) found = { titleAt: 0, title: given!, list: null, next: 0, flags: [] };
  const flags: ImportFlag[] = [...found.flags];
  const { titleAt, list, next } = found;
  let title = found.title;
  if (given && given !== title) {
    if (found.next > 0) flags.push({ code: 'title_given', message: `The title given with --title replaced the page's own "${title}"` });
    title = given;
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

  // The File area, or an end mark (//끝//), closes the article; nothing after it is body text.
  const dropped: string[] = [];
  const rest = entries.slice(next).map((e) => ({ ...e }));
  const fileAt = rest.findIndex((e) => FILE_AREA.test(e.text));
  let articleEnd = fileAt >= 0 ? fileAt : rest.length;
  const endAt = rest.findIndex((e, i) => i < articleEnd && END_MARK.test(e.text));
  if (endAt >= 0) {
    const line = rest[endAt]!;
    dropped.push(`end mark "${line.text.match(END_MARK)![0].trim()}"`);
    line.text = line.text.replace(END_MARK, '').trim();
    articleEnd = line.text ? endAt + 1 : endAt;
  }
  const article = rest.slice(0, articleEnd);
  const files: string[] = [];
  if (fileAt >= 0) {
    for (const e of rest.slice(fileAt + 1)) {
      if (!FILE_BULLET.test(e.text) && !/\.[a-z0-9]{2,5}$/i.test(e.text)) continue;
      const name = e.text.replace(FILE_BULLET, '').trim();
      if (isTemplateText(name)) {
        dropped.push(`template text "${name}"`);
        continue;
      }
      if (name) files.push(name);
    }
  }

  // Date, byline, copyright and photo markers may stand anywhere in the article; they are not body text.
  let date: SourceDate | null = null;
  let byline: string | null = null;
  let copyright: string | null = null;
  let photos = 0;
  let firstPhotoAt = -1;
  const content: string[] = [];
  for (const e of article) {
    const dateMatch = DATE_LINE.exec(e.text);
    if (dateMatch && !date) {
      date = parseDate(dateMatch, e.text);
      if (!date) flags.push({ code: 'date_unreadable', message: `The date line "${e.text}" names no real day; no date was taken` });
      continue;
    }
    if (isPhotoMarker(e.text, title)) {
      photos += 1;
      if (firstPhotoAt < 0) firstPhotoAt = content.length;
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
    content.push(e.text);
  }
  // The File area's fixed bullet closes pages without the heading too (on news items before the byline).
  while (content.length > 0 && isTemplateText(content[content.length - 1]!)) dropped.push(`template text "${content.pop()!.replace(FILE_BULLET, '')}"`);
  if (photos > 0) {
    flags.push({ code: 'photo_not_imported', message: `${photos} photo${photos === 1 ? '' : 's'} stood on the page (placeholder line${photos === 1 ? '' : 's'} removed); the image files are not in the source: attach them by hand` });
  }

  const subtitleEnd = subtitleLength(content, firstPhotoAt);
  const subtitle = content.slice(0, subtitleEnd).map((t) => t.replace(DASH_LED, '').replace(DASH_TRAILING, '').trim());
  const bodyLines = content.slice(subtitleEnd);

  if (!date && bodyLines.length > 0) {
    const first = bodyLines[0]!.replace(BULLETS.find((b) => b.mark.test(bodyLines[0]!))?.mark ?? /^/, '');
    date = dateInSentence(firstSentence(first));
    if (date) flags.push({ code: 'date_from_text', message: `The page has no date line; the date "${date.text}" was taken from its first sentence: check it` });
  }

  const tail = [byline, copyright].filter((t): t is string => t !== null).map((t) => `*${escapeMarkdown(t)}*`);
  for (const name of files) {
    flags.push({ code: 'file_not_imported', message: `The page lists the file "${name}", which is not in the source: attach it by hand` });
  }
  return { section, board, listTitle: list, title, subtitle, bodyMarkdown: [...bodyBlocks(bodyLines), ...tail].join('\n\n'), byline, copyright, date, files, flags, dropped };
}

const isBullet = (t: string) => BULLETS.some((b) => b.mark.test(t));

/**
 * How many of the first lines are the subtitle: dash-led or dash-wrapped lines; else the lines
 * before the first photo marker; else short lines with no final full stop before the first
 * sentence of the body. Never more than a few lines, never a point of a list.
 */
function subtitleLength(content: string[], firstPhotoAt: number): number {
  let dashed = 0;
  while (dashed < content.length && dashed < 10 && DASH_LED.test(content[dashed]!)) dashed += 1;
  if (dashed > 0) return dashed;
  const plain = (t: string, max: number) => charCount(t) <= max && !isBullet(t) && !NOTE.test(t) && !NUMBERED_POINT.test(t) && !/(\.|다\.?)$/.test(t);
  if (firstPhotoAt >= 1 && firstPhotoAt <= 3 && firstPhotoAt < content.length && content.slice(0, firstPhotoAt).every((t) => plain(t, 200))) return firstPhotoAt;
  let run = 0;
  while (run < 3 && run < content.length - 1 && plain(content[run]!, 150) && !SENTENCE_END.test(content[run]!)) run += 1;
  const after = content[run];
  return run > 0 && after !== undefined && (SENTENCE_END.test(after) || isBullet(after)) ? run : 0;
}

/** Body lines as Markdown blocks: paragraphs, nested lists from the point marks, notes apart. */
function bodyBlocks(lines: string[]): string[] {
  const blocks: string[] = [];
  let listLines: string[] = [];
  // The marks' levels open in the current list: a mark nests under a higher one, sits beside its own.
  let open: number[] = [];
  const closeList = () => {
    if (listLines.length > 0) blocks.push(listLines.join('\n'));
    listLines = [];
    open = [];
  };
  for (const line of lines) {
    const bullet = NOTE.test(line) ? undefined : BULLETS.find((b) => b.mark.test(line));
    if (bullet) {
      while (open.length > 0 && open[open.length - 1]! >= bullet.level) open.pop();
      open.push(bullet.level);
      listLines.push(`${'  '.repeat(open.length - 1)}- ${escapeMarkdown(line.replace(bullet.mark, ''))}`);
      continue;
    }
    closeList();
    blocks.push(escapeMarkdown(line));
  }
  closeList();
  return blocks;
}
