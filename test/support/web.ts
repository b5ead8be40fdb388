import type { FastifyInstance } from 'fastify';
import type { SystemOptions } from '../../src/main/compose.js';
import { createWebApp, type WebOptions } from '../../src/main/web-app.js';
import type { TrustProxy } from '../../src/web/trust-proxy.js';
import type { DatabaseKind } from './databases.js';
import { createTestSystem, type TestSystem } from './system.js';

export interface TestWeb extends TestSystem {
  app: FastifyInstance;
  /** Waits until cached pages have seen every write announced so far (the content version caught up). */
  settled(): Promise<void>;
}

/** A composed system plus its web server, for in-process requests with `app.inject`. */
export async function createTestWeb(kind: DatabaseKind = 'sqlite', options: { demo?: boolean; uploadMaxBytes?: number; search?: SystemOptions['search']; objectStorage?: SystemOptions['objectStorage']; distribution?: SystemOptions['distribution']; subscribeThrottle?: { perAddress: number; perClient: number }; idleTimeoutMs?: number; trustProxy?: TrustProxy; siteSettings?: WebOptions['siteSettings']; metrics?: WebOptions['metrics'] } = {}): Promise<TestWeb> {
  const t = await createTestSystem(kind, undefined, { search: options.search, objectStorage: options.objectStorage, distribution: { baseUrl: 'https://news.example.org', siteName: 'Test Newsroom', ...options.distribution } });
  const web = await createWebApp(t.system, {
    siteName: 'Test Newsroom',
    baseUrl: 'https://news.example.org',
    timeZone: 'Asia/Seoul',
    demo: options.demo ?? false,
    logLevel: 'silent',
    viewFlushMs: 60_000,
    schedulerMs: 0,
    uploadMaxBytes: options.uploadMaxBytes,
    distributionMs: 0,
    subscribeThrottle: options.subscribeThrottle,
    idleTimeoutMs: options.idleTimeoutMs,
    trustProxy: options.trustProxy,
    siteSettings: options.siteSettings,
    metrics: options.metrics,
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
