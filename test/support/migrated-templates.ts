// Run once by scripts/test.mjs before the test files: migrates one SQLite file and (when the
// harness started PostgreSQL) one PostgreSQL database, so that test/support/databases.ts can copy
// them for each test system instead of running every migration again (issue #20, item 8).
// Prints one JSON line: { "sqlite": "<file>", "postgres": "<database name>" | null }.
import { join } from 'node:path';
import pg from 'pg';
import { connectDatabase, migrateToLatest } from '../../src/adapters/db/connect.js';

const [dir, name = 'pressroom_template'] = process.argv.slice(2);
if (!dir) throw new Error('usage: migrated-templates.ts DIR [NAME] (the directory for the SQLite template, the PostgreSQL database)');

const file = join(dir, 'template.sqlite');
const sqlite = connectDatabase({ kind: 'sqlite', file });
await migrateToLatest(sqlite);
// Closing checkpoints the WAL into the file and removes it, so the file alone is the database.
await sqlite.destroy();

let postgres: string | null = null;
const adminUrl = process.env.PRESSROOM_TEST_PG_URL;
if (adminUrl) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  postgres = name;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${postgres}`);
  await admin.query(`create database ${postgres}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${postgres}`;
  const db = connectDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 });
  await migrateToLatest(db);
  // No connection may stay open: CREATE DATABASE ... TEMPLATE refuses a template in use.
  await db.destroy();
}
process.stdout.write(`${JSON.stringify({ sqlite: file, postgres })}\n`);
