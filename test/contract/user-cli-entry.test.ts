import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { composeSystem } from '../../src/main/compose.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { createTestSystem } from '../support/system.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PASSWORD = 'a long passphrase for the move';
const client = { ip: '192.0.2.1', userAgent: 'test' };

/** Runs the `pressroom` command line (the CLI entry through tsx, as the import CLI test does) with `input` piped to it. */
function pressroom(database: TestDatabase, args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    PRESSROOM_DATA: database.dataDir,
    DATABASE_URL: database.target.kind === 'postgres' ? database.target.url : `sqlite:${database.target.file}`,
    PRESSROOM_DEMO: '0',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli.ts'), ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

for (const { kind, skip } of databaseKinds()) {
  describe(`pressroom user set-password after a JSON import on ${kind}`, { skip }, () => {
    test('imported staff have no password; `user set-password` gives one; `user list` shows it', async () => {
      const exportDir = join(mkdtempSync(join(tmpdir(), 'pressroom-users-')), 'export');
      const source = await createTestSystem(kind);
      const target = await createTestDatabase(kind);
      try {
        await source.system.accounts.createUser({ email: 'editor@mnd.example', name: '편집자 이', role: 'editor', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
        await source.system.transfer.exportTo(exportDir);
        const imported = await composeSystem({ database: target.target, dataDir: target.dataDir });
        try {
          await imported.transfer.importFrom(exportDir, { dryRun: false });
        } finally {
          await imported.close();
        }

        const before = await pressroom(target, ['user', 'list']);
        assert.equal(before.code, 0, before.stderr);
        assert.match(before.stdout, /editor@mnd\.example +편집자 이 +editor +none/);

        const unknown = await pressroom(target, ['user', 'set-password', 'nobody@mnd.example'], `${PASSWORD}\n`);
        assert.equal(unknown.code, 1);
        assert.match(unknown.stderr, /No staff account has the email address nobody@mnd\.example/);

        const set = await pressroom(target, ['user', 'set-password', 'editor@mnd.example'], `${PASSWORD}\n`);
        assert.equal(set.code, 0, set.stderr);
        assert.match(set.stdout, /New password set for editor account editor@mnd\.example/);
        assert.doesNotMatch(set.stdout + set.stderr, /passphrase/);

        const after = await pressroom(target, ['user', 'list', '--json']);
        assert.equal(after.code, 0, after.stderr);
        assert.deepEqual(
          JSON.parse(after.stdout).map((u: { email: string; password: boolean }) => [u.email, u.password]),
          [['editor@mnd.example', true]],
        );

        const system = await composeSystem({ database: target.target, dataDir: target.dataDir });
        try {
          assert.equal((await system.accounts.authenticate({ email: 'editor@mnd.example', password: PASSWORD, ...client })).outcome, 'session');
          const [entry] = await system.audit.list({ action: 'user.password_set', limit: 5 });
          assert.equal(entry?.actor.label, 'system:cli');
        } finally {
          await system.close();
        }
      } finally {
        await source.close();
        await target.drop();
        rmSync(join(exportDir, '..'), { recursive: true, force: true });
      }
    });
  });
}
