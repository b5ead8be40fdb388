import type { FastifyInstance } from 'fastify';
import { createWebApp } from '../../src/main/web-app.js';
import type { DatabaseKind } from './databases.js';
import { createTestSystem, type TestSystem } from './system.js';

export interface TestWeb extends TestSystem {
  app: FastifyInstance;
}

/** A composed system plus its web server, for in-process requests with `app.inject`. */
export async function createTestWeb(kind: DatabaseKind = 'sqlite', options: { demo?: boolean; uploadMaxBytes?: number } = {}): Promise<TestWeb> {
  const t = await createTestSystem(kind);
  const web = await createWebApp(t.system, {
    siteName: 'Test Newsroom',
    baseUrl: 'https://news.example.org',
    timeZone: 'Asia/Seoul',
    demo: options.demo ?? false,
    logLevel: 'silent',
    viewFlushMs: 60_000,
    schedulerMs: 0,
    uploadMaxBytes: options.uploadMaxBytes,
  });
  return {
    ...t,
    app: web.app,
    async close() {
      await web.stop();
      await t.close();
    },
  };
}
