import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { makeAttachFile } from '../app/attach-file.js';
import { makeCreateRelease } from '../app/create-release.js';
import { makeSeedDemo } from '../app/demo/seed-demo.js';
import { makePublicPages } from '../app/public-pages.js';
import { makePublishRelease } from '../app/publish-release.js';
import { makeViewCounter } from '../app/view-counter.js';
import { systemClock } from '../adapters/clock/system-clock.js';
import { makeBoardRepo } from '../adapters/db/board.repo.js';
import { connectDatabase, migrateToLatest, type DatabaseTarget } from '../adapters/db/connect.js';
import { makePublicCatalog } from '../adapters/db/public-catalog.js';
import { makeReleaseRepo } from '../adapters/db/release.repo.js';
import type { Database } from '../adapters/db/schema.js';
import { makeUnitOfWork } from '../adapters/db/unit-of-work.js';
import { makeDemoAssets } from '../adapters/demo/demo-assets.js';
import { makeInMemoryEventBus } from '../adapters/events/in-memory-event-bus.js';
import { makeFileInspector } from '../adapters/files/file-inspector.js';
import { makeLocalFileStore } from '../adapters/files/local-file-store.js';
import type { Clock } from '../ports/clock.js';

export interface SystemOptions {
  database: DatabaseTarget;
  dataDir: string;
  clock?: Clock;
}

/**
 * The composition root shared by the web server, the CLI and tests: the only place adapters are
 * constructed and handed to the application's commands.
 */
export async function composeSystem(options: SystemOptions) {
  const db: Kysely<Database> = connectDatabase(options.database);
  await migrateToLatest(db);
  const clock = options.clock ?? systemClock;
  const events = makeInMemoryEventBus();
  const uow = makeUnitOfWork(db);
  const boards = makeBoardRepo(db);
  const releases = makeReleaseRepo(db);
  const catalog = makePublicCatalog(db);
  const files = makeLocalFileStore(join(options.dataDir, 'files'));
  const inspector = makeFileInspector();

  const createRelease = makeCreateRelease({ uow, clock });
  const attachFile = makeAttachFile({ uow, files, inspector });
  const publishRelease = makePublishRelease({ uow, clock, events });
  const seedDemo = makeSeedDemo({ boards, clock, assets: makeDemoAssets(), createRelease, attachFile, publishRelease });

  return {
    db,
    clock,
    events,
    boards,
    releases,
    catalog,
    files,
    commands: { createRelease, attachFile, publishRelease, seedDemo },
    pages: makePublicPages({ boards, catalog, clock }),
    views: makeViewCounter({ releases }),
    close: () => db.destroy(),
  };
}
export type System = Awaited<ReturnType<typeof composeSystem>>;
