import { createReadStream } from 'node:fs';
import { access, constants, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StorageUnavailableError } from '../../domain/errors.js';
import type { ByteRange, FileStore, StoredFile } from '../../ports/file-store.js';
import { storageFailure } from '../storage-failure.js';
import { makeTemporaryArea } from './temporary-area.js';

const SHA256 = /^[0-9a-f]{64}$/;
const PART = /^[0-9a-f]{2}$/;

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
  const temporary = makeTemporaryArea(join(root, 'tmp'), writing);

  const pathOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error('Not a SHA-256 address');
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  async function moveIntoPlace(tmp: string, sha256: string): Promise<void> {
    const target = pathOf(sha256);
    await writing(async () => {
      await mkdir(join(target, '..'), { recursive: true });
      await rename(tmp, target);
    });
  }

  /** Entries of a directory, or none when it does not exist. */
  const entries = (dir: string) =>
    readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });

  return {
    async put(source) {
      const { tmp, sha256, byteSize } = await temporary.write(source);
      try {
        await moveIntoPlace(tmp, sha256);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
      return { sha256, byteSize } satisfies StoredFile;
    },

    async stage(source) {
      const file = await temporary.write(source);
      return temporary.staged(file, (tmp) => moveIntoPlace(tmp, file.sha256));
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

    async *list() {
      for (const a of (await entries(root)).filter((n) => PART.test(n)).sort()) {
        for (const b of (await entries(join(root, a))).filter((n) => PART.test(n)).sort()) {
          for (const name of (await entries(join(root, a, b))).sort()) {
            if (!SHA256.test(name) || !name.startsWith(a + b)) continue;
            const s = await stat(join(root, a, b, name)).catch(() => null);
            if (s?.isFile()) yield { sha256: name, byteSize: s.size };
          }
        }
      }
    },

    sweepTemporary: (olderThan) => temporary.sweep(olderThan),
    async ping() {
      // The directory is made on first use; one that cannot be made or written fails here.
      await mkdir(root, { recursive: true });
      await access(root, constants.R_OK | constants.W_OK);
    },
  };
}
