import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { after, before, describe, test } from 'node:test';
import { makeS3FileStore, type S3FileStoreOptions } from '../../src/adapters/files/s3/s3-file-store.js';
import { StorageUnavailableError } from '../../src/domain/errors.js';
import { startTestS3, type TestS3 } from '../support/s3.js';

const MB = 1024 * 1024;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A loopback port nothing listens on: an object storage endpoint that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** `size` bytes of a repeatable pattern, produced in 64 KB chunks (never held whole). */
function patterned(size: number): { stream: () => Readable; sha256: string } {
  const chunk = Buffer.alloc(64 * 1024);
  for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31 + 7) % 251;
  const hash = createHash('sha256');
  for (let left = size; left > 0; left -= chunk.length) hash.update(chunk.subarray(0, Math.min(chunk.length, left)));
  return {
    sha256: hash.digest('hex'),
    stream: () =>
      Readable.from((function* () {
        for (let left = size; left > 0; left -= chunk.length) yield chunk.subarray(0, Math.min(chunk.length, left));
      })()),
  };
}

/** Calls `work` while sampling live memory (after a full GC each time); resolves with its result and the peak growth. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const live = () => {
    // Twice: the first collection finds dead buffers, the second finishes freeing their memory
    // (one alone leaves tens of MB of freed network buffers counted, and the test flaky).
    gc();
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const base = live();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, live())), 100);
  try {
    const result = await work();
    peak = Math.max(peak, live());
    return { result, growth: peak - base };
  } finally {
    clearInterval(timer);
  }
}

describe('FileStore: S3-specific behaviour', () => {
  let s3: TestS3;
  let dataDir: string;
  const stores: { close(): void }[] = [];
  const store = (overrides: Partial<S3FileStoreOptions> = {}) => {
    const s = makeS3FileStore({ endpoint: s3.settings.endpoint, bucket: s3.settings.bucket, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, forcePathStyle: true, temporaryDir: join(dataDir, 'tmp'), ...overrides });
    stores.push(s);
    return s;
  };
  before(async () => {
    s3 = await startTestS3();
    dataDir = mkdtempSync(join(tmpdir(), 'pressroom-s3-store-'));
  });
  after(async () => {
    for (const s of stores) s.close();
    await s3.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a file uploaded in parts reads back whole and by ranges across part boundaries', { timeout: 120_000 }, async () => {
    const size = 12 * MB + 123;
    const source = patterned(size);
    const files = store({ multipartFromBytes: 6 * MB, partBytes: 5 * MB });
    const stored = await files.put(source.stream());
    assert.deepEqual(stored, { sha256: source.sha256, byteSize: size });
    assert.deepEqual(await files.stat(stored.sha256), { byteSize: size });
    const whole = createHash('sha256');
    for await (const chunk of files.read(stored.sha256) as AsyncIterable<Buffer>) whole.update(chunk);
    assert.equal(whole.digest('hex'), source.sha256);
    // Bytes 5 MB - 3 .. 5 MB + 2 straddle the first part boundary; the last 10 bytes end the file;
    // bytes=0-0 is one byte (s3rver answers it with the whole object: the store must not pass that on).
    const expected = Buffer.concat(await source.stream().toArray());
    for (const [start, end] of [[5 * MB - 3, 5 * MB + 2], [size - 10, size - 1], [0, 0]] as const) {
      const got = Buffer.concat(await files.read(stored.sha256, { start, end }).toArray());
      assert.deepEqual(got, expected.subarray(start, end + 1), `bytes ${start}-${end}`);
    }
    assert.deepEqual(readdirSync(join(dataDir, 'tmp')), []);
  });

  test('a 48 MB file is uploaded and read back streaming: live memory grows far less than the file', { timeout: 180_000 }, async () => {
    // Big enough that holding it whole is unmistakable, small enough for one streamed PUT (not parts).
    const size = 48 * MB;
    const source = patterned(size);
    const files = store();
    await files.put(patterned(MB).stream()); // the first streamed PUT loads and compiles SDK code: not the file's cost
    const up = await peakGrowth(() => files.put(source.stream()));
    assert.equal(up.result.sha256, source.sha256);
    const down = await peakGrowth(async () => {
      const hash = createHash('sha256');
      for await (const chunk of files.read(source.sha256) as AsyncIterable<Buffer>) hash.update(chunk);
      return hash.digest('hex');
    });
    assert.equal(down.result, source.sha256);
    // Holding the file whole would show at least 48 MB; streams hold a few buffers (under 1 MB here).
    assert.ok(up.growth < size / 4, `upload grew live memory by ${(up.growth / MB).toFixed(1)} MB`);
    assert.ok(down.growth < size / 4, `download grew live memory by ${(down.growth / MB).toFixed(1)} MB`);
  });

  test('an endpoint that is down is STORAGE_UNAVAILABLE naming the endpoint and the fix, and the upload leaves nothing behind', { timeout: 120_000 }, async () => {
    const reported: StorageUnavailableError[] = [];
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const files = store({ endpoint, onStorageError: (e) => reported.push(e) });
    const isDown = (error: unknown) => {
      assert.ok(error instanceof StorageUnavailableError, String(error));
      assert.match(error.detail, new RegExp(`^Pressroom cannot use the object storage at ${endpoint.replace(/[/.]/g, '\\$&')}, bucket pressroom-test: the object storage server cannot be reached`));
      assert.match(error.detail, /To fix: check that the server is running and that PRESSROOM_S3_URL names it/);
      return true;
    };
    await assert.rejects(files.put(Buffer.from('a press release')), isDown);
    assert.deepEqual(readdirSync(join(dataDir, 'tmp')), [], 'the staged copy is removed');
    const staged = await files.stage(Buffer.from('staged while the endpoint is down'));
    await assert.rejects(staged.commit(), isDown);
    await assert.rejects(files.stat(sha(Buffer.from('a press release'))), isDown);
    await assert.rejects(files.ping(), isDown, 'the readiness probe fails too');
    await assert.rejects(text(files.read(sha(Buffer.from('a press release')))), isDown);
    assert.ok(reported.length >= 4, 'each failure is told to the operator log');
  });

  test('credentials the server refuses are STORAGE_UNAVAILABLE saying to check the keys', { timeout: 60_000 }, async () => {
    const files = store({ credentials: { accessKeyId: 'NOT-A-KEY', secretAccessKey: 'S3RVER' } });
    await assert.rejects(files.put(Buffer.from('refused')), (error: unknown) => {
      assert.ok(error instanceof StorageUnavailableError, String(error));
      assert.match(error.detail, /the object storage refused the credentials .*To fix: check PRESSROOM_S3_ACCESS_KEY_ID and PRESSROOM_S3_SECRET_ACCESS_KEY/);
      return true;
    });
  });
});
