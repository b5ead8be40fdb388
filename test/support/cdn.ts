// A test web app with a CDN purge adapter of the test's choosing (a recorder, or the HTTP adapter
// pointed at a real Varnish), and small helpers for the changes that must purge.
import { makeFakeClock } from '../../src/adapters/clock/system-clock.js';
import { composeSystem } from '../../src/main/compose.js';
import { createWebApp } from '../../src/main/web-app.js';
import type { CdnPurger } from '../../src/ports/cdn-purger.js';
import type { CdnLifetimes } from '../../src/web/cache/shared-cache.js';
import { createTestDatabase, type DatabaseKind } from './databases.js';
import { TEST_ACTOR } from './factories.js';
import type { TestWeb } from './web.js';

/** A purger that keeps every purge it is asked for, in order. */
export function recordingPurger(): CdnPurger & { calls: string[][]; all(): Set<string>; clear(): void } {
  const calls: string[][] = [];
  return {
    calls,
    purge: async (keys) => {
      calls.push([...keys]);
    },
    all: () => new Set(calls.flat()),
    clear: () => calls.splice(0),
  };
}

/** The whole web app on a fresh database with a fake clock, purging through `purger` or to `purgeUrl`. */
export async function createCdnTestWeb(kind: DatabaseKind, options: { purger?: CdnPurger; purgeUrl?: string; lifetimes?: CdnLifetimes; start?: Date; onPurgeError?: (error: unknown) => void } = {}): Promise<TestWeb> {
  const database = await createTestDatabase(kind, { migrated: true });
  const clock = makeFakeClock(options.start ?? new Date('2026-11-20T01:00:00Z'));
  const system = await composeSystem({
    database: database.target,
    dataDir: database.dataDir,
    clock,
    passwordHashing: { logN: 10, r: 8, p: 1 },
    cdn: { purger: options.purger, purgeUrl: options.purgeUrl, onError: options.onPurgeError ?? (() => undefined) },
  });
  const web = await createWebApp(system, {
    siteName: 'Test Newsroom',
    baseUrl: 'https://news.example.org',
    timeZone: 'Asia/Seoul',
    demo: false,
    logLevel: 'silent',
    viewFlushMs: 60_000,
    schedulerMs: 0,
    distributionMs: 0,
    cdn: options.lifetimes,
  });
  return {
    system,
    clock,
    dataDir: database.dataDir,
    app: web.app,
    settled: web.settled,
    async close() {
      await web.stop();
      await system.close();
      await database.drop();
    },
  };
}

/** Publishes a correction of a release with a new body (and title), as an editor would. */
export async function correctRelease(t: TestWeb, releaseId: number, change: { title: string; bodyMarkdown: string }): Promise<void> {
  const c = t.system.commands;
  const draft = await c.startCorrection(releaseId, TEST_ACTOR);
  await c.saveDraft(releaseId, { ...change, subtitle: [], department: '', contact: null, tags: [], lockVersion: draft.lockVersion }, TEST_ACTOR);
  await c.submitRelease(releaseId, TEST_ACTOR);
  await c.approveRelease(releaseId, TEST_ACTOR);
  await c.publishRelease(releaseId, TEST_ACTOR, { changeNote: 'Corrected figures' });
}
