import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { makeDemoAssets } from '../../src/adapters/demo/demo-assets.js';
import { makeFileInspector } from '../../src/adapters/files/file-inspector.js';
import { makeSharpImageProcessor } from '../../src/adapters/files/sharp-image-processor.js';
import { DEFAULT_ALLOWED_TYPES } from '../../src/app/attach-file.js';
import { DEMO_RELEASES } from '../../src/app/demo/demo-content.js';
import { composeSystem } from '../../src/main/compose.js';
import { composeSeedDemo } from '../../src/main/compose-demo.js';
import { DEMO_ACCOUNTS, workingDemoAccounts } from '../../src/main/demo-accounts.js';
import { databaseKinds } from '../support/databases.js';
import { createTestSystem } from '../support/system.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const client = { ip: '192.0.2.3', userAgent: 'test' };
/** The demo's published releases plus its five pieces of work in progress. */
const DEMO_RELEASE_COUNT = DEMO_RELEASES.length + 5;

for (const { kind, skip } of databaseKinds()) {
  describe(`the demo seed is all or nothing on ${kind}`, { skip }, () => {
    test('a failure half-way leaves an empty database; the next seed loads everything, accounts included', { timeout: 240_000 }, async () => {
      const t = await createTestSystem(kind);
      try {
        const s = t.system;
        const real = makeDemoAssets();
        let photos = 0;
        const failing = {
          ...real,
          photo: async (input: Parameters<typeof real.photo>[0]) => {
            photos += 1;
            if (photos > 6) throw new Error('disk unplugged (injected)');
            return real.photo(input);
          },
        };
        const seed = composeSeedDemo({ db: s.db, clock: s.clock, events: s.events, files: s.files, inspector: makeFileInspector(), images: makeSharpImageProcessor(), assets: failing, allowedTypes: DEFAULT_ALLOWED_TYPES, requireTotp: false, passwordHashing: { logN: 10, r: 8, p: 1 } });
        await assert.rejects(seed({ accounts: DEMO_ACCOUNTS }), /disk unplugged/);
        assert.ok(photos > 6, 'the failure came after releases with photos had been written');
        assert.deepEqual(await s.transfer.content.counts(), { boards: 0, users: 0, releases: 0, audit_log: 0, files: 0 });
        assert.deepEqual(await workingDemoAccounts(s), [], 'no credentials to print');

        assert.equal(await s.commands.seedDemo({ accounts: DEMO_ACCOUNTS }), true);
        const counts = await s.transfer.content.counts();
        assert.equal(counts.releases, DEMO_RELEASE_COUNT);
        assert.equal(counts.users, DEMO_ACCOUNTS.length);
        assert.equal((await s.accounts.authenticate({ email: DEMO_ACCOUNTS[0].email, password: DEMO_ACCOUNTS[0].password, ...client })).outcome, 'session');
        await s.search.idle();
        const found = await s.search.releases({ query: 'valdora', language: null, board: null, from: null, to: null, sort: 'newest', page: 1 });
        assert.ok(found.total > 0, 'releases committed by the seed are indexed after the commit');
        assert.equal(await s.commands.seedDemo({ accounts: DEMO_ACCOUNTS }), false, 'a second seed does nothing');

        // Only credentials that still work are printed: not a disabled account, not a changed password.
        await s.accounts.disableUser({ email: DEMO_ACCOUNTS[1].email }, { userId: null, label: 'system:test', ip: null });
        t.clock.set(new Date(t.clock.now().getTime() + 60_000));
        await s.accounts.setPassword({ email: DEMO_ACCOUNTS[2].email, password: 'a private password now' }, { userId: null, label: 'system:test', ip: null });
        assert.deepEqual((await workingDemoAccounts(s)).map((a) => a.email), [DEMO_ACCOUNTS[0].email]);
      } finally {
        await t.close();
      }
    });
  });
}

/** Starts `npm start`'s entry (through tsx) on a data directory; collects its output. */
function startServer(dataDir: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const env: NodeJS.ProcessEnv = { ...process.env, PRESSROOM_DATA: dataDir, PRESSROOM_DEMO: '1', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/web.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function until(what: string, check: () => boolean, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Stored files (not the temporary area) under files/. */
function storedFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.parentPath.includes(`${join(dir, 'tmp')}`)).length;
}

describe('first start killed during the demo seed (kill -9 of the server process)', () => {
  test('the killed start leaves nothing; the next start seeds the whole demo and prints credentials that work', { timeout: 400_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pressroom-demo-kill-'));
    try {
      const first = startServer(dataDir);
      // Several photos stored means the seed is well under way (many commands done) and not finished.
      await until('the seed to store files', () => storedFiles(join(dataDir, 'files')) >= 8 || first.child.exitCode !== null);
      first.child.kill('SIGKILL');
      await first.exited;
      assert.doesNotMatch(first.output(), /Pressroom is serving/, 'killed before it finished seeding');

      const probe = await composeSystem({ database: { kind: 'sqlite', file: join(dataDir, 'pressroom.sqlite') }, dataDir });
      try {
        assert.deepEqual(await probe.transfer.content.counts(), { boards: 0, users: 0, releases: 0, audit_log: 0, files: 0 }, 'nothing of the interrupted seed was committed');
      } finally {
        await probe.close();
      }

      const second = startServer(dataDir);
      await until('the second start to serve', () => /Pressroom is serving/.test(second.output()) || second.child.exitCode !== null);
      second.child.kill('SIGTERM');
      await second.exited;
      const out = second.output();
      assert.match(out, /Loaded the demo newsroom/);
      for (const a of DEMO_ACCOUNTS) assert.match(out, new RegExp(`${a.email.replace(/\./g, '\\.')}  password: ${a.password}`));

      const after = await composeSystem({ database: { kind: 'sqlite', file: join(dataDir, 'pressroom.sqlite') }, dataDir });
      try {
        assert.equal((await after.transfer.content.counts()).releases, DEMO_RELEASE_COUNT);
        for (const a of DEMO_ACCOUNTS) assert.equal((await after.accounts.authenticate({ email: a.email, password: a.password, ...client })).outcome, 'session', `${a.email} works as printed`);
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
