import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/adapters/db/connect.js';

export type DatabaseKind = 'sqlite' | 'postgres';

/** The databases every contract suite runs against: SQLite always, PostgreSQL when the harness started one. */
export function databaseKinds(): { kind: DatabaseKind; skip: string | false }[] {
  return [
    { kind: 'sqlite', skip: false },
    { kind: 'postgres', skip: process.env.PRESSROOM_TEST_PG_URL ? false : 'PostgreSQL not available (run through `npm test` with PostgreSQL 15 installed)' },
  ];
}

export interface TestDatabase {
  target: DatabaseTarget;
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A fresh database of the given kind, with its own data directory for files: empty, or with
 * `migrated: true` a copy of the migrated template scripts/test.mjs made once for the whole run
 * (PRESSROOM_TEST_SQLITE_TEMPLATE, PRESSROOM_TEST_PG_TEMPLATE), which saves running every migration
 * for each test system. Without a template (a test file run on its own) it is empty, and the system
 * migrates it at start as usual. Migrations themselves are tested from scratch
 * (test/contract/migrations-schema.test.ts, concurrent-migrations.test.ts).
 */
export async function createTestDatabase(kind: DatabaseKind, { migrated = false }: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pressroom-test-'));
  if (kind === 'sqlite') {
    const file = join(dataDir, 'test.sqlite');
    const template = process.env.PRESSROOM_TEST_SQLITE_TEMPLATE;
    if (migrated && template) copyFileSync(template, file);
    return { target: { kind: 'sqlite', file }, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.PRESSROOM_TEST_PG_URL;
  if (!adminUrl) throw new Error('PRESSROOM_TEST_PG_URL is not set');
  const name = `pressroom_${randomBytes(6).toString('hex')}`;
  const template = process.env.PRESSROOM_TEST_PG_TEMPLATE;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(migrated && template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString(), poolSize: 5 },
    dataDir,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
