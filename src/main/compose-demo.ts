import type { Kysely } from 'kysely';
import { makeAttachFile } from '../app/attach-file.js';
import { makeSeedDemo } from '../app/demo/seed-demo.js';
import { makeSetAuthoritative, makeSetTranslationNeeded } from '../app/translations/mark-translations.js';
import { makeCreateRelease } from '../app/workflow/create-release.js';
import { makePublishRelease } from '../app/workflow/publish-release.js';
import { makeScheduleRelease } from '../app/workflow/schedule-release.js';
import { makeApproveRelease, makeSubmitRelease } from '../app/workflow/simple-transitions.js';
import { makeAuditLog } from '../adapters/db/audit-log.js';
import { makeBoardRepo } from '../adapters/db/board.repo.js';
import type { Database } from '../adapters/db/schema.js';
import { inTransaction, makeUnitOfWork } from '../adapters/db/unit-of-work.js';
import type { Clock } from '../ports/clock.js';
import type { DemoAssets } from '../ports/demo-assets.js';
import type { EventBus } from '../ports/events.js';
import type { FileInspector } from '../ports/file-inspector.js';
import type { FileStore } from '../ports/file-store.js';
import type { ImageProcessor } from '../ports/image-processor.js';
import { composeAccounts, type AccountsOptions } from './compose-accounts.js';

export interface SeedDemoWiring {
  db: Kysely<Database>;
  clock: Clock;
  events: EventBus;
  files: FileStore;
  inspector: FileInspector;
  images: ImageProcessor;
  assets: DemoAssets;
  allowedTypes: readonly string[];
  maxBytes?: number;
  requireTotp: boolean;
  passwordHashing?: AccountsOptions['passwordHashing'];
}

/**
 * The demo seed with every command bound to one transaction: the boards, releases, files' records
 * and staff accounts commit together or not at all. Events (search indexing, cache) are held until
 * the commit and then published, so nothing indexes a release that may still roll back.
 */
export function composeSeedDemo(w: SeedDemoWiring) {
  return makeSeedDemo(async (work) => {
    // One transaction for everything; its events are published once it commits.
    return inTransaction(w.db, w.events, async (trx) => {
      const uow = makeUnitOfWork(trx, w.events);
      const deps = { uow, clock: w.clock };
      return work({
        boards: makeBoardRepo(trx),
        clock: w.clock,
        assets: w.assets,
        createRelease: makeCreateRelease(deps),
        attachFile: makeAttachFile({ uow, clock: w.clock, files: w.files, inspector: w.inspector, images: w.images, allowedTypes: w.allowedTypes, maxBytes: w.maxBytes }),
        submitRelease: makeSubmitRelease(deps),
        approveRelease: makeApproveRelease(deps),
        publishRelease: makePublishRelease({ uow, clock: w.clock }),
        scheduleRelease: makeScheduleRelease(deps),
        translations: { setAuthoritative: makeSetAuthoritative(deps), setTranslationNeeded: makeSetTranslationNeeded(deps) },
        createUser: composeAccounts({ db: trx, clock: w.clock, audit: makeAuditLog(trx), requireTotp: w.requireTotp, passwordHashing: w.passwordHashing }).createUser,
      });
    });
  });
}
