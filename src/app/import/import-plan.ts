import { attachmentKind, fileExtension } from '../../domain/attachment.js';
import type { BoardKind } from '../../domain/board.js';
import { ValidationError } from '../../domain/errors.js';
import type { Language } from '../../domain/language.js';
import { LIMITS } from '../../domain/limits.js';
import { characters } from '../../domain/release.js';
import type { Clock } from '../../ports/clock.js';
import { newReleaseSchema } from '../release.schema.js';
import { boardForSourceName, knownBoardFor, DEFAULT_IMPORT_BOARD, guessLanguage, type ImportCandidate, type ImportFlag } from './import-item.js';
import type { ImportOptions } from './import-source.js';

/** What an item becomes, decided before anything is written (all a dry run reports). */
export interface ImportPlan {
  boardSlug: string;
  /** The board as the source names it, created inside the item's transaction when missing; null with --board. */
  board: { slug: string; kind: BoardKind; name: { en: string; ko: string } } | null;
  /** Whether the board does not exist yet (for the report). */
  isNewBoard: boolean;
  language: Language;
  publishedAt: Date | null;
  state: 'draft' | 'published';
  content: ImportCandidate['content'];
  flags: ImportFlag[];
}

/** What planning an item needs from the run: the options, the --map table, the boards planned so far. */
export interface PlanScope {
  options: ImportOptions;
  clock: Clock;
  /** `--map` names (trimmed, lower-cased) to board slugs. */
  boardMap: ReadonlyMap<string, string>;
  /** Boards earlier items of this run will create. */
  plannedBoards: ReadonlySet<string>;
  boardExists: (slug: string) => Promise<boolean>;
}

/** A flag the report shows against an item. */
export const flag = (code: string, message: string): ImportFlag => ({ code, message });

/** Tags within the limits: trimmed, de-duplicated, cut to length and count (with a flag when cut). */
function cleanTags(tags: string[], flags: ImportFlag[]): string[] {
  const clean = [...new Set(tags.map((t) => t.trim()).filter(Boolean))].map((t) => characters(t).slice(0, LIMITS.tagMaxChars).join(''));
  if (clean.length > LIMITS.tagsMax) flags.push(flag('tags_cut', `The source has ${clean.length} tags; the first ${LIMITS.tagsMax} were kept`));
  return clean.slice(0, LIMITS.tagsMax);
}

/** A file's type by its name, only to tell images (which need alt text) before their bytes are read. */
function mimeByName(fileName: string): string {
  const ext = fileExtension(fileName) ?? '';
  return ['jpg', 'jpeg', 'png', 'gif', 'webp'].includes(ext) ? `image/${ext === 'jpg' ? 'jpeg' : ext}` : 'application/octet-stream';
}

/** The names that can pick the board: the --map entry or a known board name among the item's sections. */
function boardNames(scope: PlanScope, item: ImportCandidate): { mappedName: string | undefined; sectionBoard: string | undefined } {
  const { options, boardMap } = scope;
  const names = [...(item.board ? [item.board.name] : []), ...item.sections];
  const mappedName = options.boardSlug ? undefined : names.find((n) => boardMap.has(n.trim().toLowerCase()));
  const sectionBoard = options.boardSlug || mappedName || item.board ? undefined : item.sections.find((n) => knownBoardFor(n));
  return { mappedName, sectionBoard };
}

/** The item's board: --board, else its --map entry, else the board the source names (created when missing), else the default one. */
async function chooseBoard(scope: PlanScope, item: ImportCandidate, names: ReturnType<typeof boardNames>, flags: ImportFlag[]): Promise<Pick<ImportPlan, 'boardSlug' | 'board' | 'isNewBoard'>> {
  const { mappedName, sectionBoard } = names;
  if (scope.options.boardSlug) return { boardSlug: scope.options.boardSlug, board: null, isNewBoard: false };
  if (mappedName) return { boardSlug: scope.boardMap.get(mappedName.trim().toLowerCase())!, board: null, isNewBoard: false };
  const named = item.board ?? (sectionBoard ? { name: sectionBoard } : null);
  const mapped = named ? boardForSourceName(named) : null;
  if (item.board && !mapped) flags.push(flag('board_unmapped', `The source's board "${item.board.name}" has no usable name for a URL; the item went to "${DEFAULT_IMPORT_BOARD.slug}"`));
  const target = mapped ?? DEFAULT_IMPORT_BOARD;
  return { boardSlug: target.slug, board: target, isNewBoard: !scope.plannedBoards.has(target.slug) && !(await scope.boardExists(target.slug)) };
}

/** Published with its date, or kept a draft (and why): undated, dated in the future, a draft in the source, images without alt text. */
function decideState(options: ImportOptions, item: ImportCandidate, at: Date | null, now: Date, flags: ImportFlag[]): ImportPlan['state'] {
  let state: ImportPlan['state'] = options.mode === 'publish' && !item.isDraftInSource ? 'published' : 'draft';
  if (state === 'published' && !at) {
    if (options.undated === 'draft') {
      state = 'draft';
      flags.push(flag('no_date', 'The source gives no date: kept as a draft (no date was made up); set the date and publish by hand'));
    } else {
      flags.push(flag('no_date', 'The source gives no date: published as of this import, so the page shows the import date, not the original one; no date was made up'));
    }
  }
  if (state === 'published' && at && at > now) {
    state = 'draft';
    flags.push(flag('date_in_future', `The source dates it in the future (${at.toISOString()}): kept as a draft`));
  }
  if (options.mode === 'publish' && item.isDraftInSource) flags.push(flag('draft_in_source', 'Not public in the source: imported as a draft'));
  const images = item.files.filter((f) => attachmentKind(mimeByName(f.fileName)) === 'image' && f.altText.trim() === '');
  if (state === 'published' && images.length > 0) {
    state = 'draft';
    flags.push(flag('alt_text_missing', `${images.map((f) => `"${f.fileName}"`).join(', ')} ${images.length === 1 ? 'has' : 'have'} no alt text: kept as a draft; add it, then publish`));
  }
  return state;
}

/** Decides an item's board, language, tags, state and date, and checks it as a release; refuses it (ValidationError) when it is not one. */
export async function planItem(scope: PlanScope, item: ImportCandidate, at: Date | null): Promise<ImportPlan> {
  const { options } = scope;
  const flags = [...item.flags];
  const names = boardNames(scope, item);
  // A section the map (or a known board name) turns into the board is not also a tag.
  const used = (names.mappedName ?? names.sectionBoard)?.trim().toLowerCase();
  const tags = used ? item.content.tags.filter((t) => t.trim().toLowerCase() !== used) : item.content.tags;
  const content = { ...item.content, tags: cleanTags(tags, flags) };
  const language = options.language ?? item.language ?? guessLanguage(`${content.title}\n${content.bodyMarkdown}`);
  const board = await chooseBoard(scope, item, names, flags);
  const now = scope.clock.now();
  const state = decideState(options, item, at, now, flags);
  const checked = newReleaseSchema.safeParse({ ...content, boardSlug: board.boardSlug, language });
  if (!checked.success) {
    throw new ValidationError('not valid as a release', checked.error.issues.map((i) => ({ code: i.code, message: `${i.path.join('.') || 'content'}: ${i.message}` })));
  }
  return { ...board, language, publishedAt: state === 'published' ? (at ?? now) : null, state, content, flags };
}
