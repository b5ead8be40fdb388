import { InvalidStateError, NotFoundError, type FieldIssue } from '../../domain/errors.js';
import type { Edition, Release } from '../../domain/release.js';
import { approvalStands, workflowRefusals, type WorkflowAction } from '../../domain/workflow.js';
import type { TxRepos } from '../../ports/unit-of-work.js';
import type { StaffActor } from './actor.js';
import { editionAuthorIds } from './edition-authors.js';
import { refuseUnseenEdition, type SeenEdition } from './seen-edition.js';

/**
 * Loads a release (held for the transaction) and its latest edition for a workflow action and refuses with every reason at
 * once: role, state, and the caller's own extra checks. With `seen`, an edition that changed since it was shown is refused
 * first (StaleEditionError), whatever else would be said.
 */
export async function loadForAction(
  tx: TxRepos,
  releaseId: number,
  action: WorkflowAction,
  actor: StaffActor,
  extraChecks: (ctx: { release: Release; edition: Edition }) => FieldIssue[] | Promise<FieldIssue[]> = () => [],
  options: { allowSelfApproval?: boolean; seen?: SeenEdition | null } = {},
): Promise<{ release: Release; edition: Edition }> {
  const release = await tx.releases.getReleaseForUpdate(releaseId);
  if (!release) throw new NotFoundError(`No release ${releaseId}`);
  const edition = await tx.editions.latestEdition(releaseId);
  if (!edition) throw new NotFoundError(`Release ${releaseId} has no edition`);
  refuseUnseenEdition(edition, options.seen);
  // Authorship matters only to approval (given, or still standing at schedule and publish); the revisions are read only then.
  const authors = action === 'approve' || action === 'publish' || action === 'schedule' ? await editionAuthorIds(tx.editions, edition) : null;
  const isAuthor = actor.userId !== null && (authors ? authors.has(actor.userId) : edition.createdBy === actor.userId);
  const reasons = [
    ...workflowRefusals(action, {
      role: actor.role,
      isAuthor,
      editionState: edition.state,
      releaseStatus: release.status,
      allowSelfApproval: options.allowSelfApproval,
      isSubmitter: actor.userId !== null && (edition.submittedBy === actor.userId || edition.createdBy === actor.userId),
      approvalStands: authors ? approvalStands(edition.approvedBy, authors, options.allowSelfApproval) : true,
    }),
    ...(await extraChecks({ release, edition })),
  ];
  if (reasons.length > 0) throw new InvalidStateError(`Cannot ${action.replace('_', ' ')} this release`, reasons);
  return { release, edition };
}

/** Records an audit entry for a release action in the same transaction. */
export function auditRelease(tx: TxRepos, actor: StaffActor, action: string, releaseId: number, at: Date, details: Record<string, unknown> = {}) {
  return tx.audit.record({ at, actor: { userId: actor.userId, label: actor.label, ip: actor.ip }, action, subjectType: 'release', subjectId: String(releaseId), details });
}
