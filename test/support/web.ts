import type { FastifyInstance } from 'fastify';
import type { SystemOptions } from '../../src/main/compose.js';
import { createWebApp, type WebOptions } from '../../src/main/web-app.js';
import type { DatabaseKind } from './databases.js';
import { createTestSystem, type TestSystem } from './system.js';

export interface TestWeb extends TestSystem {
  app: FastifyInstance;
  /** Waits until cached pages have seen every write announced so far (the content version caught up). */
  settled(): Promise<void>;
}

/** A composed system plus its web server, for in-process requests with `app.inject`. */
export async function createTestWeb(kind: DatabaseKind = 'sqlite', options: { demo?: boolean; uploadMaxBytes?: number; search?: SystemOptions['search']; siteSettings?: WebOptions['siteSettings'] } = {}): Promise<TestWeb> {
  const t = await createTestSystem(kind, undefined, { search: options.search });
  const web = await createWebApp(t.system, {
    siteName: 'Test Newsroom',
    baseUrl: 'https://news.example.org',
    timeZone: 'Asia/Seoul',
    demo: options.demo ?? false,
    logLevel: 'silent',
    viewFlushMs: 60_000,
    schedulerMs: 0,
    uploadMaxBytes: options.uploadMaxBytes,
    siteSettings: options.siteSettings,
  });
  return {
    ...t,
    app: web.app,
    settled: web.settled,
    async close() {
      await web.stop();
      await t.close();
    },
  };
}
