import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EventBus } from '../../ports/events.js';
import type { ImportSourceRepo, ImportUnitOfWork } from '../../ports/import-sources.js';
import { makeAuditLog } from './audit-log.js';
import { makeBoardRepo } from './board.repo.js';
import type { Database } from './schema.js';
import { makeSessionRepo } from './session.repo.js';
import { inTransaction, txRepos } from './unit-of-work.js';
import { makeUserRepo } from './user.repo.js';

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
export function makeImportUnitOfWork(db: Kysely<Database>, bus: EventBus): ImportUnitOfWork {
  return {
    run: (work) => inTransaction(db, bus, (trx, events) => work({ ...txRepos(trx, events), importSources: makeImportSourceRepo(trx) })),
    read: {
      importSources: makeImportSourceRepo(db),
      boardExists: async (slug) => (await makeBoardRepo(db).bySlug(slug)) !== null,
    },
    accounts: {
      run: (work) => db.transaction().execute((trx) => work({ users: makeUserRepo(trx), sessions: makeSessionRepo(trx), audit: makeAuditLog(trx) })),
    },
  };
}
