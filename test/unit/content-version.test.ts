import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeContentVersionTracker } from '../../src/web/cache/content-version.js';
import type { PublicCatalog } from '../../src/ports/public-catalog.js';

/** A catalog whose reads wait until the test lets them finish, so a write can land mid-read. */
function slowCatalog() {
  const state = { version: 1, transition: null as Date | null };
  const waiting: Array<() => void> = [];
  const reads = { count: 0 };
  const catalog = {
    async contentVersion() {
      reads.count += 1;
      const seen = state.version;
      await new Promise<void>((resolve) => waiting.push(resolve));
      return seen;
    },
    async nextPublicTransition() {
      return state.transition;
    },
  } as unknown as PublicCatalog;
  return { catalog, state, reads, release: () => waiting.splice(0).forEach((resolve) => resolve()) };
}

test('an embargo scheduled while a version read is running still turns the cache over at its moment', async () => {
  let now = new Date('2026-11-29T09:00:00Z');
  const { catalog, state, reads, release } = slowCatalog();
  const tracker = makeContentVersionTracker({ catalog, clock: { now: () => now } });

  const first = tracker.refresh(); // a poll starts and reads the old state
  await new Promise((resolve) => setImmediate(resolve));
  // Meanwhile a release is approved with an embargo at 10:00, and its event arrives mid-read.
  state.version = 2;
  state.transition = new Date('2026-11-29T10:00:00Z');
  tracker.localChange();
  release();
  await new Promise((resolve) => setImmediate(resolve));
  release();
  await first;
  assert.equal(reads.count, 2, 'the request made during the running read ran a read of its own');

  const before = tracker.current();
  now = new Date('2026-11-29T10:00:00Z');
  const after = tracker.current();
  release();
  assert.notEqual(after, before, 'at the embargo moment cached pages are stale');
});

test('requests made while a read runs share one follow-up read, not one each', async () => {
  const { catalog, reads, release } = slowCatalog();
  const tracker = makeContentVersionTracker({ catalog, clock: { now: () => new Date() } });
  const first = tracker.refresh();
  await new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < 5; i += 1) void tracker.refresh();
  release();
  await new Promise((resolve) => setImmediate(resolve));
  release();
  await first;
  assert.equal(reads.count, 2);
});
