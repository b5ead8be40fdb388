import type { Readable } from 'node:stream';

export interface StoredFile {
  sha256: string;
  byteSize: number;
}

export interface ByteRange {
  start: number;
  /** Inclusive, as in HTTP Range headers. */
  end: number;
}

/** Content-addressed storage for attachment bytes, outside any web root. */
export interface FileStore {
  /** Stores the bytes (streamed, never held whole) and returns their SHA-256 address. */
  put(source: Readable | Uint8Array): Promise<StoredFile>;
  /** Size of a stored file, or null when absent. */
  stat(sha256: string): Promise<{ byteSize: number } | null>;
  /** A stream of the file's bytes, or of one inclusive byte range of them. */
  read(sha256: string, range?: ByteRange): Readable;
}
