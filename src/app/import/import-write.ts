import { DomainError } from '../../domain/errors.js';
import type { ImportTx } from '../../ports/import-sources.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { makeAttachFile } from '../attach-file.js';
import { SYSTEM_ACTOR, type StaffActor } from '../workflow/actor.js';
import { makeCreateRelease } from '../workflow/create-release.js';
import { auditRelease } from '../workflow/load-for-action.js';
import { makePublishRelease } from '../workflow/publish-release.js';
import { makeApproveRelease, makeSubmitRelease } from '../workflow/simple-transitions.js';
import { contentHash, type ImportCandidate, type ImportFlag } from './import-item.js';
import { flag, type ImportPlan } from './import-plan.js';
import type { ImportDeps } from './import-source.js';

/** Importers act as this system actor, with an admin's rights; every write is audited under it. */
export const IMPORT_ACTOR: StaffActor = { ...SYSTEM_ACTOR, label: 'system:import' };

/** What writing an item needs from the run. */
export interface WriteScope {
  deps: ImportDeps;
  /** What the report calls the source (its path or URL). */
  source: string;
  /** Imported authors' logins to their user ids. */
  authorIds: ReadonlyMap<string, number | null>;
}

export interface WrittenItem {
  releaseId: number;
  attachments: number;
  flags: ImportFlag[];
  state: ImportPlan['state'];
  /** The board this item's transaction created, if any. */
  createdBoard: string | null;
}

/** The board the plan names, created (and audited) in the item's transaction when it is still missing. */
async function ensureBoard(tx: ImportTx, plan: ImportPlan, source: string, now: Date): Promise<string | null> {
  if (!plan.board || (await tx.boards.bySlug(plan.boardSlug))) return null;
  const position = (await tx.boards.list()).length + 1;
  await tx.boards.create({ slug: plan.board.slug, kind: plan.board.kind, name: plan.board.name, position, createdAt: now });
  await tx.audit.record({ at: now, actor: IMPORT_ACTOR, action: 'board.created', subjectType: 'board', subjectId: plan.boardSlug, details: { source, name: plan.board.name } });
  // The board navigation is on every cached page.
  tx.events.contentChanged();
  return plan.boardSlug;
}

/** Attaches the item's files; a refused file is flagged and the post imported without it (refusals come before any write). */
async function attachFiles(scope: WriteScope, inTx: UnitOfWork, item: ImportCandidate, editionId: number, flags: ImportFlag[]): Promise<number> {
  const { deps } = scope;
  const attachFile = makeAttachFile({ uow: inTx, clock: deps.clock, files: deps.files, inspector: deps.inspector, images: deps.images, allowedTypes: deps.allowedTypes, maxBytes: deps.maxBytes });
  let attachments = 0;
  for (const file of item.files) {
    if (!file.read) continue;
    try {
      await attachFile({ editionId, fileName: file.fileName, bytes: await file.read(), caption: file.caption, altText: file.altText, actor: IMPORT_ACTOR });
      attachments += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      flags.push(flag('attachment_refused', `The attachment "${file.fileName}" was refused: ${error.message}`));
    }
  }
  return attachments;
}

/**
 * Writes one planned item in its own transaction, through the admin's commands: board, release,
 * files, the workflow steps to publication, the source record and the audit entry commit together
 * or not at all.
 */
export async function writeItem(scope: WriteScope, item: ImportCandidate, plan: ImportPlan): Promise<WrittenItem> {
  const { deps, source } = scope;
  const flags = [...plan.flags];
  let createdBoard: string | null = null;
  const result = await deps.uow.run(async (tx: ImportTx) => {
    const now = deps.clock.now();
    // The workflow commands run inside this item's transaction; their events wait for its commit.
    const inTx: UnitOfWork = { run: (work) => work(tx) };
    createdBoard = await ensureBoard(tx, plan, source, now);
    const authorId = item.authorLogin ? (scope.authorIds.get(item.authorLogin) ?? null) : null;
    const author: StaffActor = authorId ? { ...IMPORT_ACTOR, userId: authorId, role: 'writer' } : IMPORT_ACTOR;
    const { release, edition } = await makeCreateRelease({ uow: inTx, clock: deps.clock })({ boardSlug: plan.boardSlug, language: plan.language, ...plan.content }, author);
    const attachments = await attachFiles(scope, inTx, item, edition.id, flags);
    if (plan.state === 'published') {
      await makeSubmitRelease({ uow: inTx, clock: deps.clock })(release.id, IMPORT_ACTOR);
      await makeApproveRelease({ uow: inTx, clock: deps.clock })(release.id, IMPORT_ACTOR);
      await makePublishRelease({ uow: inTx, clock: deps.clock })(release.id, IMPORT_ACTOR, { publishedAt: plan.publishedAt! });
    }
    await tx.importSources.record({
      sourceKey: item.sourceKey,
      sourceKind: item.format,
      contentHash: contentHash(item.content),
      releaseId: release.id,
      importedAt: now,
      details: { source, flags: flags.map((f) => f.code), originalDate: item.date?.text ?? null },
    });
    await auditRelease(tx, IMPORT_ACTOR, 'release.imported', release.id, now, {
      source,
      sourceKey: item.sourceKey,
      format: item.format,
      state: plan.state,
      originalDate: item.date?.text ?? null,
      flags: flags.map((f) => f.code),
      attachments,
    });
    return { releaseId: release.id, attachments };
  });
  return { ...result, flags, state: plan.state, createdBoard };
}
