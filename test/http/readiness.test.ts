import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { migrations } from '../../src/adapters/db/migrations/index.js';
import { registerReadinessRoute } from '../../src/web/public/readiness.route.js';
import { databaseKinds } from '../support/databases.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

for (const { kind, skip } of databaseKinds()) {
  describe(`/readyz on ${kind}`, { skip }, () => {
    let t: TestWeb;
    before(async () => {
      t = await createTestWeb(kind);
    });
    after(async () => t?.close());
    const readyz = () => t.app.inject({ method: 'GET', url: '/readyz' });

    test('ready: database, file store and schema, never cached', async () => {
      const res = await readyz();
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ready', database: 'ok', storage: 'ok', migrations: 'current' });
      assert.equal(res.headers['cache-control'], 'no-store');
    });

    test('a pending migration (another server upgrading) makes it 503 naming the migration, while /healthz stays 200', async () => {
      const last = Object.keys(migrations).sort().at(-1)!;
      const row = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration where name = ${last}`.execute(t.system.db);
      await sql`delete from kysely_migration where name = ${last}`.execute(t.system.db);
      try {
        const res = await readyz();
        assert.equal(res.statusCode, 503);
        assert.deepEqual(res.json(), { status: 'unavailable', database: 'ok', storage: 'ok', migrations: 'pending', pending: [last] });
        assert.equal((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
      } finally {
        await sql`insert into kysely_migration (name, timestamp) values (${last}, ${row.rows[0]!.timestamp})`.execute(t.system.db);
      }
      assert.equal((await readyz()).statusCode, 200);
    });

    test('a file store that cannot be reached makes it 503 with storage unreachable', async () => {
      const files = join(t.dataDir, 'files');
      const aside = join(t.dataDir, 'files-aside');
      mkdirSync(files, { recursive: true });
      renameSync(files, aside);
      // A plain file where the store's directory should be: nothing can be stored there.
      writeFileSync(files, 'not a directory');
      try {
        const res = await readyz();
        assert.equal(res.statusCode, 503);
        assert.deepEqual(res.json(), { status: 'unavailable', database: 'ok', storage: 'unreachable', migrations: 'current' });
      } finally {
        rmSync(files);
        renameSync(aside, files);
      }
      assert.equal((await readyz()).statusCode, 200);
    });
  });
}

describe('/readyz when the database does not answer', () => {
  test('503 with database unreachable; a hung check counts as failed instead of hanging the probe', { timeout: 30_000 }, async () => {
    const app = Fastify();
    let database: () => Promise<unknown> = () => Promise.reject(new Error('connection refused'));
    registerReadinessRoute(app, { database: () => database(), storage: async () => {}, pendingMigrations: async () => [] });
    const refused = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(refused.statusCode, 503);
    assert.equal(refused.json().database, 'unreachable');
    database = () => new Promise(() => {});
    const hung = await app.inject({ method: 'GET', url: '/readyz' });
    assert.equal(hung.statusCode, 503);
    assert.equal(hung.json().database, 'unreachable');
    await app.close();
  });
});
