import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { StorageUnavailableError } from '../../src/domain/errors.js';
import { composeSystem } from '../../src/main/compose.js';
import { StaffBrowser, staffUser } from '../support/admin-web.js';
import { createTestDatabase, databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, pdfBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb } from '../support/web.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A data directory that cannot be created: its parent is a regular file (root ignores chmod, not this). */
function pathUnderAFile(): { dir: string; cleanup: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'pressroom-unwritable-'));
  writeFileSync(join(base, 'not-a-directory'), 'a file');
  return { dir: join(base, 'not-a-directory', 'data'), cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

describe('an unwritable data directory at start-up', () => {
  test('composing refuses with the path, the cause and what to do', async () => {
    const { dir, cleanup } = pathUnderAFile();
    try {
      await assert.rejects(composeSystem({ database: { kind: 'sqlite', file: join(dir, 'pressroom.sqlite') }, dataDir: dir }), (error: unknown) => {
        assert.ok(error instanceof StorageUnavailableError, String(error));
        assert.match(error.detail, new RegExp(`^Pressroom cannot write to ${dir.replace(/[/.]/g, '\\$&')}: part of the path is a file, not a directory \\(ENOTDIR`));
        assert.match(error.detail, /To fix: make .* a directory the user running Pressroom can write \(check PRESSROOM_DATA\)/);
        return true;
      });
    } finally {
      cleanup();
    }
  });

  test('`pressroom` prints that, not a stack trace, and exits 1', { timeout: 60_000 }, async () => {
    const { dir, cleanup } = pathUnderAFile();
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, PRESSROOM_DATA: dir, PRESSROOM_DEMO: '0' };
      delete env.DATABASE_URL;
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli.ts'), 'user', 'list'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr }));
      });
      assert.equal(result.code, 1);
      assert.match(result.stderr, new RegExp(`Pressroom cannot write to ${dir.replace(/[/.]/g, '\\$&')}: part of the path is a file`));
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      cleanup();
    }
  });
});

describe('an upload when the file store cannot be written', () => {
  test('answers 503 saying nothing was saved; the log names the directory and the fix', async (t) => {
    const web = await createTestWeb('sqlite');
    try {
      await buildBoard(web.system, { slug: 'press-releases' });
      const writer = new StaffBrowser(web, staffUser('writer'));
      await writer.get('/admin');
      const { release, edition } = await buildRelease(web.system, { boardSlug: 'press-releases', title: 'Draft with a file', state: 'draft', actor: { userId: writer.user.id, label: writer.user.email, ip: null, role: 'writer' } });
      // The store's directory becomes a regular file: every write under it fails (ENOTDIR), as a read-only or full disk would.
      const store = join(web.dataDir, 'files');
      rmSync(store, { recursive: true, force: true });
      writeFileSync(store, 'not a directory');
      const logged: string[] = [];
      t.mock.method(console, 'error', (...args: unknown[]) => void logged.push(args.join(' ')));
      const res = await writer.upload(`/admin/releases/${release.id}/attachments`, [{ name: 'briefing.pdf', bytes: await pdfBytes('Briefing'), type: 'application/pdf' }]);
      assert.equal(res.statusCode, 503);
      assert.match(res.body, /storage is full or cannot be written\. Nothing was saved/);
      assert.doesNotMatch(res.body, new RegExp(store.replace(/[/.]/g, '\\$&')), 'the path is for the operator, not the page');
      assert.ok(logged.some((line) => line.startsWith(`Pressroom cannot write to ${store}:`) && /To fix: /.test(line)), logged.join('\n'));
      assert.deepEqual(await web.system.attachments.attachmentsOf(edition.id), []);
    } finally {
      await web.close();
    }
  });
});

for (const { kind, skip } of databaseKinds()) {
  describe(`a database that refuses writes on ${kind}`, { skip }, () => {
    test('a write fails with StorageUnavailableError naming the database and the fix', async () => {
      const database = await createTestDatabase(kind);
      const logged: string[] = [];
      const options = { database: database.target, dataDir: database.dataDir, onStorageError: (e: StorageUnavailableError) => void logged.push(e.detail) };
      let system = await composeSystem(options);
      try {
        await buildBoard(system, { slug: 'press-releases' });
        if (database.target.kind === 'sqlite') {
          await sql`pragma query_only = 1`.execute(system.db);
        } else {
          const admin = new pg.Client({ connectionString: database.target.url });
          await admin.connect();
          await admin.query(`alter database ${new URL(database.target.url).pathname.slice(1)} set default_transaction_read_only = on`);
          await admin.end();
          await system.close();
          system = await composeSystem(options);
        }
        await assert.rejects(system.commands.createRelease({ boardSlug: 'press-releases', language: 'en', title: 'Refused', bodyMarkdown: 'Body', translationGroup: null }, TEST_ACTOR), (error: unknown) => {
          assert.ok(error instanceof StorageUnavailableError, String(error));
          const where = kind === 'sqlite' ? (database.target as { file: string }).file : 'the PostgreSQL database';
          assert.ok(error.detail.startsWith(`Pressroom cannot write to ${where}: it is read-only`), error.detail);
          assert.match(error.detail, /To fix: make .* writable/);
          return true;
        });
        assert.equal(logged.length, 1);
      } finally {
        await system.close();
        await database.drop();
      }
    });
  });
}

describe('SQLite rolling a transaction back by itself (disk full or I/O error mid-transaction)', () => {
  test('the cause reaches the caller, not "cannot rollback - no transaction is active", and the database keeps working', async () => {
    const database = await createTestDatabase('sqlite');
    const system = await composeSystem({ database: database.target, dataDir: database.dataDir });
    try {
      await assert.rejects(
        system.db.transaction().execute(async (trx) => {
          await sql`update site_state set content_version = content_version + 1`.execute(trx);
          // What SQLite does on SQLITE_FULL or SQLITE_IOERR during a transaction: it rolls back itself.
          await sql`rollback`.execute(trx);
          throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        }),
        /database or disk is full/,
      );
      await buildBoard(system, { slug: 'press-releases' });
      assert.equal((await system.boards.list()).length, 1);
    } finally {
      await system.close();
      await database.drop();
    }
  });
});
