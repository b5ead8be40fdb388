import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ByteRange, FileStore, StoredFile } from '../../ports/file-store.js';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Stores files on local disk under their SHA-256 (root/ab/cd/abcd...), outside any web root.
 * Writes go to a temporary file that is renamed into place, so a half-written file is never served.
 */
export function makeLocalFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error('Not a SHA-256 address');
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  return {
    async put(source) {
      const tmpDir = join(root, 'tmp');
      await mkdir(tmpDir, { recursive: true });
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
      try {
        await pipeline(input, meter, createWriteStream(tmp, { flags: 'wx' }));
        const sha256 = hash.digest('hex');
        const target = pathOf(sha256);
        await mkdir(join(target, '..'), { recursive: true });
        await rename(tmp, target);
        return { sha256, byteSize } satisfies StoredFile;
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
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
  };
}
