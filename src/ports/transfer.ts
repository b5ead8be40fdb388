import type { Readable } from 'node:stream';
import type { StreamName, StreamRecord } from '../app/transfer/export-format.js';

/** Rows of the content tables that make a database "not empty" for an import. */
export interface ContentCounts {
  boards: number;
  users: number;
  releases: number;
  audit_log: number;
  /** Distinct stored files the content refers to (not part of "empty"). */
  files: number;
}

/** Receives one stream's records inside the import transaction, a batch at a time. */
export interface ContentSink {
  insert<S extends StreamName>(stream: S, records: StreamRecord<S>[]): Promise<void>;
}

/** The whole content of a database, read and written for export and import. */
export interface ContentStore {
  counts(): Promise<ContentCounts>;
  /** One stream's records in a stable order (by id), in batches read by keyset pagination. */
  read<S extends StreamName>(stream: S, batchSize?: number): AsyncIterable<StreamRecord<S>[]>;
  /** Every stored file the content refers to (attachments and image copies), sorted, in batches. */
  fileAddresses(batchSize?: number): AsyncIterable<string[]>;
  /**
   * Runs `work` in one transaction: committed (then id sequences are moved past the highest id, and
   * every release is queued in the search outbox) when `commit` is true, rolled back otherwise, so a
   * dry run checks every constraint too.
   */
  load(work: (sink: ContentSink) => Promise<void>, options: { commit: boolean }): Promise<void>;
  /** Tells every running server that the content changed (drops page caches). */
  touch(): Promise<void>;
}

/** Lines written to one file of an export, hashed on the way. */
export interface LineWriter {
  write(line: string): Promise<void>;
  close(): Promise<{ sha256: string; bytes: number }>;
}

/** Lines read from one file of an export; `digest` is the SHA-256 of its bytes once all are read. */
export interface LineReader {
  lines: AsyncIterable<string>;
  digest(): string;
}

/** The export directory being written. */
export interface ArchiveWriter {
  /** Refuses a directory that exists and is not empty, so an export never mixes with other files. */
  prepare(): Promise<void>;
  openStream(file: string): LineWriter;
  /** Copies one stored file to `files/<sha256>`; returns its size. */
  putFile(sha256: string, source: Readable): Promise<number>;
  writeManifest(text: string): Promise<void>;
}

/** An export directory being read. */
export interface ArchiveReader {
  /** The manifest's text, or null when the directory has none. */
  readManifest(): Promise<string | null>;
  /** Null when the file is missing. */
  openStream(file: string): LineReader | null;
  /** Names in `files/` (the SHA-256 each file claims). */
  fileNames(): Promise<string[]>;
  /** One file of `files/`, or an inclusive byte range of it. */
  openFile(name: string, range?: { start: number; end: number }): Readable;
  /** The actual SHA-256 and size of one file in `files/`, read as a stream. */
  hashFile(name: string): Promise<{ sha256: string; bytes: number }>;
}
