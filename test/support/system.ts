import { makeFakeClock } from '../../src/adapters/clock/system-clock.js';
import { composeSystem, type System, type SystemOptions } from '../../src/main/compose.js';
import { createTestDatabase, type DatabaseKind } from './databases.js';

export interface TestSystem {
  system: System;
  clock: ReturnType<typeof makeFakeClock>;
  /** The data directory of this system (its file store lives in `files/`). */
  dataDir: string;
  close(): Promise<void>;
}

/** A composed system on a fresh database with a fake clock set to a fixed, known time. */
export async function createTestSystem(kind: DatabaseKind = 'sqlite', start = new Date('2026-11-20T01:00:00Z'), options: Pick<SystemOptions, 'search' | 'distribution' | 'workerId' | 'objectStorage'> = {}): Promise<TestSystem> {
  const database = await createTestDatabase(kind, { migrated: true });
  const clock = makeFakeClock(start);
  // Cheap scrypt parameters keep sign-ins fast in tests; stored hashes carry their own parameters.
  const system = await composeSystem({ database: database.target, dataDir: database.dataDir, clock, passwordHashing: { logN: 10, r: 8, p: 1 }, ...options });
  return {
    system,
    clock,
    dataDir: database.dataDir,
    async close() {
      await system.close();
      await database.drop();
    },
  };
}
