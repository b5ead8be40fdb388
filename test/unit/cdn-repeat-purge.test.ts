// The second purge of a release change (#18): with several servers a cache refilling right after
// the first purge can fetch the page from a server that has not yet seen the write (it polls the
// content version every second) and keep the old page for s-maxage. test/e2e/multi-server.test.ts
// shows it with real servers and Varnish; this pins the rule.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeFakeClock } from '../../src/adapters/clock/system-clock.js';
import { REPEAT_PURGE_MS } from '../../src/main/compose-cdn.js';
import type { CdnPurgeTargets } from '../../src/ports/cdn-purger.js';
import { makeCdnPurging } from '../../src/web/cache/cdn-purge.js';

const targets: CdnPurgeTargets = {
  releases: async (ids) => ids.map((releaseId) => ({ releaseId, boardSlug: 'press-releases', language: 'en' as const, fileSha256s: [] })),
  embargoesLifted: async () => [],
};

function recording() {
  const calls: string[][] = [];
  return { calls, purge: async (keys: readonly string[]) => void calls.push([...keys]) };
}

describe('purging a release change twice', () => {
  test('a change is purged at once and again after repeatAfterMs; idle() waits for the second purge', async () => {
    const purger = recording();
    const purging = makeCdnPurging({ purger, targets, clock: makeFakeClock(new Date('2026-11-20T01:00:00Z')), repeatAfterMs: 30 });
    await purging.releasesChanged([7]);
    assert.equal(purger.calls.length, 1, 'the first purge goes out at once');
    assert.ok(purger.calls[0]!.includes('release-7'));
    await purging.idle();
    assert.deepEqual(purger.calls, [purger.calls[0], purger.calls[0]], 'the same keys are purged again');
    assert.equal(purging.counts.sent, 2);
  });

  test('an embargo lift is purged once (each server notices the moment itself)', async () => {
    const clock = makeFakeClock(new Date('2026-11-20T01:00:00Z'));
    const purger = recording();
    const purging = makeCdnPurging({ purger, targets: { ...targets, embargoesLifted: async () => [9] }, clock, repeatAfterMs: 30 });
    await purging.embargoesLifted(new Date('2026-11-20T02:00:00Z'));
    await purging.idle();
    assert.equal(purger.calls.length, 1);
  });

  test('without repeatAfterMs a change is purged once; with a purge URL the default waits past the content-version poll (1 s)', async () => {
    const purger = recording();
    const purging = makeCdnPurging({ purger, targets, clock: makeFakeClock(new Date()) });
    await purging.releasesChanged([7]);
    await purging.idle();
    assert.equal(purger.calls.length, 1);
    assert.ok(REPEAT_PURGE_MS > 1000);
  });
});
