import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { after, before, describe, test } from 'node:test';
import type { FileStore } from '../../src/ports/file-store.js';
import { makeFileStore } from '../../src/main/file-store.js';
import { startTestS3 } from '../support/s3.js';

/** A store under test: the store, its local temporary area, and a fresh empty store of the same kind. */
interface Subject {
  store: FileStore;
  tmp: string;
  fresh(): Promise<{ store: FileStore; close(): void }>;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The FileStore contract: every adapter (local disk, S3-compatible bucket) passes the same cases. */
function fileStoreContract(name: string, setup: () => Promise<Subject & { close(): Promise<void> }>) {
  describe(`FileStore: ${name}`, () => {
    let s: Subject & { close(): Promise<void> };
    before(async () => {
      s = await setup();
    });
    after(() => s.close());

    test('answers the readiness probe (/readyz) when reachable', async () => {
      await s.store.ping();
    });

    test('stores bytes under their SHA-256 and reads them back, whole or by range', async () => {
      const bytes = Buffer.from('한국어 보도자료 본문 and English text');
      const stored = await s.store.put(bytes);
      assert.equal(stored.sha256, sha(bytes));
      assert.equal(stored.byteSize, bytes.length);
      assert.deepEqual(await s.store.stat(stored.sha256), { byteSize: bytes.length });
      assert.equal(await text(s.store.read(stored.sha256)), bytes.toString());
      assert.equal(await text(s.store.read(stored.sha256, { start: 0, end: 2 })), '한');
      assert.equal(await text(s.store.read(stored.sha256, { start: bytes.length - 4, end: bytes.length - 1 })), 'text', 'a range at the end');
    });

    test('streams a large input without holding it whole, and identical content is stored once', async () => {
      const chunk = Buffer.alloc(64 * 1024, 7);
      const source = Readable.from((function* () {
        for (let i = 0; i < 64; i++) yield chunk;
      })());
      const a = await s.store.put(source);
      assert.equal(a.byteSize, 64 * 64 * 1024);
      const b = await s.store.put(Buffer.concat(Array.from({ length: 64 }, () => chunk)));
      assert.equal(b.sha256, a.sha256);
      assert.deepEqual(readdirSync(s.tmp), [], 'no temporary files are left behind');
    });

    test('a staged upload is readable before it is committed, absent if discarded, stored once committed', async () => {
      const kept = await s.store.stage(Buffer.from('staged and kept'));
      assert.equal(await text(kept.read({ start: 0, end: 5 })), 'staged');
      assert.equal(await s.store.stat(kept.sha256), null, 'not stored before the commit');
      assert.deepEqual(await kept.commit(), { sha256: kept.sha256, byteSize: 15 });
      await kept.discard();
      assert.equal(await text(s.store.read(kept.sha256)), 'staged and kept');
      const dropped = await s.store.stage(Buffer.from('staged and dropped'));
      await dropped.discard();
      await dropped.discard();
      assert.equal(await s.store.stat(dropped.sha256), null);
      assert.deepEqual(readdirSync(s.tmp), []);
    });

    test('a failing source leaves nothing behind and unknown addresses are absent', async () => {
      const failing = new Readable({
        read() {
          this.destroy(new Error('connection reset'));
        },
      });
      await assert.rejects(s.store.put(failing), /connection reset/);
      assert.deepEqual(readdirSync(s.tmp), []);
      assert.equal(await s.store.stat('0'.repeat(64)), null);
      await assert.rejects(text(s.store.read('0'.repeat(64))), (error: NodeJS.ErrnoException) => error.code === 'ENOENT', 'reading an absent file fails as not found');
      assert.throws(() => s.store.read('../../etc/passwd'), /SHA-256/);
    });

    test('lists every stored file with its size', async () => {
      const { store, close } = await s.fresh();
      try {
        const one = await store.put(Buffer.from('one'));
        const two = await store.put(Buffer.from('second file'));
        await store.stage(Buffer.from('staged, never committed'));
        const listed = [];
        for await (const f of store.list()) listed.push(f);
        assert.deepEqual(listed.sort((x, y) => x.sha256.localeCompare(y.sha256)), [one, two].sort((x, y) => x.sha256.localeCompare(y.sha256)));
      } finally {
        close();
      }
    });

    test('sweeping the temporary area removes what a crash left behind, not what is still being written', async () => {
      mkdirSync(s.tmp, { recursive: true });
      const hourAgo = new Date(Date.now() - 3600_000);
      writeFileSync(join(s.tmp, 'left-by-a-crash'), 'half an upload');
      utimesSync(join(s.tmp, 'left-by-a-crash'), hourAgo, hourAgo);
      writeFileSync(join(s.tmp, 'upload-in-flight'), 'still arriving');
      assert.equal(await s.store.sweepTemporary(new Date(Date.now() - 600_000)), 1);
      assert.deepEqual(readdirSync(s.tmp), ['upload-in-flight']);
      rmSync(join(s.tmp, 'upload-in-flight'));
      const fresh = await s.fresh();
      assert.equal(await fresh.store.sweepTemporary(new Date()), 0, 'no temporary area yet is nothing to sweep');
      fresh.close();
    });
  });
}

const dataDirs: string[] = [];
after(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});
const newDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pressroom-files-'));
  dataDirs.push(dir);
  return dir;
};

fileStoreContract('local disk', async () => {
  const dataDir = newDataDir();
  return {
    store: await makeFileStore({ dataDir }),
    tmp: join(dataDir, 'files', 'tmp'),
    fresh: async () => {
      const store = await makeFileStore({ dataDir: newDataDir() });
      return { store, close: () => store.close() };
    },
    close: async () => undefined,
  };
});

let buckets = 0;
fileStoreContract('S3-compatible bucket (s3rver)', async () => {
  const server = await startTestS3();
  const dataDir = newDataDir();
  const store = await makeFileStore({ dataDir, objectStorage: server.settings });
  return {
    store,
    tmp: join(dataDir, 'files', 'tmp'),
    fresh: async () => {
      const store = await makeFileStore({ dataDir: newDataDir(), objectStorage: await server.createBucket(`fresh-${++buckets}`) });
      return { store, close: () => store.close() };
    },
    close: async () => {
      store.close();
      await server.stop();
    },
  };
});
