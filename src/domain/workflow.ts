import type { FieldIssue } from './errors.js';
import type { EditionState, ReleaseStatus } from './release.js';
import type { Role } from './user.js';

/** Workflow actions; each is its own endpoint and its own permission. */
export const WORKFLOW_ACTIONS = ['edit', 'submit', 'approve', 'reject', 'schedule', 'unschedule', 'publish', 'correct', 'withdraw', 'share_preview'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Which roles may take each action at all (before state rules). */
const ACTION_ROLES: Record<WorkflowAction, readonly Role[]> = {
  edit: ['admin', 'editor', 'writer'],
  submit: ['admin', 'editor', 'writer'],
  approve: ['admin', 'editor'],
  reject: ['admin', 'editor'],
  schedule: ['admin', 'editor'],
  unschedule: ['admin', 'editor'],
  publish: ['admin', 'editor'],
  correct: ['admin', 'editor', 'writer'],
  withdraw: ['admin', 'editor'],
  share_preview: ['admin', 'editor'],
};

/** The edition states each action starts from, and where it leads. */
export const TRANSITIONS: Record<WorkflowAction, { from: readonly EditionState[]; to: EditionState | null }> = {
  edit: { from: ['draft'], to: 'draft' },
  submit: { from: ['draft'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'approved' },
  reject: { from: ['in_review', 'approved'], to: 'draft' },
  schedule: { from: ['approved'], to: 'scheduled' },
  unschedule: { from: ['scheduled'], to: 'approved' },
  publish: { from: ['approved', 'scheduled'], to: 'published' },
  correct: { from: ['published'], to: null },
  withdraw: { from: ['published'], to: null },
  share_preview: { from: ['draft', 'in_review', 'approved', 'scheduled', 'published'], to: null },
};

/** Whether a role may ever take an action, whatever the state. */
export function roleMayTake(action: WorkflowAction, role: Role): boolean {
  return ACTION_ROLES[action].includes(role);
}

export interface WorkflowContext {
  role: Role;
  /**
   * The person acting is an author of this edition: created it or saved any revision of it (an
   * editor who rewrote a writer's draft is an author too, so cannot be its only approver).
   */
  isAuthor: boolean;
  editionState: EditionState;
  releaseStatus: ReleaseStatus;
  /** Newsroom policy (PRESSROOM_ALLOW_SELF_APPROVAL): may an author approve their own edition? Off by default. */
  allowSelfApproval?: boolean;
}

/**
 * Decides whether an action may be taken, returning every reason it may not (empty when allowed),
 * so a refused step reports all its reasons at once.
 */
export function workflowRefusals(action: WorkflowAction, ctx: WorkflowContext): FieldIssue[] {
  const reasons: FieldIssue[] = [];
  if (!roleMayTake(action, ctx.role)) {
    reasons.push({ code: 'role_not_allowed', message: `A ${ctx.role} cannot ${action.replace('_', ' ')} a release` });
  }
  const { from } = TRANSITIONS[action];
  if (!from.includes(ctx.editionState)) {
    reasons.push({ code: 'wrong_state', message: `Cannot ${action.replace('_', ' ')} an edition that is ${ctx.editionState.replace('_', ' ')}` });
  }
  if (ctx.releaseStatus === 'withdrawn' && action !== 'share_preview') {
    reasons.push({ code: 'withdrawn', message: 'The release has been withdrawn' });
  }
  if (action === 'approve' && ctx.isAuthor && !ctx.allowSelfApproval) {
    reasons.push({
      code: 'self_approval',
      message: 'You wrote or edited this edition, so you cannot approve it: an editor or admin who has not edited it must approve it',
    });
  }
  return reasons;
}

export function isAllowed(action: WorkflowAction, ctx: WorkflowContext): boolean {
  return workflowRefusals(action, ctx).length === 0;
}

/** Checks on timing that apply when scheduling or publishing (all reasons at once). */
export function timingRefusals(input: { now: Date; embargoUntil: Date | null; scheduledAt: Date | null }): FieldIssue[] {
  const reasons: FieldIssue[] = [];
  if (input.embargoUntil && input.embargoUntil <= input.now) {
    reasons.push({ code: 'embargo_in_past', message: 'The embargo time has already passed', field: 'embargoUntil' });
  }
  if (input.scheduledAt && input.scheduledAt <= input.now) {
    reasons.push({ code: 'schedule_in_past', message: 'The publication time has already passed', field: 'scheduledAt' });
  }
  if (input.scheduledAt && input.embargoUntil && input.scheduledAt < input.embargoUntil) {
    reasons.push({ code: 'schedule_before_embargo', message: 'The publication time is before the embargo ends; schedule it at or after the embargo', field: 'scheduledAt' });
  }
  return reasons;
}
