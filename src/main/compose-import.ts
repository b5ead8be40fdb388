import type { Kysely } from 'kysely';
import { makeImportSource } from '../app/import/import-source.js';
import { makeImportSourceRepo, makeImportUnitOfWork } from '../adapters/db/import-source.repo.js';
import type { Database } from '../adapters/db/schema.js';
import { makeFileInspector } from '../adapters/files/file-inspector.js';
import { makeSharpImageProcessor } from '../adapters/files/sharp-image-processor.js';
import type { readImportSource } from '../adapters/import/read-source.js';
import type { Clock } from '../ports/clock.js';
import type { EventBus } from '../ports/events.js';
import type { FileStore } from '../ports/file-store.js';

/** Importers (scraped pages, feeds, WordPress): the source reader and the import command on this database. */
export function composeImport(parts: { db: Kysely<Database>; clock: Clock; events: EventBus; files: FileStore; allowedTypes?: readonly string[]; maxBytes?: number }) {
  return {
    // Loaded on first use: the parsers (turndown and its DOM, an XML parser) cost every start otherwise.
    read: (async (...args) => (await import('../adapters/import/read-source.js')).readImportSource(...args)) as typeof readImportSource,
    importSource: makeImportSource({
      uow: makeImportUnitOfWork(parts.db, parts.events),
      clock: parts.clock,
      files: parts.files,
      inspector: makeFileInspector(),
      images: makeSharpImageProcessor(),
      allowedTypes: parts.allowedTypes,
      maxBytes: parts.maxBytes,
    }),
    /** Where imported items came from (tests, reports). */
    sources: makeImportSourceRepo(parts.db),
  };
}
