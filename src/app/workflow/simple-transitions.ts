import { InvalidStateError, ValidationError } from '../../domain/errors.js';
import type { Edition } from '../../domain/release.js';
import { normaliseText } from '../../domain/text.js';
import type { Clock } from '../../ports/clock.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import type { StaffActor } from './actor.js';
import { auditRelease, loadForAction } from './load-for-action.js';
import { refuseUnseenEdition, type SeenEdition } from './seen-edition.js';
import { workflowRefusalsOrThrow } from './refuse.js';

interface Deps {
  uow: UnitOfWork;
  clock: Clock;
  /** Newsroom policy; off by default: an author's edition needs another editor's approval. */
  allowSelfApproval?: boolean;
}

/** submit: a writer sends a draft for review (`seen`: the edition they were shown, refused when it changed since). */
export function makeSubmitRelease(deps: Deps) {
  return (releaseId: number, actor: StaffActor, seen?: SeenEdition | null): Promise<Edition> =>
    deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const { edition } = await loadForAction(tx, releaseId, 'submit', actor, ({ edition }) =>
        edition.title.trim() === '' ? [{ code: 'title_missing', message: 'Enter a title before submitting', field: 'title' }] : [],
        { seen },
      );
      const updated = await tx.editions.updateEditionWorkflow(edition.id, { state: 'in_review', submittedBy: actor.userId, reviewComment: null }, now);
      await auditRelease(tx, actor, 'release.submitted', releaseId, now, { editionNo: edition.editionNo });
      return updated;
    });
}

/**
 * approve: an editor (by default not the author) approves an edition in review, the very one they were shown (`seen`).
 * An approved or scheduled edition whose approver then edited it is approved again where it is: its schedule stays (#16).
 */
export function makeApproveRelease(deps: Deps) {
  return (releaseId: number, actor: StaffActor, seen?: SeenEdition | null): Promise<Edition> =>
    deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const { edition } = await loadForAction(tx, releaseId, 'approve', actor, () => [], { allowSelfApproval: deps.allowSelfApproval, seen });
      const updated = await tx.editions.updateEditionWorkflow(edition.id, { state: edition.state === 'in_review' ? 'approved' : edition.state, approvedBy: actor.userId }, now);
      await auditRelease(tx, actor, 'release.approved', releaseId, now, { editionNo: edition.editionNo });
      return updated;
    });
}

/** reject: back to draft with the reviewer's comment (required, so the writer knows why). */
export function makeRejectRelease(deps: Deps) {
  return (releaseId: number, comment: string, actor: StaffActor, seen?: SeenEdition | null): Promise<Edition> =>
    deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const { edition } = await loadForAction(tx, releaseId, 'reject', actor, () =>
        comment.trim() === '' ? [{ code: 'comment_missing', message: 'Say what needs to change', field: 'comment' }] : [],
        { seen },
      );
      const updated = await tx.editions.updateEditionWorkflow(edition.id, { state: 'draft', approvedBy: null, reviewComment: comment.trim() }, now);
      await auditRelease(tx, actor, 'release.rejected', releaseId, now, { comment: comment.trim() });
      return updated;
    });
}

/** unschedule: a scheduled edition goes back to approved and its job is cancelled, even one a scheduler holds. */
export function makeUnscheduleRelease(deps: Deps) {
  return (releaseId: number, actor: StaffActor, seen?: SeenEdition | null): Promise<Edition> =>
    deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const { edition } = await loadForAction(tx, releaseId, 'unschedule', actor, () => [], { seen });
      await tx.jobs.cancelFor(releaseId, now);
      const updated = await tx.editions.updateEditionWorkflow(edition.id, { state: 'approved', scheduledAt: null }, now);
      await auditRelease(tx, actor, 'release.unscheduled', releaseId, now);
      return updated;
    });
}

export interface WithdrawOptions {
  /**
   * Also take the content down (a legal or safety takedown): the public page keeps only the title,
   * dates and the notice; files, image copies, print view and the API body answer 410 Gone. Allowed
   * on an already withdrawn release too, when the takedown comes later.
   */
  removeContent?: boolean;
  /** The edition the person was shown; refused when it changed since. */
  seen?: SeenEdition | null;
}

/**
 * withdraw: the page stays with a public notice and reason; the release leaves lists, feeds and
 * search. With `removeContent` only the title, dates and notice stay public (GOV.UK's notice-and-
 * reason model, plus a takedown).
 */
export function makeWithdrawRelease(deps: Deps) {
  return async (releaseId: number, reason: string, actor: StaffActor, options: WithdrawOptions = {}): Promise<void> => {
    const notice = normaliseText(reason).trim();
    if (notice === '') throw new ValidationError('Give a public reason for the withdrawal', [{ code: 'reason_missing', message: 'Give a public reason', field: 'reason' }]);
    const removeContent = options.removeContent === true;
    await deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const current = await tx.releases.getRelease(releaseId);
      const takedownOnly = removeContent && current?.status === 'withdrawn';
      if (takedownOnly) {
        const latest = await tx.editions.latestEdition(releaseId);
        if (latest) refuseUnseenEdition(latest, options.seen);
        workflowRefusalsOrThrow('withdraw', actor);
        if (current.contentRemovedAt !== null) {
          throw new InvalidStateError('The content of this release has already been removed', [{ code: 'content_already_removed', message: 'The content has already been removed' }]);
        }
      } else {
        await loadForAction(tx, releaseId, 'withdraw', actor, ({ release }) =>
          release.status !== 'published' ? [{ code: 'not_published', message: 'Only a published release can be withdrawn' }] : [],
          { seen: options.seen },
        );
      }
      await tx.jobs.cancelFor(releaseId, now);
      await tx.releases.markWithdrawn(releaseId, now, notice, removeContent);
      await tx.searchOutbox.add([releaseId], now);
      tx.events.record({ type: 'release.withdrawn', releaseId, at: now });
      if (!takedownOnly) await auditRelease(tx, actor, 'release.withdrawn', releaseId, now, { reason: notice, contentRemoved: removeContent });
      if (removeContent) await auditRelease(tx, actor, 'release.content_removed', releaseId, now, { reason: notice });
    });
  };
}
