import type { FieldIssue } from './errors.js';
import type { EditionState, ReleaseStatus } from './release.js';
import type { Role } from './user.js';

/** Workflow actions; each is its own endpoint and its own permission. */
export const WORKFLOW_ACTIONS = ['edit', 'submit', 'approve', 'reject', 'schedule', 'unschedule', 'publish', 'correct', 'withdraw', 'share_preview', 'revise', 'recall', 'assign_reviewer'] as const;
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
  revise: ['admin', 'editor'],
  recall: ['admin', 'editor', 'writer'],
  assign_reviewer: ['admin', 'editor'],
};

/** The edition states each action starts from, and where it leads. */
export const TRANSITIONS: Record<WorkflowAction, { from: readonly EditionState[]; to: EditionState | null }> = {
  edit: { from: ['draft'], to: 'draft' },
  submit: { from: ['draft'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'approved' },
  reject: { from: ['in_review', 'approved'], to: 'draft' },
  // From scheduled too: rescheduling moves the time in one step (the old job is cancelled).
  schedule: { from: ['approved', 'scheduled'], to: 'scheduled' },
  unschedule: { from: ['scheduled'], to: 'approved' },
  publish: { from: ['approved', 'scheduled'], to: 'published' },
  correct: { from: ['published'], to: null },
  withdraw: { from: ['published'], to: null },
  share_preview: { from: ['draft', 'in_review', 'approved', 'scheduled', 'published'], to: null },
  /** An editor fixes an edition in review in place (content, embargo, alt text, caption): it keeps its state (#16). */
  revise: { from: ['in_review', 'approved', 'scheduled'], to: null },
  /** Whoever sent an edition for review takes it back to draft, before anyone approved it (#16). */
  recall: { from: ['in_review'], to: 'draft' },
  /** An editor names who should review a submitted edition (#16). */
  assign_reviewer: { from: ['in_review'], to: null },
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
  /** The person acting sent this edition for review, or created it: only they may recall it. */
  isSubmitter?: boolean;
  /**
   * An approved (or scheduled) edition's approval still holds under the two-person rule: its approver
   * has not edited it since (see `approvalStands`). When false, publishing and scheduling wait for an
   * editor who has not edited it to approve it again. Absent: it stands.
   */
  approvalStands?: boolean;
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
  // An approval its approver undid by editing the text is given again from where the edition is (#16).
  const reapproving = action === 'approve' && ctx.approvalStands === false && (ctx.editionState === 'approved' || ctx.editionState === 'scheduled');
  if (!from.includes(ctx.editionState) && !reapproving) {
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
  if (action === 'recall' && !ctx.isSubmitter) {
    reasons.push({ code: 'not_submitter', message: 'Only the person who sent this edition for review can recall it; an editor can send it back instead' });
  }
  if ((action === 'publish' || action === 'schedule') && ctx.approvalStands === false && ctx.editionState !== 'in_review') {
    reasons.push(APPROVAL_NEEDED);
  }
  return reasons;
}

const APPROVAL_NEEDED: FieldIssue = {
  code: 'approval_needed',
  message: 'Its approver edited this edition after approving it: an editor or admin who has not edited it must approve it again',
  field: 'approve',
};

/**
 * Whether an edition's approval holds under the two-person rule (#16): nobody approved it yet (an
 * import), self-approval is the newsroom's policy, or its approver is not one of its authors. An
 * approver who fixes the text in review becomes an author, so their approval no longer counts.
 */
export function approvalStands(approvedBy: number | null, authorIds: ReadonlySet<number>, allowSelfApproval = false): boolean {
  return approvedBy === null || allowSelfApproval || !authorIds.has(approvedBy);
}

/** An image that needs alt text before publishing. */
export interface ImageForCheck {
  id: number;
  fileName: string;
  altText: string;
}

/** Every image without alt text, each pointing at its own alt-text field. */
export function altTextProblems(images: readonly ImageForCheck[]): FieldIssue[] {
  return images
    .filter((a) => a.altText.trim() === '')
    .map((a) => ({ code: 'alt_text_missing', message: `Add alt text to the image "${a.fileName}"`, field: `attachments.${a.id}.altText` }));
}

/**
 * What would stop an edition being published, checked when it is saved, submitted or revised (not
 * first at publish, #16): an embargo in the past, a schedule before the embargo, images without alt
 * text, an approval its approver undid by editing. Each names the field that fixes it.
 */
export function publicationProblems(input: {
  now: Date;
  state: EditionState;
  embargoUntil: Date | null;
  scheduledAt: Date | null;
  images: readonly ImageForCheck[];
  approvalStands: boolean;
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.embargoUntil && input.embargoUntil <= input.now) {
    issues.push({ code: 'embargo_in_past', message: 'The embargo time has already passed: clear or move it', field: 'embargoUntil' });
  }
  if (input.state === 'scheduled' && input.scheduledAt && input.embargoUntil && input.scheduledAt < input.embargoUntil) {
    issues.push({ code: 'schedule_before_embargo', message: 'The publication time is before the embargo ends; schedule it at or after the embargo', field: 'scheduledAt' });
  }
  issues.push(...altTextProblems(input.images));
  if (!input.approvalStands && (input.state === 'approved' || input.state === 'scheduled')) issues.push(APPROVAL_NEEDED);
  return issues;
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
