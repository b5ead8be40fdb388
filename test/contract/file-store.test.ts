import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { after, describe, test } from 'node:test';
import { makeLocalFileStore } from '../../src/adapters/files/local-file-store.js';

// The FileStore contract; the local-disk adapter is the one adapter today.
describe('FileStore: local disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'pressroom-files-'));
  const store = makeLocalFileStore(root);
  after(() => rmSync(root, { recursive: true, force: true }));

  test('stores bytes under their SHA-256 and reads them back, whole or by range', async () => {
    const bytes = Buffer.from('한국어 보도자료 본문 and English text');
    const stored = await store.put(bytes);
    assert.equal(stored.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(stored.byteSize, bytes.length);
    assert.deepEqual(await store.stat(stored.sha256), { byteSize: bytes.length });
    assert.equal(await text(store.read(stored.sha256)), bytes.toString());
    assert.equal(await text(store.read(stored.sha256, { start: 0, end: 2 })), '한');
  });

  test('streams a large input without holding it whole, and identical content is stored once', async () => {
    const chunk = Buffer.alloc(64 * 1024, 7);
    const source = Readable.from((function* () {
      for (let i = 0; i < 64; i++) yield chunk;
    })());
    const a = await store.put(source);
    assert.equal(a.byteSize, 64 * 64 * 1024);
    const b = await store.put(Buffer.concat(Array.from({ length: 64 }, () => chunk)));
    assert.equal(b.sha256, a.sha256);
    assert.deepEqual(readdirSync(join(root, 'tmp')), [], 'no temporary files are left behind');
  });

  test('a failing source leaves nothing behind and unknown addresses are absent', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    await assert.rejects(store.put(failing), /connection reset/);
    assert.deepEqual(readdirSync(join(root, 'tmp')), []);
    assert.equal(await store.stat('0'.repeat(64)), null);
    assert.throws(() => store.read('../../etc/passwd'), /SHA-256/);
  });

  test('sweeping the temporary area removes what a crash left behind, not what is still being written', async () => {
    const tmp = join(root, 'tmp');
    mkdirSync(tmp, { recursive: true });
    const hourAgo = new Date(Date.now() - 3600_000);
    writeFileSync(join(tmp, 'left-by-a-crash'), 'half an upload');
    utimesSync(join(tmp, 'left-by-a-crash'), hourAgo, hourAgo);
    writeFileSync(join(tmp, 'upload-in-flight'), 'still arriving');
    assert.equal(await store.sweepTemporary(new Date(Date.now() - 600_000)), 1);
    assert.deepEqual(readdirSync(tmp), ['upload-in-flight']);
    rmSync(join(tmp, 'upload-in-flight'));
    const fresh = mkdtempSync(join(tmpdir(), 'pressroom-files-'));
    assert.equal(await makeLocalFileStore(fresh).sweepTemporary(new Date()), 0, 'no temporary area yet is nothing to sweep');
    rmSync(fresh, { recursive: true, force: true });
  });
});
