import type { Kysely } from 'kysely';
import { makeJournalistLists } from '../app/distribution/journalist-lists.js';
import { makeNotifyEmbargoChanges } from '../app/distribution/notify-embargo-changes.js';
import { embargoedRelease, makeSendEmbargoed } from '../app/distribution/send-embargoed.js';
import type { OutboxPolicy } from '../app/distribution/compose-email.js';
import type { PreviewLinks } from '../app/workflow/preview-links.js';
import { makeEmbargoSendRepo, makeJournalistUnitOfWork } from '../adapters/db/journalist.repo.js';
import type { Database } from '../adapters/db/schema.js';
import type { BoardRepo } from '../ports/board-repo.js';
import type { Clock } from '../ports/clock.js';
import type { EditionRepo } from '../ports/edition-repo.js';
import type { ReleaseRepo } from '../ports/release-repo.js';
import { makeJournalistEmailTemplates } from '../web/email/journalist-templates.js';

/** Builds embargoed distribution to journalists (#14): lists, sends, and notices of moved embargoes. */
export function composeJournalists(deps: { db: Kysely<Database>; clock: Clock; boards: BoardRepo; releases: ReleaseRepo; editions: EditionRepo; previewLinks: PreviewLinks; outbox: OutboxPolicy; baseUrl?: string; siteName?: string; timeZone: string }) {
  const uow = makeJournalistUnitOfWork(deps.db);
  const templates = makeJournalistEmailTemplates({ siteName: deps.siteName ?? 'Pressroom', timeZone: deps.timeZone });
  const base = (deps.baseUrl ?? 'http://localhost:3000').replace(/\/$/, '');
  return {
    lists: makeJournalistLists({ uow, clock: deps.clock }),
    send: makeSendEmbargoed({ uow, releases: deps.releases, editions: deps.editions, boards: deps.boards, previewLinks: deps.previewLinks, templates, outbox: deps.outbox, previewUrl: (token) => `${base}/preview/${token}`, clock: deps.clock }),
    /** The release as it would be sent now, or why it cannot be (for the send form). */
    target: (releaseId: number) => embargoedRelease(deps, releaseId, deps.clock.now()),
    sendsOf: (releaseId: number) => makeEmbargoSendRepo(deps.db).listFor(releaseId),
    /** A sender-loop step: notices for moved or lifted embargoes, written to the outbox. */
    notifyEmbargoChanges: makeNotifyEmbargoChanges({ uow, releases: deps.releases, editions: deps.editions, boards: deps.boards, templates, outbox: deps.outbox, clock: deps.clock }),
  };
}
export type Journalists = ReturnType<typeof composeJournalists>;
