import { ValidationError } from '../../domain/errors.js';
import type { Edition } from '../../domain/release.js';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/events.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import type { StaffActor } from './actor.js';
import { auditRelease, loadForAction } from './load-for-action.js';

interface Deps {
  uow: UnitOfWork;
  clock: Clock;
  /** Newsroom policy; off by default: an author's edition needs another editor's approval. */
  allowSelfApproval?: boolean;
}

/** submit: a writer sends a draft for review. */
export function makeSubmitRelease(deps: Deps) {
  return (releaseId: number, actor: StaffActor): Promise<Edition> =>
    deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const { edition } = await loadForAction(tx, releaseId, 'submit', actor, ({ edition }) =>
        edition.title.trim() === '' ? [{ code: 'title_missing', message: 'Enter a title before submitting', field: 'title' }] : [],
      );
      const updated = await tx.releases.updateEditionWorkflow(edition.id, { state: 'in_review', submittedBy: actor.userId, reviewComment: null }, now);
      await auditRelease(tx, actor, 'release.submitted', releaseId, now, { editionNo: edition.editionNo });
      return updated;
    });
}

/** approve: an editor (by default not the author) approves an edition in review. */
export function makeApproveRelease(deps: Deps) {
  return (releaseId: number, actor: StaffActor): Promise<Edition> =>
    deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const { edition } = await loadForAction(tx, releaseId, 'approve', actor, () => [], { allowSelfApproval: deps.allowSelfApproval });
      const updated = await tx.releases.updateEditionWorkflow(edition.id, { state: 'approved', approvedBy: actor.userId }, now);
      await auditRelease(tx, actor, 'release.approved', releaseId, now, { editionNo: edition.editionNo });
      return updated;
    });
}

/** reject: back to draft with the reviewer's comment (required, so the writer knows why). */
export function makeRejectRelease(deps: Deps) {
  return (releaseId: number, comment: string, actor: StaffActor): Promise<Edition> =>
    deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const { edition } = await loadForAction(tx, releaseId, 'reject', actor, () =>
        comment.trim() === '' ? [{ code: 'comment_missing', message: 'Say what needs to change', field: 'comment' }] : [],
      );
      const updated = await tx.releases.updateEditionWorkflow(edition.id, { state: 'draft', approvedBy: null, reviewComment: comment.trim() }, now);
      await auditRelease(tx, actor, 'release.rejected', releaseId, now, { comment: comment.trim() });
      return updated;
    });
}

/** unschedule: a scheduled edition goes back to approved and its job is cancelled, even one a scheduler holds. */
export function makeUnscheduleRelease(deps: Deps) {
  return (releaseId: number, actor: StaffActor): Promise<Edition> =>
    deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const { edition } = await loadForAction(tx, releaseId, 'unschedule', actor);
      await tx.jobs.cancelFor(releaseId, now);
      const updated = await tx.releases.updateEditionWorkflow(edition.id, { state: 'approved', scheduledAt: null }, now);
      await auditRelease(tx, actor, 'release.unscheduled', releaseId, now);
      return updated;
    });
}

/** withdraw: the page stays with a public notice and reason; the release leaves lists and feeds. */
export function makeWithdrawRelease(deps: Deps & { events: EventBus }) {
  return async (releaseId: number, reason: string, actor: StaffActor): Promise<void> => {
    if (reason.trim() === '') throw new ValidationError('Give a public reason for the withdrawal', [{ code: 'reason_missing', message: 'Give a public reason', field: 'reason' }]);
    await deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      await loadForAction(tx, releaseId, 'withdraw', actor, ({ release }) =>
        release.status !== 'published' ? [{ code: 'not_published', message: 'Only a published release can be withdrawn' }] : [],
      );
      await tx.jobs.cancelFor(releaseId, now);
      await tx.releases.markWithdrawn(releaseId, now, reason.trim());
      await tx.searchOutbox.add([releaseId], now);
      await tx.releases.bumpContentVersion();
      await auditRelease(tx, actor, 'release.withdrawn', releaseId, now, { reason: reason.trim() });
    });
    deps.events.publish({ type: 'release.withdrawn', releaseId, at: deps.clock.now() });
  };
}
