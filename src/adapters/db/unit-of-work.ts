import type { Kysely, Transaction } from 'kysely';
import type { DomainEvent, EventBus } from '../../ports/events.js';
import type { TxEvents, UnitOfWork } from '../../ports/unit-of-work.js';
import { makeAttachmentTexts } from './attachment-texts.js';
import { makeAuditLog } from './audit-log.js';
import { makeBoardRepo } from './board.repo.js';
import { makeJobQueue } from './job-queue.js';
import { makePreviewLinkRepo } from './preview-link.repo.js';
import { makeAttachmentRepo } from './attachment.repo.js';
import { makeEditionRepo } from './edition.repo.js';
import { makeReleaseRepo } from './release.repo.js';
import { bumpContentVersion, makeSiteStateRepo } from './site-state.repo.js';
import { makeDailyViewsWriter } from './readership.js';
import type { Database } from './schema.js';
import { makeSearchOutbox } from './search-outbox.js';
import { makeTranslationRepo } from './translation.repo.js';

interface Collector extends TxEvents {
  events: DomainEvent[];
  changed: boolean;
}

/** The collector of each open transaction, so work that joins it records into the same one. */
const collectors = new WeakMap<Kysely<Database>, Collector>();

function makeCollector(): Collector {
  const collector: Collector = {
    events: [],
    changed: false,
    record: (event) => void collector.events.push(event),
    contentChanged: () => void (collector.changed = true),
  };
  return collector;
}

/**
 * Runs work in one transaction with a collector of its events. When anything was recorded, the
 * content version moves inside the transaction; the events are published to `bus` after the commit.
 * Given a transaction this function started (the demo seed runs many commands as one), the work
 * joins it and records into its collector.
 */
export async function inTransaction<T>(db: Kysely<Database>, bus: EventBus, work: (trx: Kysely<Database>, events: TxEvents) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    const outer = collectors.get(db);
    if (!outer) throw new Error('A unit of work can only join a transaction started by inTransaction (its events would be lost)');
    return work(db, outer);
  }
  const collector = makeCollector();
  const result = await db.transaction().execute(async (trx: Transaction<Database>) => {
    collectors.set(trx, collector);
    const value = await work(trx, collector);
    if (collector.changed || collector.events.length > 0) await bumpContentVersion(trx);
    return value;
  });
  for (const event of collector.events) bus.publish(event);
  return result;
}

/** The repositories of a write transaction, bound to it. */
export function txRepos(trx: Kysely<Database>, events: TxEvents) {
  return {
    events,
    boards: makeBoardRepo(trx),
    releases: makeReleaseRepo(trx),
    editions: makeEditionRepo(trx),
    attachments: makeAttachmentRepo(trx),
    siteState: makeSiteStateRepo(trx),
    audit: makeAuditLog(trx),
    jobs: makeJobQueue(trx),
    previewLinks: makePreviewLinkRepo(trx),
    translations: makeTranslationRepo(trx),
    searchOutbox: makeSearchOutbox(trx),
    attachmentTexts: makeAttachmentTexts(trx),
    readership: makeDailyViewsWriter(trx),
  };
}

/** Runs work in one database transaction with repositories bound to it (see inTransaction). */
export function makeUnitOfWork(db: Kysely<Database>, bus: EventBus): UnitOfWork {
  return { run: (work) => inTransaction(db, bus, (trx, events) => work(txRepos(trx, events))) };
}
