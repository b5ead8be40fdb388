import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import type { Kysely } from 'kysely';
import { makeExportContent, type ProgressFactory } from '../app/transfer/export-content.js';
import { makeAttachmentCheck } from '../app/transfer/check-attachments.js';
import { makeImportContent } from '../app/transfer/import-content.js';
import type { SearchIndexing } from '../app/search-indexing.js';
import type { Database } from '../adapters/db/schema.js';
import { makeDbContentStore } from '../adapters/transfer/db-content-store.js';
import { makeDirectoryArchiveReader, makeDirectoryArchiveWriter } from '../adapters/transfer/directory-archive.js';
import type { Clock } from '../ports/clock.js';
import type { FileInspector } from '../ports/file-inspector.js';
import type { FileStore } from '../ports/file-store.js';

function generator(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return `pressroom ${pkg.version ?? 'unknown'}`;
  } catch {
    return 'pressroom';
  }
}

/**
 * An export or import allocates gigabytes while its live data stays at one batch (~25 MB), and V8
 * lets old space grow to about four times the live size before a full collection when collections
 * look cheap: 90-130 MB of garbage at the peak, and a peak that grew with the run. Growing by at
 * most half keeps the process's memory flat (a few more 10-30 ms collections, no measurable
 * slowdown). Process-wide, so it is set only when a transfer runs (the CLI), never at start-up.
 */
function keepHeapSmall(): void {
  setFlagsFromString('--heap-growing-percent=50');
}

/** Export to and import from a Pressroom export directory (docs/export-format.md). */
export function composeTransfer(deps: { db: Kysely<Database>; files: FileStore; clock: Clock; search: Pick<SearchIndexing, 'finish'>; inspector: FileInspector; allowedTypes: readonly string[] }) {
  const content = makeDbContentStore(deps.db);
  const checkAttachments = makeAttachmentCheck({ inspector: deps.inspector, allowedTypes: deps.allowedTypes });
  const name = generator();
  return {
    content,
    exportTo(dir: string, progress?: ProgressFactory) {
      keepHeapSmall();
      return makeExportContent({ content, files: deps.files, clock: deps.clock, generator: name, progress })(makeDirectoryArchiveWriter(dir));
    },
    importFrom(dir: string, options: { dryRun: boolean; reindex?: boolean; progress?: ProgressFactory }) {
      keepHeapSmall();
      return makeImportContent({ content, files: deps.files, search: deps.search, progress: options.progress, checkAttachments })(makeDirectoryArchiveReader(dir), {
        dryRun: options.dryRun,
        reindex: options.reindex,
      });
    },
  };
}
export type Transfer = ReturnType<typeof composeTransfer>;
