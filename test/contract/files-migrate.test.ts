import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { after, before, describe, mock, test } from 'node:test';
import { makeLocalFileStore } from '../../src/adapters/files/local-file-store.js';
import { makeFilesMigrateCommand } from '../../src/cli/files-migrate.command.js';
import { filesMigrationFromConfig } from '../../src/main/file-store.js';
import { databaseKinds } from '../support/databases.js';
import { startTestS3, type TestS3 } from '../support/s3.js';
import { createTestSystem, type TestSystem } from '../support/system.js';

const command = makeFilesMigrateCommand(filesMigrationFromConfig);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const CONTENTS = ['국방부 보도자료 본문', 'Ministry press release', 'x'.repeat(300_000)].map((t) => Buffer.from(t));

/** The file s3rver keeps an object's bytes in (its on-disk layout), to damage it behind the store's back. */
const objectFile = (s3: TestS3, bucket: string, hash: string) => join(s3.directory, bucket, 'files', hash.slice(0, 2), hash.slice(2, 4), `${hash}._S3rver_object`);

let s3: TestS3;
const printed: string[] = [];
const savedEnv = { ...process.env };
before(async () => {
  s3 = await startTestS3();
  for (const stream of ['log', 'error'] as const) mock.method(console, stream, (...args: unknown[]) => void printed.push(args.join(' ')));
  mock.method(process.stderr, 'write', () => true); // progress lines
});
after(async () => {
  mock.restoreAll();
  process.env = savedEnv;
  await s3.stop();
});

/** The environment `pressroom` would run with: this data directory, this bucket. */
function configure(dataDir: string, env: Record<string, string>) {
  process.env = { ...savedEnv, PRESSROOM_DATA: dataDir, ...env };
  delete process.env.DATABASE_URL;
}

for (const { kind, skip } of databaseKinds()) {
  describe(`pressroom files migrate --to s3 (${kind})`, { skip }, () => {
    let t: TestSystem;
    let bucket: string;
    before(async () => {
      bucket = `migrate-${kind}`;
      const settings = await s3.createBucket(bucket);
      t = await createTestSystem(kind, undefined, { objectStorage: settings });
      const local = makeLocalFileStore(join(t.dataDir, 'files'));
      for (const bytes of CONTENTS) await local.put(bytes);
      configure(t.dataDir, { ...s3.env, PRESSROOM_S3_BUCKET: bucket });
    });
    after(() => t.close());

    test('usage: the target must be named, and be s3', async () => {
      printed.length = 0;
      assert.equal(await command.run(t.system, []), 2);
      assert.equal(await command.run(t.system, ['--to', 'gcs']), 2);
      assert.match(printed.join('\n'), /Say where the files go: --to s3[\s\S]*Unknown target "gcs"/);
    });

    test('copies every local file into the bucket, readable through the S3 store; a second run skips them all', async () => {
      printed.length = 0;
      assert.equal(await command.run(t.system, ['--to', 's3']), 0, printed.join('\n'));
      assert.match(printed.join('\n'), /3 files: 3 copied \(0\.3 MB\), 0 already in the bucket and verified, 0 damaged in the bucket and copied again, 0 failed/);
      for (const bytes of CONTENTS) assert.equal(await text(t.system.files.read(sha(bytes))), bytes.toString());
      printed.length = 0;
      assert.equal(await command.run(t.system, ['--to', 's3']), 0);
      assert.match(printed.join('\n'), /3 files: 0 copied \(0\.0 MB\), 3 already in the bucket and verified, 0 damaged/);
    });

    test('an object damaged in the bucket (same size) is found by its hash and copied again; a missing one is copied', async () => {
      const [damaged, missing] = CONTENTS.map(sha);
      const path = objectFile(s3, bucket, damaged!);
      const bytes = readFileSync(path);
      bytes[0] = bytes[0]! ^ 0xff;
      writeFileSync(path, bytes);
      assert.notEqual(sha(Buffer.concat(await t.system.files.read(damaged!).toArray())), damaged, 'the bucket now serves wrong bytes');
      rmSync(objectFile(s3, bucket, missing!));
      printed.length = 0;
      assert.equal(await command.run(t.system, ['--to', 's3']), 0, printed.join('\n'));
      assert.match(printed.join('\n'), /3 files: 1 copied \(0\.0 MB\), 1 already in the bucket and verified, 1 damaged in the bucket and copied again, 0 failed/);
      for (const bytes of CONTENTS) assert.equal(sha(Buffer.concat(await t.system.files.read(sha(bytes)).toArray())), sha(bytes));
      const audited = await t.system.audit.list({ action: 'files.migrated', limit: 10 });
      assert.equal(audited.length, 3, 'each run is in the audit trail');
      assert.deepEqual(audited.map((a) => a.actor.label), ['system:cli', 'system:cli', 'system:cli']);
    });
  });
}

describe('pressroom files migrate: what goes wrong', () => {
  let t: TestSystem;
  after(() => t?.close());

  test('a damaged local file is reported, not copied, and the run exits 1 saying what to do', async () => {
    const settings = await s3.createBucket('migrate-damaged');
    t = await createTestSystem('sqlite', undefined, { objectStorage: settings });
    const local = makeLocalFileStore(join(t.dataDir, 'files'));
    const good = await local.put(Buffer.from('a good file'));
    const claimed = sha(Buffer.from('what the file should hold'));
    mkdirSync(join(t.dataDir, 'files', claimed.slice(0, 2), claimed.slice(2, 4)), { recursive: true });
    writeFileSync(join(t.dataDir, 'files', claimed.slice(0, 2), claimed.slice(2, 4), claimed), 'bit rot');
    configure(t.dataDir, { ...s3.env, PRESSROOM_S3_BUCKET: 'migrate-damaged' });
    printed.length = 0;
    assert.equal(await command.run(t.system, ['--to', 's3']), 1);
    const out = printed.join('\n');
    assert.match(out, /2 files: 1 copied .* 1 failed/);
    assert.match(out, new RegExp(`${claimed}: the local copy is damaged: its bytes hash to ${sha(Buffer.from('bit rot'))}; restore it from a backup`));
    assert.match(out, /run `pressroom files migrate --to s3` again .*Do not switch the servers to the bucket until it reports 0 failed/);
    assert.deepEqual(await t.system.files.stat(good.sha256), { byteSize: 11 });
    assert.equal(await t.system.files.stat(claimed), null, 'damaged bytes are not put in the bucket under any address');
    assert.equal(await t.system.files.stat(sha(Buffer.from('bit rot'))), null);
  });

  test('an unreachable bucket stops the run with the endpoint, the fix, and that running again continues', { timeout: 60_000 }, async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const down = await createTestSystem('sqlite', undefined, { objectStorage: { ...s3.settings, endpoint: `http://127.0.0.1:${port}` } });
    try {
      await makeLocalFileStore(join(down.dataDir, 'files')).put(Buffer.from('waiting to move'));
      configure(down.dataDir, { ...s3.env, PRESSROOM_S3_URL: `http://127.0.0.1:${port}` });
      printed.length = 0;
      assert.equal(await command.run(down.system, ['--to', 's3']), 1);
      assert.match(printed.join('\n'), new RegExp(`cannot use the object storage at http://127\\.0\\.0\\.1:${port}, bucket pressroom-test: the object storage server cannot be reached[\\s\\S]*run \`pressroom files migrate --to s3\` again once it is fixed, and it continues where it stopped`));
    } finally {
      await down.close();
    }
  });

  test('without a bucket configured it refuses and says which settings to give', async () => {
    const local = await createTestSystem('sqlite');
    try {
      configure(local.dataDir, {});
      printed.length = 0;
      assert.equal(await command.run(local.system, ['--to', 's3']), 2);
      assert.match(printed.join('\n'), /No bucket is configured: set PRESSROOM_S3_BUCKET/);
    } finally {
      await local.close();
    }
  });
});
