import { DomainError, ValidationError } from '../../domain/errors.js';
import type { Language } from '../../domain/language.js';
import type { Clock } from '../../ports/clock.js';
import type { FileInspector } from '../../ports/file-inspector.js';
import type { FileStore } from '../../ports/file-store.js';
import type { ImageProcessor } from '../../ports/image-processor.js';
import type { ImportUnitOfWork } from '../../ports/import-sources.js';
import { importAuthors } from './import-authors.js';
import { contentHash, zonedInstant, type ImportCandidate, type ImportReport, type ItemReport, type ParsedSource } from './import-item.js';
import { planItem, type PlanScope } from './import-plan.js';
import { IMPORT_ACTOR, writeItem, type WriteScope } from './import-write.js';

export { IMPORT_ACTOR };

export interface ImportOptions {
  /** What the report calls the source (its path or URL). */
  source: string;
  /** `publish`: items land published with their original dates; `draft`: every item lands as a draft. */
  mode: 'draft' | 'publish';
  dryRun: boolean;
  /** An existing board for every item; otherwise the source's board names decide (created when missing). */
  boardSlug?: string | null;
  /** Section or category names (any case) mapped to existing boards (`--map CATEGORY=BOARD`); before the source's own board names. */
  boardMap?: Readonly<Record<string, string>>;
  /** The language of every item; otherwise the source's declaration, else a guess from the text. */
  language?: Language | null;
  /** An item without a date under `publish`: published as of the import (flagged), or kept a draft. */
  undated?: 'publish' | 'draft';
  /** Wall-clock dates without an offset (pages) are read in this zone. */
  timeZone: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportDeps {
  uow: ImportUnitOfWork;
  clock: Clock;
  files: FileStore;
  inspector: FileInspector;
  images: ImageProcessor;
  allowedTypes?: readonly string[];
  maxBytes?: number;
}

/** Refuses a --board or --map naming a board that does not exist; answers the map by lower-cased name. */
async function checkBoardOptions(deps: ImportDeps, options: ImportOptions): Promise<Map<string, string>> {
  if (options.boardSlug && !(await deps.uow.read.boardExists(options.boardSlug))) {
    throw new ValidationError(`No board "${options.boardSlug}"`, [{ code: 'unknown_board', message: 'Name an existing board, or leave --board out to use the boards the source names', field: 'board' }]);
  }
  const boardMap = new Map(Object.entries(options.boardMap ?? {}).map(([name, slug]) => [name.trim().toLowerCase(), slug]));
  const unknown = [];
  for (const slug of new Set(boardMap.values())) if (!(await deps.uow.read.boardExists(slug))) unknown.push(slug);
  if (unknown.length > 0) {
    throw new ValidationError(`No board ${unknown.map((u) => `"${u}"`).join(', ')}`, unknown.map((u) => ({ code: 'unknown_board', message: `--map names the board "${u}", which does not exist: create it first or map to an existing board`, field: 'map' })));
  }
  return boardMap;
}

interface OrderedItem {
  item: ImportCandidate;
  /** Its place in the source (1-based), which the report keeps. */
  index: number;
  at: Date | null;
}

/** Oldest first, so permanent numbers follow the original order; undated items go last. */
function orderItems(items: ImportCandidate[], timeZone: string): OrderedItem[] {
  const resolveDate = (item: ImportCandidate): Date | null => item.date?.instant ?? (item.date?.local ? zonedInstant(item.date.local, timeZone) : null);
  return items.map((item, i) => ({ item, index: i + 1, at: resolveDate(item) })).sort((a, b) => (a.at?.getTime() ?? Infinity) - (b.at?.getTime() ?? Infinity) || a.index - b.index);
}

/** One run's state across its items: what is planned, seen and created so far. */
interface ImportRun {
  deps: ImportDeps;
  options: ImportOptions;
  plan: PlanScope & { plannedBoards: Set<string> };
  write: WriteScope;
  /** Source keys handled earlier in this run, with their item's index. */
  seen: Map<string, number>;
  boardsCreated: string[];
}

type ItemBase = Omit<ItemReport, 'outcome' | 'reasons'>;

/** The report of an item not to import: refused by its parser, repeated in the source, or imported before. */
async function alreadyHandled(run: ImportRun, item: ImportCandidate, base: ItemBase): Promise<ItemReport | null> {
  if (item.refusal) return { ...base, outcome: 'refused', reasons: [item.refusal, ...item.flags.map((f) => f.message)] };
  const earlier = run.seen.get(item.sourceKey);
  if (earlier !== undefined) return { ...base, outcome: 'skipped', reasons: [`the same item appears earlier in this source (item ${earlier})`] };
  const previous = await run.deps.uow.read.importSources.find(item.sourceKey);
  if (!previous) return null;
  const changed = previous.contentHash !== contentHash(item.content);
  return {
    ...base,
    releaseId: previous.releaseId,
    outcome: 'skipped',
    reasons: [`already imported on ${previous.importedAt.toISOString()}${previous.releaseId ? ` (release ${previous.releaseId})` : ''}`, ...(changed ? ['the source has changed since; the release was not updated (edit it by hand)'] : [])],
  };
}

/** Plans an item and (unless a dry run) writes it; the report says what it became and why. */
async function importItem(run: ImportRun, { item, index, at }: OrderedItem): Promise<ItemReport> {
  const base: ItemBase = { index, sourceKey: item.sourceKey, label: item.label, notes: item.notes, flagCodes: [], releaseId: null, board: null, language: null, state: null, publishedAt: null, attachments: 0 };
  try {
    const handled = await alreadyHandled(run, item, base);
    if (handled) return handled;
    const p = await planItem(run.plan, item, at);
    if (p.isNewBoard) run.plan.plannedBoards.add(p.boardSlug);
    const common = { ...base, board: p.boardSlug, language: p.language, publishedAt: p.publishedAt?.toISOString() ?? null };
    if (run.options.dryRun) {
      if (p.isNewBoard) run.boardsCreated.push(p.boardSlug);
      const files = item.files.filter((f) => f.read).length;
      return { ...common, outcome: p.flags.length > 0 ? 'flagged' : 'imported', reasons: p.flags.map((f) => f.message), flagCodes: p.flags.map((f) => f.code), state: p.state, attachments: files };
    }
    const written = await writeItem(run.write, item, p);
    if (written.createdBoard) run.boardsCreated.push(written.createdBoard);
    return {
      ...common,
      releaseId: written.releaseId,
      outcome: written.flags.length > 0 ? 'flagged' : 'imported',
      reasons: written.flags.map((f) => f.message),
      flagCodes: written.flags.map((f) => f.code),
      state: written.state,
      attachments: written.attachments,
    };
  } catch (error) {
    const reasons = error instanceof DomainError && error.issues.length > 0 ? error.issues.map((i) => i.message) : [error instanceof Error ? error.message : String(error)];
    return { ...base, outcome: 'refused', reasons };
  }
}

/**
 * Imports the items of a parsed source (scraped pages, a feed, a WordPress export) as releases,
 * through the same commands as the admin: each item in its own transaction (release, files, workflow
 * steps, audit entries and the source record commit together or not at all), so a bad item is
 * refused and the batch goes on. Items already imported (same source URL, GUID or content hash) are
 * skipped. A dry run decides everything and writes nothing.
 */
export function makeImportSource(deps: ImportDeps) {
  return async function importSource(parsed: ParsedSource, options: ImportOptions): Promise<ImportReport> {
    const startedAt = deps.clock.now();
    const boardMap = await checkBoardOptions(deps, options);
    const authors = await importAuthors({ uow: deps.uow.accounts, clock: deps.clock, actor: IMPORT_ACTOR }, parsed.authors, options.dryRun);
    const order = orderItems(parsed.items, options.timeZone);
    const run: ImportRun = {
      deps,
      options,
      plan: { options, clock: deps.clock, boardMap, plannedBoards: new Set(), boardExists: (slug) => deps.uow.read.boardExists(slug) },
      write: { deps, source: options.source, authorIds: new Map(authors.map((a) => [a.login, a.report.userId])) },
      seen: new Map(),
      boardsCreated: [],
    };
    const reports: ItemReport[] = [];
    options.onProgress?.(0, order.length);
    for (const entry of order) {
      const report = await importItem(run, entry);
      if (report.outcome !== 'refused') run.seen.set(entry.item.sourceKey, entry.index);
      reports.push(report);
      options.onProgress?.(reports.length, order.length);
    }
    reports.sort((a, b) => a.index - b.index);
    const counts = { imported: 0, flagged: 0, skipped: 0, refused: 0 };
    for (const r of reports) counts[r.outcome] += 1;
    return {
      source: options.source,
      format: parsed.format,
      dryRun: options.dryRun,
      mode: options.mode,
      startedAt: startedAt.toISOString(),
      finishedAt: deps.clock.now().toISOString(),
      counts,
      boardsCreated: run.boardsCreated,
      authors: authors.map((a) => a.report),
      items: reports,
    };
  };
}
export type ImportSource = ReturnType<typeof makeImportSource>;
