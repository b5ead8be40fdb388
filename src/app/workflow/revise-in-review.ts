import type { Edition } from '../../domain/release.js';
import type { Clock } from '../../ports/clock.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { validate } from '../validate.js';
import type { StaffActor } from './actor.js';
import { editionAuthorIds } from './edition-authors.js';
import { auditRelease, loadForAction } from './load-for-action.js';
import { saveContent, saveDraftSchema, type SaveDraftInput } from './save-draft.js';
import { approvalStands } from '../../domain/workflow.js';

/** What a fix in review did: the edition as saved, and whether its approval still stands. */
export interface RevisedEdition {
  edition: Edition;
  /**
   * False when the person who approved it fixed it: they are now one of its authors, so it waits for
   * an editor who has not edited it to approve it again before it can be scheduled or published.
   */
  approvalStands: boolean;
}

/**
 * revise: an editor fixes an edition in review, approved or scheduled in place (typos, embargo),
 * without sending it back (#16). Optimistic locking as for a draft; the state and any schedule stay.
 * The save is a revision by the editor, who thereby becomes one of its authors: they cannot approve
 * it alone, and an approval they gave earlier no longer counts (`approvalStands`). An embargo moved
 * past a scheduled time is refused (the schedule would publish before it).
 */
export function makeReviseInReview(deps: { uow: UnitOfWork; clock: Clock; allowSelfApproval?: boolean }) {
  return async function reviseInReview(releaseId: number, input: SaveDraftInput, actor: StaffActor): Promise<RevisedEdition> {
    const { lockVersion, embargoUntil, ...content } = validate(saveDraftSchema, input);
    return deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const { edition } = await loadForAction(tx, releaseId, 'revise', actor, ({ edition }) =>
        edition.state === 'scheduled' && edition.scheduledAt && embargoUntil && edition.scheduledAt < embargoUntil
          ? [{ code: 'schedule_before_embargo', message: 'The embargo would end after the scheduled publication: reschedule first, or choose an earlier embargo', field: 'embargoUntil' }]
          : [],
      );
      const { saved, revision } = await saveContent(tx, edition, { lockVersion, embargoUntil, content }, actor, now);
      const stands = approvalStands(saved.approvedBy, await editionAuthorIds(tx.editions, saved), deps.allowSelfApproval);
      await auditRelease(tx, actor, 'release.revised', releaseId, now, {
        editionNo: edition.editionNo,
        revision: revision.revisionNo,
        state: edition.state,
        ...(embargoUntil?.getTime() !== edition.embargoUntil?.getTime() ? { embargoUntil: embargoUntil?.toISOString() ?? null } : {}),
        ...(stands ? {} : { approvalWithdrawn: true }),
      });
      return { edition: saved, approvalStands: stands };
    });
  };
}
export type ReviseInReview = ReturnType<typeof makeReviseInReview>;
