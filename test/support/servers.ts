// Several Pressroom servers on one database, in one process: each its own composed system (own
// connection pool, worker id, caches and timers) and web app, sharing a fake clock. For tests of
// what N servers behind a load balancer must agree on (sessions, throttles, CSRF, jobs).
import type { FastifyInstance } from 'fastify';
import { makeFakeClock } from '../../src/adapters/clock/system-clock.js';
import { composeSystem, type System } from '../../src/main/compose.js';
import { createWebApp, type WebOptions } from '../../src/main/web-app.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.js';

export interface TestServer {
  system: System;
  app: FastifyInstance;
}

export interface TestServers {
  servers: TestServer[];
  clock: ReturnType<typeof makeFakeClock>;
  database: TestDatabase;
  close(): Promise<void>;
}

/** `count` servers on one fresh database of `kind`, with their timers off (tests tick by hand). */
export async function createTestServers(kind: DatabaseKind, count: number, options: Partial<WebOptions> = {}): Promise<TestServers> {
  const database = await createTestDatabase(kind, { migrated: true });
  const clock = makeFakeClock(new Date('2026-11-20T01:00:00Z'));
  const servers: (TestServer & { stop(): Promise<void> })[] = [];
  for (let i = 0; i < count; i++) {
    const system = await composeSystem({
      database: database.target,
      dataDir: database.dataDir,
      clock,
      workerId: `test-server-${i}`,
      passwordHashing: { logN: 10, r: 8, p: 1 },
      distribution: { baseUrl: 'https://news.example.org', siteName: 'Test Newsroom' },
    });
    const web = await createWebApp(system, { siteName: 'Test Newsroom', baseUrl: 'https://news.example.org', timeZone: 'Asia/Seoul', demo: false, logLevel: 'silent', viewFlushMs: 60_000, schedulerMs: 0, distributionMs: 0, ...options });
    servers.push({ system, app: web.app, stop: web.stop });
  }
  return {
    servers,
    clock,
    database,
    async close() {
      for (const s of servers) {
        await s.stop();
        await s.system.close();
      }
      await database.drop();
    },
  };
}
