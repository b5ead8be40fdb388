import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EDITION_STATES } from '../../src/domain/release.js';
import { approvalStands, publicationProblems, timingRefusals, WORKFLOW_ACTIONS, workflowRefusals, type WorkflowAction } from '../../src/domain/workflow.js';
import { ROLES, type Role } from '../../src/domain/user.js';

// The specification, written out independently of the implementation: which states each action
// starts from and which roles may take it.
const SPEC: Record<WorkflowAction, { from: string[]; roles: Role[] }> = {
  edit: { from: ['draft'], roles: ['admin', 'editor', 'writer'] },
  submit: { from: ['draft'], roles: ['admin', 'editor', 'writer'] },
  approve: { from: ['in_review'], roles: ['admin', 'editor'] },
  reject: { from: ['in_review', 'approved'], roles: ['admin', 'editor'] },
  schedule: { from: ['approved', 'scheduled'], roles: ['admin', 'editor'] },
  unschedule: { from: ['scheduled'], roles: ['admin', 'editor'] },
  publish: { from: ['approved', 'scheduled'], roles: ['admin', 'editor'] },
  correct: { from: ['published'], roles: ['admin', 'editor', 'writer'] },
  withdraw: { from: ['published'], roles: ['admin', 'editor'] },
  share_preview: { from: ['draft', 'in_review', 'approved', 'scheduled', 'published'], roles: ['admin', 'editor'] },
  revise: { from: ['in_review', 'approved', 'scheduled'], roles: ['admin', 'editor'] },
  recall: { from: ['in_review'], roles: ['admin', 'editor', 'writer'] },
  assign_reviewer: { from: ['in_review'], roles: ['admin', 'editor'] },
};

describe('workflow: every (state, action, role) triple', () => {
  for (const state of EDITION_STATES) {
    for (const action of WORKFLOW_ACTIONS) {
      for (const role of ROLES) {
        const allowed = SPEC[action].from.includes(state) && SPEC[action].roles.includes(role);
        test(`${role} ${action} on ${state}: ${allowed ? 'allowed' : 'refused'}`, () => {
          const reasons = workflowRefusals(action, { role, isAuthor: false, isSubmitter: true, editionState: state, releaseStatus: state === 'published' ? 'published' : 'unpublished' });
          assert.equal(reasons.length === 0, allowed, JSON.stringify(reasons));
          if (!allowed) {
            const codes = reasons.map((r) => r.code);
            if (!SPEC[action].roles.includes(role)) assert.ok(codes.includes('role_not_allowed'));
            if (!SPEC[action].from.includes(state)) assert.ok(codes.includes('wrong_state'));
          }
        });
      }
    }
  }
});

describe('workflow rules beyond the table', () => {
  test('an editor cannot approve their own edition, and every reason is given at once', () => {
    const reasons = workflowRefusals('approve', { role: 'editor', isAuthor: true, editionState: 'draft', releaseStatus: 'unpublished' });
    assert.deepEqual(reasons.map((r) => r.code).sort(), ['self_approval', 'wrong_state']);
    assert.deepEqual(workflowRefusals('approve', { role: 'editor', isAuthor: true, editionState: 'in_review', releaseStatus: 'unpublished', allowSelfApproval: true }), []);
  });

  test('nothing but a preview link happens to a withdrawn release', () => {
    assert.ok(workflowRefusals('correct', { role: 'admin', isAuthor: false, editionState: 'published', releaseStatus: 'withdrawn' }).some((r) => r.code === 'withdrawn'));
  });

  test('timing: embargo in the past, schedule in the past, schedule before the embargo, all reported', () => {
    const now = new Date('2026-11-28T00:00:00Z');
    const reasons = timingRefusals({ now, embargoUntil: new Date('2026-11-27T00:00:00Z'), scheduledAt: new Date('2026-11-26T00:00:00Z') });
    assert.deepEqual(reasons.map((r) => r.code).sort(), ['embargo_in_past', 'schedule_before_embargo', 'schedule_in_past']);
    assert.deepEqual(timingRefusals({ now, embargoUntil: new Date('2026-11-29T00:00:00Z'), scheduledAt: new Date('2026-11-29T00:00:00Z') }), []);
  });
});

describe('review loop and fixes in review (#16)', () => {
  const base = { isAuthor: false, releaseStatus: 'unpublished' as const };

  test('only whoever sent an edition for review (or created it) may recall it', () => {
    assert.deepEqual(workflowRefusals('recall', { ...base, role: 'writer', editionState: 'in_review', isSubmitter: true }), []);
    assert.deepEqual(workflowRefusals('recall', { ...base, role: 'editor', editionState: 'in_review', isSubmitter: false }).map((r) => r.code), ['not_submitter']);
    assert.deepEqual(workflowRefusals('recall', { ...base, role: 'writer', editionState: 'approved', isSubmitter: true }).map((r) => r.code), ['wrong_state']);
  });

  test('an approval its approver undid by editing stops scheduling and publishing, and may be given again where the edition is', () => {
    for (const state of ['approved', 'scheduled'] as const) {
      const undone = { ...base, role: 'editor' as const, editionState: state, approvalStands: false };
      assert.deepEqual(workflowRefusals('publish', undone).map((r) => r.code), ['approval_needed']);
      assert.ok(workflowRefusals('schedule', undone).some((r) => r.code === 'approval_needed'));
      assert.deepEqual(workflowRefusals('approve', undone), [], `re-approval on ${state}`);
      assert.deepEqual(workflowRefusals('approve', { ...undone, approvalStands: true }).map((r) => r.code), ['wrong_state']);
      assert.deepEqual(workflowRefusals('approve', { ...undone, isAuthor: true }).map((r) => r.code), ['self_approval'], 'the approver who edited it cannot approve it again');
    }
  });

  test('an approval stands unless its approver is one of the authors (or self-approval is the policy)', () => {
    assert.equal(approvalStands(null, new Set([1])), true);
    assert.equal(approvalStands(2, new Set([1])), true);
    assert.equal(approvalStands(2, new Set([1, 2])), false);
    assert.equal(approvalStands(2, new Set([1, 2]), true), true);
  });

  test('publication problems: every one at once, each naming the field that fixes it', () => {
    const now = new Date('2026-11-28T00:00:00Z');
    const problems = publicationProblems({
      now,
      state: 'scheduled',
      embargoUntil: new Date('2026-11-27T00:00:00Z'),
      scheduledAt: new Date('2026-11-26T00:00:00Z'),
      images: [{ id: 7, fileName: 'a.jpg', altText: ' ' }, { id: 8, fileName: 'b.jpg', altText: 'A minister' }],
      approvalStands: false,
    });
    assert.deepEqual(problems.map((p) => [p.code, p.field]), [
      ['embargo_in_past', 'embargoUntil'],
      ['schedule_before_embargo', 'scheduledAt'],
      ['alt_text_missing', 'attachments.7.altText'],
      ['approval_needed', 'approve'],
    ]);
    assert.deepEqual(publicationProblems({ now, state: 'draft', embargoUntil: null, scheduledAt: null, images: [], approvalStands: true }), []);
  });
});
