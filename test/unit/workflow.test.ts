import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EDITION_STATES } from '../../src/domain/release.js';
import { timingRefusals, WORKFLOW_ACTIONS, workflowRefusals, type WorkflowAction } from '../../src/domain/workflow.js';
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
