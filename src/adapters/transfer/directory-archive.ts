import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '../../domain/errors.js';
import type { ArchiveReader, ArchiveWriter, LineReader, LineWriter } from '../../ports/transfer.js';

const MANIFEST = 'manifest.json';
const FILES = 'files';
const SHA256 = /^[0-9a-f]{64}$/;

/** Writes one line, waiting for the stream to drain when its buffer is full (memory stays flat). */
function writeLine(out: WriteStream, text: string): Promise<void> {
  if (out.write(text)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    out.once('error', onError);
    out.once('drain', () => {
      out.off('error', onError);
      resolve();
    });
  });
}

/** An export directory on local disk: `manifest.json`, NDJSON streams and `files/<sha256>`. */
export function makeDirectoryArchiveWriter(dir: string): ArchiveWriter {
  return {
    async prepare() {
      if (existsSync(dir) && (await readdir(dir)).length > 0) {
        throw new ValidationError(`${dir} is not empty: export into a new or empty directory.`);
      }
      await mkdir(join(dir, FILES), { recursive: true });
    },

    openStream(file): LineWriter {
      const out = createWriteStream(join(dir, file), { flags: 'wx' });
      const hash = createHash('sha256');
      let bytes = 0;
      return {
        async write(line) {
          const text = `${line}\n`;
          hash.update(text);
          bytes += Buffer.byteLength(text);
          await writeLine(out, text);
        },
        close: () =>
          new Promise((resolve, reject) => {
            out.once('error', reject);
            out.end(() => resolve({ sha256: hash.digest('hex'), bytes }));
          }),
      };
    },

    async putFile(sha256, source) {
      if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256 address: ${sha256}`);
      const target = join(dir, FILES, sha256);
      const tmp = `${target}.part`;
      let bytes = 0;
      source.on('data', (chunk: Buffer) => (bytes += chunk.length));
      await pipeline(source, createWriteStream(tmp, { flags: 'wx' }));
      await rename(tmp, target);
      return bytes;
    },

    async writeManifest(text) {
      // Written last: a directory with a manifest is a complete export.
      await writeFile(join(dir, `${MANIFEST}.part`), text);
      await rename(join(dir, `${MANIFEST}.part`), join(dir, MANIFEST));
    },
  };
}

export function makeDirectoryArchiveReader(dir: string): ArchiveReader {
  return {
    async readManifest() {
      try {
        return await readFile(join(dir, MANIFEST), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },

    openStream(file): LineReader | null {
      const path = join(dir, file);
      if (!existsSync(path)) return null;
      const input = createReadStream(path);
      const hash = createHash('sha256');
      input.on('data', (chunk) => hash.update(chunk));
      let digest: string | null = null;
      return {
        lines: createInterface({ input, crlfDelay: Infinity }),
        digest: () => (digest ??= hash.digest('hex')),
      };
    },

    async fileNames() {
      const path = join(dir, FILES);
      if (!existsSync(path)) return [];
      return (await readdir(path)).sort();
    },

    openFile(name) {
      if (!SHA256.test(name)) throw new Error(`Not a SHA-256 address: ${name}`);
      return createReadStream(join(dir, FILES, name));
    },

    async hashFile(name) {
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of this.openFile(name) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        bytes += chunk.length;
      }
      return { sha256: hash.digest('hex'), bytes };
    },
  };
}
