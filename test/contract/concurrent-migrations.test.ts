import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { connectDatabase } from '../../src/adapters/db/connect.js';
import { migrations } from '../../src/adapters/db/migrations/index.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('../support/migrate-child.ts', import.meta.url));

/** Starts a migrating child; resolves `connected` once it has opened the database, `done` with its exit code and output. */
function startMigration(database: TestDatabase) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { ...process.env, PRESSROOM_MIGRATE_DATABASE: JSON.stringify(database.target) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let markConnected: () => void = () => {};
  const connected = new Promise<void>((resolve) => (markConnected = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('connected\n')) markConnected();
  });
  child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
  const done = new Promise<{ code: number | null; output: string }>((resolve) => child.on('exit', (code) => {
    markConnected();
    resolve({ code, output });
  }));
  return { connected, go: () => child.stdin.end('go\n'), done };
}

for (const { kind, skip } of databaseKinds()) {
  describe(`three servers starting together on one fresh ${kind} database`, { skip }, () => {
    test('each migrates or waits for the others: all succeed, and every migration is recorded once', { timeout: 120_000 }, async () => {
      const database = await createTestDatabase(kind);
      try {
        const children = [startMigration(database), startMigration(database), startMigration(database)];
        await Promise.all(children.map((c) => c.connected));
        for (const c of children) c.go();
        const results = await Promise.all(children.map((c) => c.done));
        for (const r of results) assert.equal(r.code, 0, `a migrating process failed:\n${r.output}`);

        const db = connectDatabase(database.target);
        try {
          const recorded = await sql<{ name: string; n: number }>`select name, count(*) as n from kysely_migration group by name order by name`.execute(db);
          assert.deepEqual(recorded.rows.map((r) => r.name), Object.keys(migrations).sort());
          assert.ok(recorded.rows.every((r) => Number(r.n) === 1), 'a migration was recorded more than once');
          // The schema is usable: the last migration's tables are there and empty.
          assert.deepEqual(await db.selectFrom('releases').select('id').execute(), []);
          assert.deepEqual(await db.selectFrom('jobs').select('id').execute(), []);
        } finally {
          await db.destroy();
        }
      } finally {
        await database.drop();
      }
    });
  });
}
