import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { StorageUnavailableError } from '../domain/errors.js';
import type { Actor, AuditLog } from '../ports/audit-log.js';
import type { Clock } from '../ports/clock.js';
import type { FileStore, StoredFile } from '../ports/file-store.js';

export interface MigrateFilesDeps {
  /** Where the files are now (the local store). */
  source: FileStore;
  /** Where they go (the configured bucket). */
  target: FileStore;
  audit: AuditLog;
  clock: Clock;
}

export interface MigrateFilesReport {
  total: number;
  /** Copied now (absent from the target, or a different size there). */
  copied: number;
  /** Already in the target with the same size and SHA-256: left alone. */
  present: number;
  /** In the target with the right size but the wrong bytes: copied again. */
  repaired: number;
  bytes: number;
  /** Files that could not be copied, with why; the run goes on with the others. */
  failed: { sha256: string; reason: string }[];
}

/** The SHA-256 of a stream's bytes. */
async function hashOf(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * `pressroom files migrate`: copies every stored file from one store to another, verifying each
 * copy by reading it back and hashing it. Resumable: a file already in the target with the same size
 * is hashed there and left alone when it matches (copied again when it does not), so a run that was
 * stopped is simply run again. An unusable target (endpoint down, access denied) stops the run with
 * a StorageUnavailableError; a single file that cannot be copied is reported and the rest go on.
 */
export function makeMigrateFiles(deps: MigrateFilesDeps) {
  /** Streams one file into the target through its temporary area, refusing a source whose bytes are not its address. */
  async function copy(file: StoredFile): Promise<void> {
    const staged = await deps.target.stage(deps.source.read(file.sha256));
    if (staged.sha256 !== file.sha256) {
      await staged.discard();
      throw new Error(`the local copy is damaged: its bytes hash to ${staged.sha256}; restore it from a backup`);
    }
    await staged.commit();
    const copied = await hashOf(deps.target.read(file.sha256));
    if (copied !== file.sha256) throw new Error(`the copy in the target hashes to ${copied}; run the command again`);
  }

  return async function migrateFiles(actor: Actor, progress?: (done: number, total: number) => void): Promise<MigrateFilesReport> {
    const files: StoredFile[] = [];
    for await (const file of deps.source.list()) files.push(file);
    const report: MigrateFilesReport = { total: files.length, copied: 0, present: 0, repaired: 0, bytes: 0, failed: [] };
    progress?.(0, files.length);
    try {
      for (const [index, file] of files.entries()) {
        try {
          const there = await deps.target.stat(file.sha256);
          if (there?.byteSize === file.byteSize && (await hashOf(deps.target.read(file.sha256))) === file.sha256) report.present += 1;
          else {
            await copy(file);
            if (there?.byteSize === file.byteSize) report.repaired += 1;
            else report.copied += 1;
            report.bytes += file.byteSize;
          }
        } catch (error) {
          if (error instanceof StorageUnavailableError) throw error;
          report.failed.push({ sha256: file.sha256, reason: error instanceof Error ? error.message : String(error) });
        }
        progress?.(index + 1, files.length);
      }
    } finally {
      const { failed, ...counts } = report;
      await deps.audit.record({ at: deps.clock.now(), actor, action: 'files.migrated', subjectType: 'file_store', subjectId: null, details: { ...counts, failed: failed.length } });
    }
    return report;
  };
}
