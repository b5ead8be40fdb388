// A child process that migrates one database, for test/contract/concurrent-migrations.test.ts:
// it opens the database, prints `connected`, waits for a line on stdin (so that several children
// start migrating together), migrates, and prints `migrated` (or the error, and exits 1).
import { createInterface } from 'node:readline';
import type { DatabaseTarget } from '../../src/adapters/db/connect.js';
import { connectDatabase, migrateToLatest } from '../../src/adapters/db/connect.js';

const target = JSON.parse(process.env.PRESSROOM_MIGRATE_DATABASE ?? 'null') as DatabaseTarget | null;
if (!target) throw new Error('Set PRESSROOM_MIGRATE_DATABASE');
const db = connectDatabase(target);
process.stdout.write('connected\n');
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once('line', () => resolve()));
lines.close();
try {
  await migrateToLatest(db);
  process.stdout.write('migrated\n');
  await db.destroy();
} catch (error) {
  process.stdout.write(`failed ${error instanceof Error ? error.message : String(error)}\n`);
  await db.destroy();
  process.exit(1);
}
