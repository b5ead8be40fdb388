import type { Edition } from '../../domain/release.js';
import type { Clock } from '../../ports/clock.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import type { StaffActor } from './actor.js';
import { auditRelease, loadForAction } from './load-for-action.js';
import type { SeenEdition } from './seen-edition.js';

/**
 * correct: starts a new draft edition from the live one (content and attachments copied). The live
 * edition stays public and untouched until the correction is reviewed and published.
 */
export function makeStartCorrection(deps: { uow: UnitOfWork; clock: Clock }) {
  return (releaseId: number, actor: StaffActor, seen?: SeenEdition | null): Promise<Edition> =>
    deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const { edition: live } = await loadForAction(tx, releaseId, 'correct', actor, () => [], { seen });
      const { title, subtitle, bodyMarkdown, department, contact, tags } = live;
      const content = { title, subtitle, bodyMarkdown, department, contact, tags };
      const draft = await tx.editions.createEdition({ ...content, releaseId, state: 'draft', changeNote: null, createdBy: actor.userId, createdAt: now });
      await tx.attachments.copyAttachments(live.id, draft.id);
      await tx.editions.addRevision(draft.id, content, { id: actor.userId, label: actor.label }, now);
      await auditRelease(tx, actor, 'release.correction_started', releaseId, now, { editionNo: draft.editionNo });
      return draft;
    });
}
