import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
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

/** A fresh, empty database of the given kind, with its own data directory for files. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pressroom-test-'));
  if (kind === 'sqlite') {
    return { target: { kind: 'sqlite', file: join(dataDir, 'test.sqlite') }, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.PRESSROOM_TEST_PG_URL;
  if (!adminUrl) throw new Error('PRESSROOM_TEST_PG_URL is not set');
  const name = `pressroom_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
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
