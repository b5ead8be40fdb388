import { createHash } from 'node:crypto';
import type { BoardKind } from '../../domain/board.js';
import type { Language } from '../../domain/language.js';
import { instantOfWallClock } from '../../domain/zoned-time.js';

/** The formats importers read. */
export const IMPORT_FORMATS = ['page-text', 'page-html', 'rss', 'atom', 'wxr'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Something an importer noticed that a person should check; the item is still imported. */
export interface ImportFlag {
  code: string;
  message: string;
}

/** A date as the source wrote it, before a time zone is applied (pages often give only a day). */
export interface SourceDate {
  /** An exact instant (a feed's RFC 822 or ISO 8601 date with its offset). */
  instant?: Date;
  /** A wall-clock day (and maybe time) with no offset; read in the newsroom's time zone. */
  local?: { year: number; month: number; day: number; hour: number; minute: number };
  /** The text the date was read from, for the report. */
  text: string;
}

/** A file the source offers with an item (WordPress attachment beside the export). */
export interface CandidateFile {
  fileName: string;
  /** The bytes, when found; absent when the source only names the file. */
  read?: () => Promise<Uint8Array>;
  /** Where the source said the file was (URL or path), for the report. */
  origin: string;
  caption: string;
  altText: string;
}

/** A source's author, to become a staff account without a password. */
export interface CandidateAuthor {
  email: string;
  name: string;
  /** The source's login name, as posts refer to it. */
  login: string;
}

/**
 * One item a parser found, in Pressroom's terms but not yet written: the edition content, where it
 * came from and what the parser noticed. Parsers make these; the import command decides and writes.
 */
export interface ImportCandidate {
  /** Identity of the item in its source: URL, feed GUID, Atom id, or "sha256:" of its content. */
  sourceKey: string;
  format: ImportFormat;
  /** What the report calls it: the title, or the source key when there is none. */
  label: string;
  language: Language | null;
  /** The board the source puts it in (page board name, WordPress category). */
  board: { name: string; slug?: string } | null;
  content: { title: string; subtitle: string[]; bodyMarkdown: string; department: string; tags: string[] };
  date: SourceDate | null;
  /** The source says this item is not public (a WordPress draft, pending or private post). */
  isDraftInSource: boolean;
  authorLogin: string | null;
  files: CandidateFile[];
  flags: ImportFlag[];
  /** What the parser left out as the source's furniture (template text, an end mark), for the report. */
  notes: string[];
  /** Section or category names the source gives it, which `--map` (or a known board name) may turn into its board. */
  sections: string[];
  /** The parser could not make a release of it: the reason, and the item is refused. */
  refusal: string | null;
}

/** A whole source after parsing: its items, and the authors it names (WordPress). */
export interface ParsedSource {
  format: ImportFormat;
  items: ImportCandidate[];
  authors: CandidateAuthor[];
}

export type ItemOutcome = 'imported' | 'flagged' | 'skipped' | 'refused';

/** What happened to one item (or, in a dry run, what would happen). */
export interface ItemReport {
  index: number;
  sourceKey: string;
  label: string;
  outcome: ItemOutcome;
  /** Why it was skipped or refused; the flags of an imported item. */
  reasons: string[];
  /** The codes of its flags (`no_date`, `photo_not_imported`...), for summaries. */
  flagCodes: string[];
  /** What was left out of it as the source's template text or end mark. */
  notes: string[];
  releaseId: number | null;
  board: string | null;
  language: Language | null;
  /** How it landed (or would land). */
  state: 'draft' | 'published' | null;
  publishedAt: string | null;
  attachments: number;
}

export interface AuthorReport {
  email: string;
  outcome: 'created' | 'existing' | 'refused';
  reason: string | null;
  userId: number | null;
}

export interface ImportReport {
  source: string;
  format: ImportFormat;
  dryRun: boolean;
  mode: 'draft' | 'publish';
  startedAt: string;
  finishedAt: string;
  counts: Record<ItemOutcome, number>;
  boardsCreated: string[];
  authors: AuthorReport[];
  items: ItemReport[];
}

/** SHA-256 of an item's content: its identity when the source names none, and a change marker. */
export function contentHash(content: ImportCandidate['content']): string {
  return createHash('sha256').update(JSON.stringify([content.title, content.subtitle, content.bodyMarkdown])).digest('hex');
}

/** A candidate with defaults, for parsers. */
export function candidate(fields: Pick<ImportCandidate, 'format' | 'content'> & Partial<ImportCandidate>): ImportCandidate {
  const key = fields.sourceKey ?? `sha256:${contentHash(fields.content)}`;
  return {
    sourceKey: key,
    label: fields.content.title || key,
    language: null,
    board: null,
    date: null,
    isDraftInSource: false,
    authorLogin: null,
    files: [],
    flags: [],
    notes: [],
    sections: [],
    refusal: null,
    ...fields,
  };
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/gu;
const LETTER = /\p{L}/gu;

/** Korean when a good share of the letters are Hangul; the source's own declaration wins over this. */
export function guessLanguage(text: string): Language {
  const letters = text.match(LETTER)?.length ?? 0;
  const hangul = text.match(HANGUL)?.length ?? 0;
  return letters > 0 && hangul / letters >= 0.3 ? 'ko' : 'en';
}

/** Boards the source systems name, mapped to Pressroom's slugs and kinds. */
const KNOWN_BOARDS: { match: RegExp; slug: string; kind: BoardKind; name: { en: string; ko: string } }[] = [
  { match: /^(press[ -]?releases?|보도\s*자료)$/i, slug: 'press-releases', kind: 'press_release', name: { en: 'Press Release', ko: '보도자료' } },
  { match: /^(news|defen[cs]e news|국방\s*뉴스|뉴스|소식)$/i, slug: 'news', kind: 'news', name: { en: 'News', ko: '뉴스' } },
  { match: /^(statements?|briefings?|입장|입장\s*발표|브리핑)$/i, slug: 'statements', kind: 'statement', name: { en: 'Statements', ko: '입장' } },
  { match: /^(photos?|photo news|사진|포토|포토\s*뉴스)$/i, slug: 'photos', kind: 'photo', name: { en: 'Photos', ko: '사진' } },
];

/** The usual board a section or category name stands for (press releases, news, statements, photos), or null. */
export function knownBoardFor(name: string): (typeof KNOWN_BOARDS)[number] | null {
  return KNOWN_BOARDS.find((b) => b.match.test(name.trim())) ?? null;
}

/** Default board for sources that name none. */
export const DEFAULT_IMPORT_BOARD = KNOWN_BOARDS[0]!;

/**
 * The board for a name the source uses: a known board (press releases, news, statements, photos in
 * either language), else a slug made from the source's own slug or name (ASCII), else null.
 */
export function boardForSourceName(board: { name: string; slug?: string }): { slug: string; kind: BoardKind; name: { en: string; ko: string } } | null {
  const name = board.name.trim();
  const known = KNOWN_BOARDS.find((b) => b.match.test(name) || (board.slug !== undefined && b.slug === board.slug));
  if (known) return known;
  const slugOf = (text: string) =>
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '');
  const slug = [board.slug ?? '', name].map(slugOf).find((s) => s.length > 0 && s !== 'search');
  if (!slug) return null;
  return { slug, kind: 'news', name: { en: name, ko: name } };
}

/** The instant of a wall-clock time in an IANA zone (two passes settle daylight-saving edges). */
export function zonedInstant(local: NonNullable<SourceDate['local']>, timeZone: string): Date {
  return instantOfWallClock(local, timeZone);
}

/** Whether a day exists (no 31 February). */
export function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
