import type { Edition } from '../../domain/release.js';
import type { Clock } from '../../ports/clock.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import type { StaffActor } from './actor.js';
import { auditRelease, loadForAction } from './load-for-action.js';
import type { SeenEdition } from './seen-edition.js';

/**
 * recall: whoever sent an edition for review takes it back to draft before anyone approved it, to
 * change it without asking an editor to send it back (#16). `seen`: the edition they were shown,
 * refused when it changed since. The reviewer named for it stays named for the next submission.
 */
export function makeRecallRelease(deps: { uow: UnitOfWork; clock: Clock }) {
  return (releaseId: number, actor: StaffActor, seen?: SeenEdition | null): Promise<Edition> =>
    deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const { edition } = await loadForAction(tx, releaseId, 'recall', actor, () => [], { seen });
      const updated = await tx.editions.updateEditionWorkflow(edition.id, { state: 'draft', approvedBy: null, reviewComment: null }, now);
      await auditRelease(tx, actor, 'release.recalled', releaseId, now, { editionNo: edition.editionNo });
      return updated;
    });
}
export type RecallRelease = ReturnType<typeof makeRecallRelease>;
