import { ConflictError } from '../../domain/errors.js';
import type { Edition, EditionContent } from '../../domain/release.js';
import type { Clock } from '../../ports/clock.js';
import type { TxRepos, UnitOfWork } from '../../ports/unit-of-work.js';
import type { Revision } from '../../ports/edition-repo.js';
import { editionContentSchema } from '../release.schema.js';
import { validate } from '../validate.js';
import type { StaffActor } from './actor.js';
import { auditRelease, loadForAction } from './load-for-action.js';
import { z } from 'zod';

export const saveDraftSchema = editionContentSchema.extend({
  embargoUntil: z.date().nullable().default(null),
  /** The lock version the writer started from. */
  lockVersion: z.number().int().min(1),
});
export type SaveDraftInput = z.input<typeof saveDraftSchema>;

/** The edit that lost a race, with both versions, so nothing typed is lost. */
export class EditConflictError extends ConflictError {
  constructor(
    readonly current: Edition,
    readonly attempted: EditionContent,
  ) {
    super('Someone else saved this release while you were editing it', [
      { code: 'stale_version', message: 'Your copy is out of date: compare both versions below and save again', field: 'lockVersion' },
    ]);
  }
}

/**
 * Writes an edition's text at the version its author saw (else a conflict carrying both versions,
 * never an overwrite), its embargo when that moved, and a revision by the author. Shared by saving a
 * draft and by an editor's fix in review.
 */
export async function saveContent(
  tx: TxRepos,
  edition: Edition,
  input: { lockVersion: number; embargoUntil: Date | null | undefined; content: EditionContent },
  actor: StaffActor,
  now: Date,
): Promise<{ saved: Edition; revision: Revision }> {
  const { lockVersion, embargoUntil, content } = input;
  if (edition.lockVersion !== lockVersion) throw new EditConflictError(edition, content);
  let saved = await tx.editions.updateEditionContent(edition.id, content, lockVersion, now);
  if (!saved) throw new EditConflictError((await tx.editions.getEdition(edition.id))!, content);
  if ((saved.embargoUntil?.getTime() ?? null) !== (embargoUntil?.getTime() ?? null)) {
    saved = await tx.editions.updateEditionWorkflow(edition.id, { embargoUntil }, now);
  }
  const revision = await tx.editions.addRevision(edition.id, content, { id: actor.userId, label: actor.label }, now);
  return { saved, revision };
}

/**
 * edit: saves a draft's content with optimistic locking, and records a revision. A save based on
 * a stale version is refused with both versions; the newer content is never overwritten.
 */
export function makeSaveDraft(deps: { uow: UnitOfWork; clock: Clock }) {
  return async function saveDraft(releaseId: number, input: SaveDraftInput, actor: StaffActor): Promise<Edition> {
    const data = validate(saveDraftSchema, input);
    const { lockVersion, embargoUntil, ...content } = data;
    return deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const { edition } = await loadForAction(tx, releaseId, 'edit', actor);
      const { saved, revision } = await saveContent(tx, edition, { lockVersion, embargoUntil, content }, actor, now);
      await auditRelease(tx, actor, 'release.edited', releaseId, now, { editionNo: edition.editionNo, revision: revision.revisionNo });
      return saved;
    });
  };
}
export type SaveDraft = ReturnType<typeof makeSaveDraft>;
