import type { FieldIssue } from '../../domain/errors.js';
import { hasRole } from '../../domain/user.js';
import type { Clock } from '../../ports/clock.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import type { UserRepo } from '../../ports/user-repo.js';
import type { StaffActor } from './actor.js';
import { editionAuthorIds } from './edition-authors.js';
import { auditRelease, loadForAction } from './load-for-action.js';
import type { SeenEdition } from './seen-edition.js';

/** Who was asked to review an edition: the reviewer's id and name, or null when the request was cleared. */
export type AssignedReviewer = { id: number; name: string } | null;

/**
 * assign_reviewer: an editor names who should review a submitted edition (or clears the name, with
 * null). The reviewer must be an active editor or admin who may approve it, so not one of its authors
 * (unless self-approval is the newsroom's policy). The text is unchanged, so the edition's version
 * stays; the audit entry notifies the reviewer (#16).
 */
export function makeAssignReviewer(deps: { uow: UnitOfWork; clock: Clock; users: Pick<UserRepo, 'byId'>; allowSelfApproval?: boolean }) {
  return async (releaseId: number, reviewerId: number | null, actor: StaffActor, seen?: SeenEdition | null): Promise<AssignedReviewer> => {
    const reviewer = reviewerId === null ? null : await deps.users.byId(reviewerId);
    return deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      const { edition } = await loadForAction(
        tx,
        releaseId,
        'assign_reviewer',
        actor,
        async ({ edition }) => {
          if (reviewerId === null) return [];
          const issues: FieldIssue[] = [];
          if (!reviewer || reviewer.disabledAt !== null || !hasRole(reviewer, 'editor')) {
            issues.push({ code: 'reviewer_not_editor', message: 'Choose an active editor or admin as the reviewer', field: 'reviewerId' });
          } else if (!deps.allowSelfApproval && (await editionAuthorIds(tx.editions, edition)).has(reviewer.id)) {
            issues.push({ code: 'reviewer_is_author', message: `${reviewer.name} wrote or edited this edition, so cannot approve it: choose an editor who has not edited it`, field: 'reviewerId' });
          }
          return issues;
        },
        { seen },
      );
      await tx.editions.assignReviewer(edition.id, reviewer?.id ?? null);
      await auditRelease(tx, actor, 'release.reviewer_assigned', releaseId, now, { editionNo: edition.editionNo, reviewerId: reviewer?.id ?? null, reviewer: reviewer?.name ?? null });
      return reviewer ? { id: reviewer.id, name: reviewer.name } : null;
    });
  };
}
export type AssignReviewer = ReturnType<typeof makeAssignReviewer>;
