import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { after, describe, test, type TestContext } from 'node:test';
import { backupSqlite } from '../../src/adapters/backup/sqlite-backup.js';
import { backupCommand } from '../../src/cli/backup.command.js';
import { restoreCommand } from '../../src/cli/restore.command.js';
import { composeSystem, type System } from '../../src/main/compose.js';
import { databaseKinds } from '../support/databases.js';
import { buildBoard, buildRelease, jpegBytes, pdfBytes } from '../support/factories.js';
import { startTestS3 } from '../support/s3.js';
import { createTestSystem } from '../support/system.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const made: string[] = [];
const tempDir = (label: string) => {
  const dir = mkdtempSync(join(tmpdir(), `pressroom-${label}-`));
  made.push(dir);
  return dir;
};
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Runs a CLI command's `run` with console output captured. */
async function captured(t: TestContext, run: () => Promise<number>): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = t.mock.method(console, 'log', (...args: unknown[]) => void lines.push(args.join(' ')));
  const err = t.mock.method(console, 'error', (...args: unknown[]) => void lines.push(args.join(' ')));
  try {
    return { code: await run(), out: lines.join('\n') };
  } finally {
    log.mock.restore();
    err.mock.restore();
  }
}

/** `pressroom restore DIR` through the real CLI entry, into the given data directory. */
function cliRestore(dataDir: string, backup: string): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PRESSROOM_DATA: dataDir, PRESSROOM_DEMO: '0' };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli.ts'), 'restore', backup], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Each release's latest edition text and its attachments' bytes, by release id. */
async function snapshot(system: System, ids: number[]) {
  const out = new Map<number, { title: string; body: string; files: string[] }>();
  for (const id of ids) {
    const edition = await system.editions.latestEdition(id);
    if (!edition) continue;
    const files: string[] = [];
    for (const a of await system.attachments.attachmentsOf(edition.id)) files.push(`${a.fileName}:${(await buffer(system.files.read(a.sha256))).toString('base64')}`);
    out.set(id, { title: edition.title, body: edition.bodyMarkdown, files });
  }
  return out;
}

describe('pressroom backup / restore (SQLite)', () => {
  test('a backup taken while releases are created and published restores the same content, files checked', { timeout: 300_000 }, async (t) => {
    const source = await createTestSystem('sqlite');
    try {
      const s = source.system;
      const config = { database: { kind: 'sqlite' as const, file: join(source.dataDir, 'test.sqlite') }, dataDir: source.dataDir };
      await buildBoard(s, { slug: 'press-releases' });
      // Enough pages that the copy takes several steps, and photos and PDFs in the file store.
      for (let i = 0; i < 40; i++) {
        const files = i % 8 === 0 ? [{ fileName: `brief-${i}.pdf`, bytes: await pdfBytes(`Briefing ${i}`) }, { fileName: `photo-${i}.jpg`, bytes: await jpegBytes(320 + i, 200), altText: `Photo ${i}` }] : [];
        await buildRelease(s, { boardSlug: 'press-releases', title: `Release ${i}`, bodyMarkdown: `Paragraph ${i}. `.repeat(1500), files });
      }
      const before = (await s.transfer.content.counts()).releases;

      // Write load: releases created, given a PDF and published, one after another, until the backup is done.
      let stop = false;
      let written = 0;
      let duringBackup = 0;
      let backingUp = false;
      const load = (async () => {
        while (!stop) {
          await buildRelease(s, { boardSlug: 'press-releases', title: `Under load ${written}`, bodyMarkdown: `Written while backing up, ${written}. `.repeat(200), files: [{ fileName: `load-${written}.pdf`, bytes: await pdfBytes(`Load ${written}`) }] });
          written += 1;
          if (backingUp) duringBackup += 1;
        }
      })();
      while (written < 2) await new Promise((r) => setTimeout(r, 10));

      const target = join(tempDir('backup'), 'backup');
      backingUp = true;
      const writtenAtStart = written;
      const manifest = await backupSqlite({ databaseFile: config.database.file, filesDir: join(source.dataDir, 'files'), target });
      backingUp = false;
      stop = true;
      await load;
      assert.ok(duringBackup > 0, 'releases were written while the backup ran');
      assert.ok(manifest.counts.releases >= before + 2 && manifest.counts.releases <= before + written, `a snapshot between the start and the end (${manifest.counts.releases})`);

      const refusedHere = await captured(t, () => backupCommand.run(config, [target]));
      assert.equal(refusedHere.code, 1);
      assert.match(refusedHere.out, /is not empty: back up into a new or empty directory/);

      // Restore through the CLI entry into a new, empty data directory.
      const restoredDir = join(tempDir('restored'), 'data');
      const restored = await cliRestore(restoredDir, target);
      assert.equal(restored.code, 0, restored.output);
      assert.match(restored.output, new RegExp(`Restored ${manifest.counts.releases} releases, 1 boards, 0 staff accounts and ${manifest.files.count} files`));

      const copy = await composeSystem({ database: { kind: 'sqlite', file: join(restoredDir, 'pressroom.sqlite') }, dataDir: restoredDir });
      try {
        const counts = await copy.transfer.content.counts();
        assert.equal(counts.releases, manifest.counts.releases);
        assert.equal(counts.files, manifest.files.count);
        // Releases finished before the backup began come back exactly; one being written at the snapshot comes back as it stood then.
        const ids = [1, 2, 9, 17, 33, before + 1, before + writtenAtStart];
        const [was, now] = [await snapshot(s, ids), await snapshot(copy, ids)];
        assert.equal(now.size, ids.length);
        assert.deepEqual(now, was, 'the same text and the same file bytes');
        assert.ok([...now.values()].some((r) => r.files.length >= 2), 'photos and PDFs came back');
        assert.match((await copy.editions.latestEdition(manifest.counts.releases))?.title ?? '', /^Under load \d+$/, 'the snapshot includes releases written during the backup');
        const [last] = await copy.audit.list({ limit: 1 });
        assert.ok(last, 'the audit trail came back');
      } finally {
        await copy.close();
      }

      // Never over a newsroom: the same (now non-empty) directory is refused, saying why.
      const again = await captured(t, () => restoreCommand.run({ database: { kind: 'sqlite', file: join(restoredDir, 'pressroom.sqlite') }, dataDir: restoredDir }, [target]));
      assert.equal(again.code, 1);
      assert.match(again.out, /The data directory .* is not empty \(it holds .*\)\. A restore only goes into an empty data directory, so it can never overwrite a newsroom/);

      // A damaged file is found by its hash; the empty directory stays empty.
      const victim = readdirSync(join(target, 'files'))[0]!;
      appendFileSync(join(target, 'files', victim), 'tampered');
      const fresh = join(tempDir('fresh'), 'data');
      const damaged = await captured(t, () => restoreCommand.run({ database: { kind: 'sqlite', file: join(fresh, 'pressroom.sqlite') }, dataDir: fresh }, [target]));
      assert.equal(damaged.code, 1);
      assert.match(damaged.out, new RegExp(`files/${victim} is damaged: its content hashes to`));
      assert.ok(!existsSync(join(fresh, 'files')) && !existsSync(join(fresh, 'pressroom.sqlite')), 'nothing of the failed restore is left');
    } finally {
      await source.close();
    }
  });
});

describe('pressroom backup / restore (SQLite) with files in a bucket', () => {
  test('backs up the database only and says the files are in the bucket; the restore works with that bucket', { timeout: 120_000 }, async (t) => {
    const s3 = await startTestS3();
    try {
      const source = await createTestSystem('sqlite', undefined, { objectStorage: s3.settings });
      const pdf = await pdfBytes('Kept in the bucket');
      let id: number;
      try {
        await buildBoard(source.system, { slug: 'press-releases' });
        id = (await buildRelease(source.system, { boardSlug: 'press-releases', title: 'Files elsewhere', files: [{ fileName: 'plan.pdf', bytes: pdf }] })).release.id;
      } finally {
        await source.system.close();
      }
      const config = { database: { kind: 'sqlite' as const, file: join(source.dataDir, 'test.sqlite') }, dataDir: source.dataDir, objectStorage: s3.settings };
      const target = join(tempDir('s3-backup'), 'backup');
      const backup = await captured(t, () => backupCommand.run(config, [target]));
      assert.equal(backup.code, 0, backup.out);
      assert.match(backup.out, /and 0 files/);
      assert.match(backup.out, new RegExp(`The stored files live in the bucket pressroom-test at ${s3.settings.endpoint!.replace(/[/.]/g, '\\$&')} and are NOT in this backup`));
      assert.deepEqual(readdirSync(join(target, 'files')), []);

      const restoredDir = tempDir('s3-restored');
      const restored = await captured(t, () => restoreCommand.run({ database: { kind: 'sqlite', file: join(restoredDir, 'pressroom.sqlite') }, dataDir: restoredDir }, [target]));
      assert.equal(restored.code, 0, restored.out);
      assert.match(restored.out, /The backup holds no files: they were in an S3-compatible bucket\. Start the server with PRESSROOM_S3_\* naming that bucket/);
      const system = await composeSystem({ database: { kind: 'sqlite', file: join(restoredDir, 'pressroom.sqlite') }, dataDir: restoredDir, objectStorage: s3.settings });
      try {
        const [files] = [...(await snapshot(system, [id])).values()].map((r) => r.files);
        assert.deepEqual(files, [`plan.pdf:${Buffer.from(pdf).toString('base64')}`], 'the restored newsroom reads its files from the bucket');
      } finally {
        await system.close();
      }
      rmSync(source.dataDir, { recursive: true, force: true });
    } finally {
      await s3.stop();
    }
  });
});

const postgres = databaseKinds().find((d) => d.kind === 'postgres')!;
describe('pressroom backup / restore on PostgreSQL', { skip: postgres.skip }, () => {
  test('say clearly that pg_dump / pg_restore are the tools, and write nothing', async (t) => {
    const dataDir = tempDir('pg-data');
    const config = { database: { kind: 'postgres' as const, url: process.env.PRESSROOM_TEST_PG_URL! }, dataDir };
    const target = join(tempDir('pg-backup'), 'backup');
    const backup = await captured(t, () => backupCommand.run(config, [target]));
    assert.equal(backup.code, 1, 'nothing was backed up: a script must not take this for a backup');
    assert.match(backup.out, /runs on PostgreSQL: `pressroom backup` copies SQLite newsrooms only, and nothing was backed up/);
    assert.match(backup.out, /pg_dump --format=custom/);
    assert.ok(!existsSync(target));
    const restore = await captured(t, () => restoreCommand.run(config, [target]));
    assert.equal(restore.code, 1);
    assert.match(restore.out, /pg_restore/);
  });
});
