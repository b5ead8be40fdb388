import assert from 'node:assert/strict';
import { test } from 'node:test';
import { embargoChange, plannedPublicAt } from '../../src/domain/embargo.js';

const T = (h: number) => new Date(Date.UTC(2026, 10, 20, h));

test('the planned public time: public time once published; the later of schedule and embargo; an approved embargo', () => {
  assert.deepEqual(plannedPublicAt({ status: 'published', publicAt: T(5) }, null), T(5));
  assert.deepEqual(plannedPublicAt({ status: 'unpublished', publicAt: null }, { state: 'scheduled', scheduledAt: T(3), embargoUntil: T(4) }), T(4));
  assert.deepEqual(plannedPublicAt({ status: 'unpublished', publicAt: null }, { state: 'scheduled', scheduledAt: T(6), embargoUntil: T(4) }), T(6));
  assert.deepEqual(plannedPublicAt({ status: 'unpublished', publicAt: null }, { state: 'approved', scheduledAt: null, embargoUntil: T(4) }), T(4));
  assert.equal(plannedPublicAt({ status: 'unpublished', publicAt: null }, { state: 'approved', scheduledAt: null, embargoUntil: null }), null);
});

test('what a journalist told T(4) hears: lifted, moved, postponed, withdrawn, or nothing', () => {
  const now = T(2);
  assert.deepEqual(embargoChange(T(4), now, { status: 'published', publicAt: T(1) }, T(1)), { kind: 'lifted', at: T(1) });
  assert.equal(embargoChange(T(4), T(4), { status: 'published', publicAt: T(4) }, T(4)), null, 'public at the told time: nothing to say');
  assert.deepEqual(embargoChange(T(4), now, { status: 'unpublished', publicAt: null }, T(5)), { kind: 'moved', to: T(5) });
  assert.deepEqual(embargoChange(T(4), now, { status: 'published', publicAt: T(6) }, T(6)), { kind: 'moved', to: T(6) }, 'published with a later embargo');
  assert.deepEqual(embargoChange(T(4), now, { status: 'unpublished', publicAt: null }, null), { kind: 'postponed' });
  assert.equal(embargoChange(T(4), now, { status: 'unpublished', publicAt: null }, T(4)), null);
  assert.deepEqual(embargoChange(T(4), now, { status: 'withdrawn', publicAt: T(1) }, T(1)), { kind: 'withdrawn' });
});
