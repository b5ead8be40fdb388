import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ByteRange, StagedFile, StoredFile } from '../../ports/file-store.js';
import { hashingMeter } from './hashing-meter.js';

/** Runs a write, turning the store's own storage failures into StorageUnavailableError. */
export type Writing = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * The local temporary area every file store stages uploads in (PRESSROOM_DATA/files/tmp): a source
 * is streamed to a fresh file, hashed and counted on the way, and never held whole in memory.
 */
export function makeTemporaryArea(dir: string, writing: Writing) {
  /** Writes the source to a fresh temporary file; a failing source leaves nothing behind. */
  async function write(source: Readable | Uint8Array): Promise<StoredFile & { tmp: string }> {
    await writing(() => mkdir(dir, { recursive: true }));
    const tmp = join(dir, randomUUID());
    const meter = hashingMeter();
    const input = source instanceof Uint8Array ? Readable.from([Buffer.from(source)]) : source;
    const out = createWriteStream(tmp, { flags: 'wx' });
    try {
      await writing(() => pipeline(input, meter.stream, out));
      return { ...meter.result(), tmp };
    } catch (error) {
      // A source failing early can reject the pipeline while the file is still being opened: removing
      // it before the open completes would leave it behind (and its descriptor open until then).
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await rm(tmp, { force: true });
      throw error;
    }
  }

  /** A staged upload whose commit is `store(tmp)` (which moves or copies the bytes to their address). */
  function staged(file: StoredFile & { tmp: string }, store: (tmp: string) => Promise<void>): StagedFile {
    const { tmp, sha256, byteSize } = file;
    let committed = false;
    return {
      sha256,
      byteSize,
      read: (range?: ByteRange) => createReadStream(tmp, range ? { start: range.start, end: range.end } : {}),
      async commit() {
        if (!committed) {
          await store(tmp);
          committed = true;
        }
        return { sha256, byteSize };
      },
      async discard() {
        if (!committed) await rm(tmp, { force: true });
      },
    };
  }

  /** Removes temporary files last written before `olderThan`; returns how many. */
  async function sweep(olderThan: Date): Promise<number> {
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    let removed = 0;
    for (const name of names) {
      const path = join(dir, name);
      const s = await stat(path).catch(() => null);
      if (!s || s.mtimeMs >= olderThan.getTime()) continue;
      await rm(path, { force: true, recursive: true });
      removed += 1;
    }
    return removed;
  }

  return { write, staged, sweep };
}
