import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ImportSourceRepo, ImportUnitOfWork } from '../../ports/import-sources.js';
import { makeAuditLog } from './audit-log.js';
import { makeBoardRepo } from './board.repo.js';
import { makeJobQueue } from './job-queue.js';
import { makePreviewLinkRepo } from './preview-link.repo.js';
import { makeReleaseRepo } from './release.repo.js';
import type { Database } from './schema.js';
import { makeSessionRepo } from './session.repo.js';
import { makeTranslationRepo } from './translation.repo.js';
import { makeUserRepo } from './user.repo.js';
import { makeSearchOutbox } from './search-outbox.js';
import { makeAttachmentTexts } from './attachment-texts.js';

const keyHash = (sourceKey: string) => createHash('sha256').update(sourceKey).digest('hex');

/** The import_sources table: one row per imported source item, unique by its key. */
export function makeImportSourceRepo(db: Kysely<Database>): ImportSourceRepo {
  return {
    async find(sourceKey) {
      const row = await db.selectFrom('import_sources').selectAll().where('key_hash', '=', keyHash(sourceKey)).executeTakeFirst();
      if (!row) return null;
      return {
        sourceKey: row.source_key,
        sourceKind: row.source_kind,
        contentHash: row.content_hash,
        releaseId: row.release_id,
        importedAt: new Date(Number(row.imported_at)),
        details: JSON.parse(row.details) as Record<string, unknown>,
      };
    },
    async record(source) {
      await db
        .insertInto('import_sources')
        .values({
          key_hash: keyHash(source.sourceKey),
          source_key: source.sourceKey,
          source_kind: source.sourceKind,
          content_hash: source.contentHash,
          release_id: source.releaseId,
          imported_at: source.importedAt.getTime(),
          details: JSON.stringify(source.details),
        })
        .execute();
    },
  };
}

/** Import transactions: every repository of a write transaction, plus the import record, on one connection. */
export function makeImportUnitOfWork(db: Kysely<Database>): ImportUnitOfWork {
  return {
    run: (work) =>
      db.transaction().execute((trx) =>
        work({
          boards: makeBoardRepo(trx),
          releases: makeReleaseRepo(trx),
          audit: makeAuditLog(trx),
          jobs: makeJobQueue(trx),
          previewLinks: makePreviewLinkRepo(trx),
          translations: makeTranslationRepo(trx),
          searchOutbox: makeSearchOutbox(trx),
        attachmentTexts: makeAttachmentTexts(trx),
          importSources: makeImportSourceRepo(trx),
        }),
      ),
    read: {
      importSources: makeImportSourceRepo(db),
      boardExists: async (slug) => (await makeBoardRepo(db).bySlug(slug)) !== null,
    },
    accounts: {
      run: (work) => db.transaction().execute((trx) => work({ users: makeUserRepo(trx), sessions: makeSessionRepo(trx), audit: makeAuditLog(trx) })),
    },
  };
}
