import { attachmentKind, fileExtension } from '../../domain/attachment.js';
import type { BoardKind } from '../../domain/board.js';
import { DomainError, ValidationError } from '../../domain/errors.js';
import type { Language } from '../../domain/language.js';
import { LIMITS } from '../../domain/limits.js';
import { characters } from '../../domain/release.js';
import type { Clock } from '../../ports/clock.js';
import type { FileInspector } from '../../ports/file-inspector.js';
import type { FileStore } from '../../ports/file-store.js';
import type { ImageProcessor } from '../../ports/image-processor.js';
import type { ImportTx, ImportUnitOfWork } from '../../ports/import-sources.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { makeAttachFile } from '../attach-file.js';
import { newReleaseSchema } from '../release.schema.js';
import { SYSTEM_ACTOR, type StaffActor } from '../workflow/actor.js';
import { makeCreateRelease } from '../workflow/create-release.js';
import { auditRelease } from '../workflow/load-for-action.js';
import { makePublishRelease } from '../workflow/publish-release.js';
import { makeApproveRelease, makeSubmitRelease } from '../workflow/simple-transitions.js';
import { importAuthors } from './import-authors.js';
import {
  boardForSourceName,
  contentHash,
  knownBoardFor,
  DEFAULT_IMPORT_BOARD,
  guessLanguage,
  zonedInstant,
  type ImportCandidate,
  type ImportFlag,
  type ImportReport,
  type ItemReport,
  type ParsedSource,
} from './import-item.js';

/** Importers act as this system actor, with an admin's rights; every write is audited under it. */
export const IMPORT_ACTOR: StaffActor = { ...SYSTEM_ACTOR, label: 'system:import' };

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

interface Plan {
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

const flag = (code: string, message: string): ImportFlag => ({ code, message });

/** Tags within the limits: trimmed, de-duplicated, cut to length and count (with a flag when cut). */
function cleanTags(tags: string[], flags: ImportFlag[]): string[] {
  const clean = [...new Set(tags.map((t) => t.trim()).filter(Boolean))].map((t) => characters(t).slice(0, LIMITS.tagMaxChars).join(''));
  if (clean.length > LIMITS.tagsMax) flags.push(flag('tags_cut', `The source has ${clean.length} tags; the first ${LIMITS.tagsMax} were kept`));
  return clean.slice(0, LIMITS.tagsMax);
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
    if (options.boardSlug && !(await deps.uow.read.boardExists(options.boardSlug))) {
      throw new ValidationError(`No board "${options.boardSlug}"`, [{ code: 'unknown_board', message: 'Name an existing board, or leave --board out to use the boards the source names', field: 'board' }]);
    }
    const boardMap = new Map(Object.entries(options.boardMap ?? {}).map(([name, slug]) => [name.trim().toLowerCase(), slug]));
    const unknown = [];
    for (const slug of new Set(boardMap.values())) if (!(await deps.uow.read.boardExists(slug))) unknown.push(slug);
    if (unknown.length > 0) {
      throw new ValidationError(`No board ${unknown.map((u) => `"${u}"`).join(', ')}`, unknown.map((u) => ({ code: 'unknown_board', message: `--map names the board "${u}", which does not exist: create it first or map to an existing board`, field: 'map' })));
    }
    const authors = await importAuthors({ uow: deps.uow.accounts, clock: deps.clock, actor: IMPORT_ACTOR }, parsed.authors, options.dryRun);
    const authorIds = new Map(authors.map((a) => [a.login, a.report.userId]));

    // Oldest first, so permanent numbers follow the original order; undated items go last.
    const resolveDate = (item: ImportCandidate): Date | null => (item.date?.instant ?? (item.date?.local ? zonedInstant(item.date.local, options.timeZone) : null));
    const order = parsed.items
      .map((item, i) => ({ item, index: i + 1, at: resolveDate(item) }))
      .sort((a, b) => (a.at?.getTime() ?? Infinity) - (b.at?.getTime() ?? Infinity) || a.index - b.index);

    const seen = new Map<string, number>();
    const plannedBoards = new Set<string>();
    const boardsCreated: string[] = [];
    const reports: ItemReport[] = [];
    let done = 0;
    options.onProgress?.(0, order.length);

    const plan = async (item: ImportCandidate, at: Date | null): Promise<Plan> => {
      const flags = [...item.flags];
      // A section the map (or a known board name) turns into the board is not also a tag.
      const names = [...(item.board ? [item.board.name] : []), ...item.sections];
      const mappedName = options.boardSlug ? undefined : names.find((n) => boardMap.has(n.trim().toLowerCase()));
      const sectionBoard = options.boardSlug || mappedName || item.board ? undefined : item.sections.find((n) => knownBoardFor(n));
      const used = (mappedName ?? sectionBoard)?.trim().toLowerCase();
      const tags = used ? item.content.tags.filter((t) => t.trim().toLowerCase() !== used) : item.content.tags;
      const content = { ...item.content, tags: cleanTags(tags, flags) };
      const language = options.language ?? item.language ?? guessLanguage(`${content.title}\n${content.bodyMarkdown}`);
      let boardSlug: string = options.boardSlug ?? '';
      let board: Plan['board'] = null;
      let isNewBoard = false;
      if (!boardSlug && mappedName) boardSlug = boardMap.get(mappedName.trim().toLowerCase())!;
      if (!boardSlug) {
        const named = item.board ?? (sectionBoard ? { name: sectionBoard } : null);
        const mapped = named ? boardForSourceName(named) : null;
        if (item.board && !mapped) flags.push(flag('board_unmapped', `The source's board "${item.board.name}" has no usable name for a URL; the item went to "${DEFAULT_IMPORT_BOARD.slug}"`));
        const target = mapped ?? DEFAULT_IMPORT_BOARD;
        boardSlug = target.slug;
        board = target;
        isNewBoard = !plannedBoards.has(boardSlug) && !(await deps.uow.read.boardExists(boardSlug));
      }
      let state: Plan['state'] = options.mode === 'publish' && !item.isDraftInSource ? 'published' : 'draft';
      const now = deps.clock.now();
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
      const checked = newReleaseSchema.safeParse({ ...content, boardSlug, language });
      if (!checked.success) {
        throw new ValidationError('not valid as a release', checked.error.issues.map((i) => ({ code: i.code, message: `${i.path.join('.') || 'content'}: ${i.message}` })));
      }
      return { boardSlug, board, isNewBoard, language, publishedAt: state === 'published' ? (at ?? now) : null, state, content, flags };
    };

    const write = async (item: ImportCandidate, p: Plan): Promise<{ releaseId: number; attachments: number; flags: ImportFlag[]; state: Plan['state'] }> => {
      const flags = [...p.flags];
      let createdBoard: string | null = null;
      const result = await deps.uow.run(async (tx: ImportTx) => {
        const now = deps.clock.now();
        // The workflow commands run inside this item's transaction; their events wait for its commit.
        const inTx: UnitOfWork = { run: (work) => work(tx) };
        if (p.board && !(await tx.boards.bySlug(p.boardSlug))) {
          const position = (await tx.boards.list()).length + 1;
          await tx.boards.create({ slug: p.board.slug, kind: p.board.kind, name: p.board.name, position, createdAt: now });
          await tx.audit.record({ at: now, actor: IMPORT_ACTOR, action: 'board.created', subjectType: 'board', subjectId: p.boardSlug, details: { source: options.source, name: p.board.name } });
          // The board navigation is on every cached page.
          tx.events.contentChanged();
          createdBoard = p.boardSlug;
        }
        const authorId = item.authorLogin ? (authorIds.get(item.authorLogin) ?? null) : null;
        const author: StaffActor = authorId ? { ...IMPORT_ACTOR, userId: authorId, role: 'writer' } : IMPORT_ACTOR;
        const { release, edition } = await makeCreateRelease({ uow: inTx, clock: deps.clock })({ boardSlug: p.boardSlug, language: p.language, ...p.content }, author);
        const attachFile = makeAttachFile({ uow: inTx, clock: deps.clock, files: deps.files, inspector: deps.inspector, images: deps.images, allowedTypes: deps.allowedTypes, maxBytes: deps.maxBytes });
        let attachments = 0;
        for (const file of item.files) {
          if (!file.read) continue;
          try {
            await attachFile({ editionId: edition.id, fileName: file.fileName, bytes: await file.read(), caption: file.caption, altText: file.altText, actor: IMPORT_ACTOR });
            attachments += 1;
          } catch (error) {
            // A refused file is reported and the post imported without it (refusals come before any write).
            if (!(error instanceof DomainError)) throw error;
            flags.push(flag('attachment_refused', `The attachment "${file.fileName}" was refused: ${error.message}`));
          }
        }
        if (p.state === 'published') {
          await makeSubmitRelease({ uow: inTx, clock: deps.clock })(release.id, IMPORT_ACTOR);
          await makeApproveRelease({ uow: inTx, clock: deps.clock })(release.id, IMPORT_ACTOR);
          await makePublishRelease({ uow: inTx, clock: deps.clock })(release.id, IMPORT_ACTOR, { publishedAt: p.publishedAt! });
        }
        await tx.importSources.record({
          sourceKey: item.sourceKey,
          sourceKind: item.format,
          contentHash: contentHash(item.content),
          releaseId: release.id,
          importedAt: now,
          details: { source: options.source, flags: flags.map((f) => f.code), originalDate: item.date?.text ?? null },
        });
        await auditRelease(tx, IMPORT_ACTOR, 'release.imported', release.id, now, {
          source: options.source,
          sourceKey: item.sourceKey,
          format: item.format,
          state: p.state,
          originalDate: item.date?.text ?? null,
          flags: flags.map((f) => f.code),
          attachments,
        });
        return { releaseId: release.id, attachments };
      });
      if (createdBoard) boardsCreated.push(createdBoard);
      return { ...result, flags, state: p.state };
    };

    for (const { item, index, at } of order) {
      const base = { index, sourceKey: item.sourceKey, label: item.label, notes: item.notes, flagCodes: [] as string[], releaseId: null, board: null, language: null, state: null, publishedAt: null, attachments: 0 };
      let report: ItemReport;
      try {
        const earlier = seen.get(item.sourceKey);
        const previous = item.refusal || earlier ? null : await deps.uow.read.importSources.find(item.sourceKey);
        if (item.refusal) {
          report = { ...base, outcome: 'refused', reasons: [item.refusal, ...item.flags.map((f) => f.message)] };
        } else if (earlier !== undefined) {
          report = { ...base, outcome: 'skipped', reasons: [`the same item appears earlier in this source (item ${earlier})`] };
        } else if (previous) {
          const changed = previous.contentHash !== contentHash(item.content);
          report = {
            ...base,
            releaseId: previous.releaseId,
            outcome: 'skipped',
            reasons: [`already imported on ${previous.importedAt.toISOString()}${previous.releaseId ? ` (release ${previous.releaseId})` : ''}`, ...(changed ? ['the source has changed since; the release was not updated (edit it by hand)'] : [])],
          };
        } else {
          const p = await plan(item, at);
          if (p.isNewBoard) plannedBoards.add(p.boardSlug);
          const common = { ...base, board: p.boardSlug, language: p.language };
          if (options.dryRun) {
            if (p.isNewBoard) boardsCreated.push(p.boardSlug);
            const files = item.files.filter((f) => f.read).length;
            report = { ...common, outcome: p.flags.length > 0 ? 'flagged' : 'imported', reasons: p.flags.map((f) => f.message), flagCodes: p.flags.map((f) => f.code), state: p.state, publishedAt: p.publishedAt?.toISOString() ?? null, attachments: files };
          } else {
            const written = await write(item, p);
            report = {
              ...common,
              releaseId: written.releaseId,
              outcome: written.flags.length > 0 ? 'flagged' : 'imported',
              reasons: written.flags.map((f) => f.message),
              flagCodes: written.flags.map((f) => f.code),
              state: written.state,
              publishedAt: p.publishedAt?.toISOString() ?? null,
              attachments: written.attachments,
            };
          }
        }
        if (report.outcome !== 'refused') seen.set(item.sourceKey, index);
      } catch (error) {
        const reasons = error instanceof DomainError && error.issues.length > 0 ? error.issues.map((i) => i.message) : [error instanceof Error ? error.message : String(error)];
        report = { ...base, outcome: 'refused', reasons };
      }
      reports.push(report);
      done += 1;
      options.onProgress?.(done, order.length);
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
      boardsCreated,
      authors: authors.map((a) => a.report),
      items: reports,
    };
  };
}
export type ImportSource = ReturnType<typeof makeImportSource>;

/** A file's type by its name, only to tell images (which need alt text) before their bytes are read. */
function mimeByName(fileName: string): string {
  const ext = fileExtension(fileName) ?? '';
  return ['jpg', 'jpeg', 'png', 'gif', 'webp'].includes(ext) ? `image/${ext === 'jpg' ? 'jpeg' : ext}` : 'application/octet-stream';
}
