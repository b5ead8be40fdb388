import type { Edition, EditionContent } from '../../domain/release.js';
import type { Clock } from '../../ports/clock.js';
import type { Revision } from '../../ports/edition-repo.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { validate } from '../validate.js';
import type { StaffActor } from './actor.js';
import { auditRelease, loadForAction } from './load-for-action.js';
import { EditConflictError, saveDraftSchema, type SaveDraftInput } from './save-draft.js';

/** How long one autosave revision keeps taking the same author's autosaves (from its first one). */
export const AUTOSAVE_REVISION_WINDOW_MS = 10 * 60_000;

export interface AutosaveOutcome {
  /** The edition after the autosave (unchanged when nothing differed). */
  edition: Edition;
  /** Whether anything was written: an autosave of the text as stored writes nothing and bumps no version. */
  changed: boolean;
}

const contactText = (c: EditionContent['contact']) => (c ? [c.name, c.phone ?? '', c.email ?? ''] : null);

/** Whether two contents (and embargoes) are the same text, as stored. */
export function sameDraft(edition: Edition, content: EditionContent, embargoUntil: Date | null): boolean {
  const fields = (c: EditionContent) => JSON.stringify([c.title, c.subtitle, c.bodyMarkdown, c.department, contactText(c.contact), c.tags]);
  return fields(edition) === fields(content) && (edition.embargoUntil?.getTime() ?? null) === (embargoUntil?.getTime() ?? null);
}

/** The autosave revision this author may still update in place: the latest one, theirs, started within the window. */
function openAutosaveRevision(revisions: Revision[], actor: StaffActor, now: Date): Revision | null {
  const latest = revisions.reduce<Revision | null>((a, r) => (a === null || r.revisionNo > a.revisionNo ? r : a), null);
  if (!latest?.autosaveStartedAt || latest.authorId === null || latest.authorId !== actor.userId) return null;
  return now.getTime() - latest.autosaveStartedAt.getTime() < AUTOSAVE_REVISION_WINDOW_MS ? latest : null;
}

/**
 * autosave: the editor's background save of a draft (#16), through the same rule, lock and audit as
 * an explicit save. Text identical to what is stored is a no-op that answers the current version
 * (whatever version the form held), so an autosave never makes another editor's copy stale and an
 * editor who only opened the page does not become an author. Changed text on a stale version is a
 * conflict (EditConflictError, nothing written). Writes update the author's open autosave revision
 * (AUTOSAVE_REVISION_WINDOW_MS) or start one.
 */
export function makeAutosaveDraft(deps: { uow: UnitOfWork; clock: Clock }) {
  return async function autosaveDraft(releaseId: number, input: SaveDraftInput, actor: StaffActor): Promise<AutosaveOutcome> {
    const data = validate(saveDraftSchema, input);
    const { lockVersion, embargoUntil, ...content } = data;
    return deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const { edition } = await loadForAction(tx, releaseId, 'edit', actor);
      if (sameDraft(edition, content, embargoUntil)) return { edition, changed: false };
      if (edition.lockVersion !== lockVersion) throw new EditConflictError(edition, content);
      let saved = await tx.editions.updateEditionContent(edition.id, content, lockVersion, now);
      if (!saved) throw new EditConflictError((await tx.editions.getEdition(edition.id))!, content);
      if ((saved.embargoUntil?.getTime() ?? null) !== (embargoUntil?.getTime() ?? null)) {
        saved = await tx.editions.updateEditionWorkflow(edition.id, { embargoUntil }, now);
      }
      const open = openAutosaveRevision(await tx.editions.revisions(edition.id), actor, now);
      const revision = (open && (await tx.editions.updateAutosaveRevision(open.id, content, now))) ?? (await tx.editions.addRevision(edition.id, content, { id: actor.userId, label: actor.label }, now, { autosaveStartedAt: now }));
      await auditRelease(tx, actor, 'release.autosaved', releaseId, now, { editionNo: edition.editionNo, revision: revision.revisionNo });
      return { edition: saved, changed: true };
    });
  };
}
export type AutosaveDraft = ReturnType<typeof makeAutosaveDraft>;
