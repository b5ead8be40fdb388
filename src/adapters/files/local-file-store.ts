import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, constants, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StorageUnavailableError } from '../../domain/errors.js';
import type { ByteRange, FileStore, StagedFile, StoredFile } from '../../ports/file-store.js';
import { storageFailure } from '../storage-failure.js';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Stores files on local disk under their SHA-256 (root/ab/cd/abcd...), outside any web root.
 * Writes go to a temporary file that is renamed into place, so a half-written file is never served.
 * A write the disk refuses (full, read-only, permissions) is a StorageUnavailableError naming the
 * store's directory and the fix, told to `onStorageError` first (the operator's log).
 */
export function makeLocalFileStore(root: string, options: { onStorageError?: (error: StorageUnavailableError) => void } = {}): FileStore {
  /** Storage failures of this store's own paths become StorageUnavailableError; a failing source (a stream being read) stays as it is. */
  async function writing<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const path = (error as { path?: unknown }).path;
      const failure = typeof path === 'string' && !path.startsWith(root) ? null : storageFailure(error, root);
      if (!failure) throw error;
      options.onStorageError?.(failure);
      throw failure;
    }
  }

  const pathOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error('Not a SHA-256 address');
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  /** Writes the source to a fresh temporary file, hashing and counting on the way. */
  async function writeTemporary(source: Readable | Uint8Array): Promise<StoredFile & { tmp: string }> {
    const tmpDir = join(root, 'tmp');
    await writing(() => mkdir(tmpDir, { recursive: true }));
    const tmp = join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    let byteSize = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        byteSize += chunk.length;
        done(null, chunk);
      },
    });
    const input = source instanceof Uint8Array ? Readable.from([Buffer.from(source)]) : source;
    const out = createWriteStream(tmp, { flags: 'wx' });
    try {
      await writing(() => pipeline(input, meter, out));
      return { sha256: hash.digest('hex'), byteSize, tmp };
    } catch (error) {
      // A source failing early can reject the pipeline while the file is still being opened: removing
      // it before the open completes would leave it behind (and its descriptor open until then).
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async function moveIntoPlace(tmp: string, sha256: string): Promise<void> {
    const target = pathOf(sha256);
    await writing(async () => {
      await mkdir(join(target, '..'), { recursive: true });
      await rename(tmp, target);
    });
  }

  return {
    async put(source) {
      const { tmp, sha256, byteSize } = await writeTemporary(source);
      try {
        await moveIntoPlace(tmp, sha256);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
      return { sha256, byteSize } satisfies StoredFile;
    },

    async stage(source) {
      const { tmp, sha256, byteSize } = await writeTemporary(source);
      let committed = false;
      const staged: StagedFile = {
        sha256,
        byteSize,
        read: (range?: ByteRange) => createReadStream(tmp, range ? { start: range.start, end: range.end } : {}),
        async commit() {
          if (!committed) {
            await moveIntoPlace(tmp, sha256);
            committed = true;
          }
          return { sha256, byteSize };
        },
        async discard() {
          if (!committed) await rm(tmp, { force: true });
        },
      };
      return staged;
    },

    async stat(sha256) {
      try {
        const s = await stat(pathOf(sha256));
        return { byteSize: s.size };
      } catch {
        return null;
      }
    },

    read(sha256, range?: ByteRange) {
      return createReadStream(pathOf(sha256), range ? { start: range.start, end: range.end } : {});
    },

    async sweepTemporary(olderThan) {
      const tmpDir = join(root, 'tmp');
      const names = await readdir(tmpDir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [] as string[];
        throw error;
      });
      let removed = 0;
      for (const name of names) {
        const path = join(tmpDir, name);
        const s = await stat(path).catch(() => null);
        if (!s || s.mtimeMs >= olderThan.getTime()) continue;
        await rm(path, { force: true, recursive: true });
        removed += 1;
      }
      return removed;
    },

    async ping() {
      // The directory is made on first use; one that cannot be made or written fails here.
      await mkdir(root, { recursive: true });
      await access(root, constants.R_OK | constants.W_OK);
    },
  };
}
