import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '../../domain/errors.js';
import type { ArchiveReader, ArchiveWriter, LineReader, LineWriter } from '../../ports/transfer.js';

const MANIFEST = 'manifest.json';
const FILES = 'files';
const SHA256 = /^[0-9a-f]{64}$/;

/** Characters gathered before a write to disk. */
const WRITE_CHUNK = 1 << 20;

/** Writes one chunk, waiting for the stream to drain when its buffer is full (memory stays flat). */
function writeChunk(out: WriteStream, chunk: Buffer): Promise<void> {
  if (out.write(chunk)) return Promise.resolve();
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
      // Lines are gathered into ~1 MB writes: one write per line cost more than the rest of the export.
      let pending: string[] = [];
      let pendingChars = 0;
      const flush = async () => {
        if (pending.length === 0) return;
        const chunk = Buffer.from(pending.join(''));
        pending = [];
        pendingChars = 0;
        hash.update(chunk);
        bytes += chunk.length;
        await writeChunk(out, chunk);
      };
      return {
        async write(line) {
          pending.push(line, '\n');
          pendingChars += line.length + 1;
          if (pendingChars >= WRITE_CHUNK) await flush();
        },
        async close() {
          await flush();
          return new Promise((resolve, reject) => {
            out.once('error', reject);
            out.end(() => resolve({ sha256: hash.digest('hex'), bytes }));
          });
        },
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

const NEWLINE = 0x0a;

/**
 * The lines of a file (without their `\n`, and a trailing `\r` dropped), read in 256 KiB chunks
 * pulled one at a time, so a slow consumer holds back the reading (back-pressure) and memory holds
 * one chunk plus one partial line. Each chunk goes to `onChunk` first (the digest). Cheaper than
 * node:readline, which decodes the whole stream into strings and splits them with a RegExp.
 */
async function* readLines(path: string, onChunk: (chunk: Buffer) => void): AsyncGenerator<string> {
  const text = (bytes: Buffer) => bytes.toString('utf8', 0, bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length);
  // The start of a line that continues into the next chunk (several chunks for a very long line).
  let partial: Buffer[] = [];
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    onChunk(chunk);
    let start = 0;
    let end = chunk.indexOf(NEWLINE);
    if (end !== -1 && partial.length > 0) {
      yield text(Buffer.concat([...partial, chunk.subarray(0, end)]));
      partial = [];
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    for (; end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      yield text(chunk.subarray(start, end));
      start = end + 1;
    }
    if (start < chunk.length) partial.push(chunk.subarray(start));
  }
  if (partial.length > 0) yield text(Buffer.concat(partial));
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
      const hash = createHash('sha256');
      let digest: string | null = null;
      return {
        lines: readLines(path, (chunk) => hash.update(chunk)),
        digest: () => (digest ??= hash.digest('hex')),
      };
    },

    async fileNames() {
      const path = join(dir, FILES);
      if (!existsSync(path)) return [];
      return (await readdir(path)).sort();
    },

    openFile(name, range) {
      if (!SHA256.test(name)) throw new Error(`Not a SHA-256 address: ${name}`);
      return createReadStream(join(dir, FILES, name), range ? { start: range.start, end: range.end } : {});
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
