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

/**
 * An upload written to the store's temporary area and not yet stored: it can be read (to inspect
 * or re-encode it) and is then either committed under its SHA-256 or discarded without a trace.
 */
export interface StagedFile extends StoredFile {
  read(range?: ByteRange): Readable;
  /** Moves the bytes to their content address; the staged file is gone afterwards. */
  commit(): Promise<StoredFile>;
  /** Removes the staged bytes; safe to call more than once, and after commit. */
  discard(): Promise<void>;
}

/** Content-addressed storage for attachment bytes, outside any web root. */
export interface FileStore {
  /** Stores the bytes (streamed, never held whole) and returns their SHA-256 address. */
  put(source: Readable | Uint8Array): Promise<StoredFile>;
  /**
   * Streams the bytes into the temporary area (never held whole), hashing them on the way. A
   * failing source (for instance a size limit tripping) leaves nothing behind.
   */
  stage(source: Readable | Uint8Array): Promise<StagedFile>;
  /** Size of a stored file, or null when absent. */
  stat(sha256: string): Promise<{ byteSize: number } | null>;
  /** A stream of the file's bytes, or of one inclusive byte range of them. */
  read(sha256: string, range?: ByteRange): Readable;
  /** Every stored file, in no particular order (for copying one store into another: `files migrate`). */
  list(): AsyncIterable<StoredFile>;
  /**
   * Removes temporary files last written before `olderThan` (left by a crash or an interrupted
   * upload); returns how many. Younger ones may belong to an upload or import still running.
   */
  sweepTemporary(olderThan: Date): Promise<number>;
  /** Resolves when the store can be reached and written (cheap: /readyz asks often); rejects with the reason otherwise. */
  ping(): Promise<void>;
}
