import { makeFakeClock } from '../../src/adapters/clock/system-clock.js';
import { composeSystem, type System } from '../../src/main/compose.js';
import { createTestDatabase, type DatabaseKind } from './databases.js';

export interface TestSystem {
  system: System;
  clock: ReturnType<typeof makeFakeClock>;
  close(): Promise<void>;
}

/** A composed system on a fresh database with a fake clock set to a fixed, known time. */
export async function createTestSystem(kind: DatabaseKind = 'sqlite', start = new Date('2026-11-20T01:00:00Z')): Promise<TestSystem> {
  const database = await createTestDatabase(kind);
  const clock = makeFakeClock(start);
  const system = await composeSystem({ database: database.target, dataDir: database.dataDir, clock });
  return {
    system,
    clock,
    async close() {
      await system.close();
      await database.drop();
    },
  };
}
