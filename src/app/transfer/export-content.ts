import { InvalidStateError } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { FileStore } from '../../ports/file-store.js';
import type { ArchiveWriter, ContentStore } from '../../ports/transfer.js';
import { EXPORT_FORMAT, EXPORT_VERSION, STREAM_NAMES, STREAMS, streamFile, type Manifest, type StreamName } from './export-format.js';

/** Reports progress of one stage: called with (done, total). */
export type ProgressFactory = (label: string) => (done: number, total: number) => void;
const noProgress: ProgressFactory = () => () => undefined;

/**
 * Every record of one stream as the lines of its NDJSON file: validated against the format (an
 * export never holds what an import would refuse) and serialised with the format's key order, so
 * the same content always gives the same bytes.
 */
export async function forEachLine(content: ContentStore, stream: StreamName, write: (line: string) => Promise<void> | void): Promise<number> {
  const schema = STREAMS[stream];
  let count = 0;
  for await (const batch of content.read(stream)) {
    for (const record of batch) {
      await write(JSON.stringify(schema.parse(record)));
      count += 1;
    }
  }
  return count;
}

export interface ExportDeps {
  content: ContentStore;
  files: FileStore;
  clock: Clock;
  /** Names the software in the manifest, e.g. "pressroom 0.1.0". */
  generator: string;
  progress?: ProgressFactory;
}

/**
 * `pressroom export DIR`: streams every content table to NDJSON (batches read by keyset, lines written
 * with back-pressure, so memory stays flat) and copies every stored file the content refers to.
 * The manifest is written last; a directory without one is an unfinished export.
 */
export function makeExportContent(deps: ExportDeps) {
  const progress = deps.progress ?? noProgress;
  return async function exportContent(archive: ArchiveWriter): Promise<Manifest> {
    await archive.prepare();
    const counts = await deps.content.counts();
    const streams = {} as Manifest['streams'];
    for (const stream of STREAM_NAMES) {
      const file = streamFile(stream);
      const out = archive.openStream(file);
      const total = stream === 'releases' ? counts.releases : stream === 'audit_log' ? counts.audit_log : 0;
      const report = total > 0 ? progress(`Exporting ${stream}`) : null;
      let done = 0;
      const count = await forEachLine(deps.content, stream, async (line) => {
        await out.write(line);
        done += 1;
        if (report && (done % 500 === 0 || done === total)) report(Math.min(done, total), total);
      });
      const { sha256 } = await out.close();
      streams[stream] = { file, count, sha256 };
    }

    const missing: string[] = [];
    let fileCount = 0;
    let fileBytes = 0;
    const report = counts.files > 0 ? progress('Copying files') : null;
    for await (const batch of deps.content.fileAddresses()) {
      for (const sha256 of batch) {
        if (!(await deps.files.stat(sha256))) {
          missing.push(sha256);
          continue;
        }
        fileBytes += await archive.putFile(sha256, deps.files.read(sha256));
        fileCount += 1;
        report?.(fileCount + missing.length, Math.max(counts.files, fileCount + missing.length));
      }
    }
    if (missing.length > 0) {
      throw new InvalidStateError(
        `${missing.length} stored file(s) the content refers to are missing from the file store, so the export would be incomplete: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}. Restore them into PRESSROOM_DATA/files and export again.`,
      );
    }

    const manifest: Manifest = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      created_at: deps.clock.now().toISOString(),
      generator: deps.generator,
      streams,
      files: { count: fileCount, bytes: fileBytes },
    };
    await archive.writeManifest(`${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  };
}
