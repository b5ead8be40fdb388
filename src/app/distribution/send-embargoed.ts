import { plannedPublicAt } from '../../domain/embargo.js';
import { InvalidStateError, NotFoundError } from '../../domain/errors.js';
import type { Board } from '../../domain/board.js';
import type { Edition, Release } from '../../domain/release.js';
import type { BoardRepo } from '../../ports/board-repo.js';
import type { Clock } from '../../ports/clock.js';
import type { JournalistEmailTemplates } from '../../ports/email-templates.js';
import type { JournalistUnitOfWork } from '../../ports/journalists.js';
import type { EditionRepo } from '../../ports/edition-repo.js';
import type { ReleaseRepo } from '../../ports/release-repo.js';
import type { StaffActor } from '../workflow/actor.js';
import type { PreviewLinks } from '../workflow/preview-links.js';
import { outboxEmail, type OutboxPolicy } from './compose-email.js';

export interface EmbargoedRelease {
  release: Release;
  edition: Edition;
  board: Board;
  /** The planned public time the journalists are told. */
  embargoUntil: Date;
}

export interface SendReport {
  sent: { name: string; email: string }[];
  alreadySent: { name: string; email: string }[];
  notAccredited: { name: string; email: string }[];
}

/** The release as journalists would get it now, or why it cannot be sent (not embargoed, public, withdrawn). */
export async function embargoedRelease(deps: { releases: Pick<ReleaseRepo, 'getRelease'>; editions: Pick<EditionRepo, 'getEdition' | 'latestEdition'>; boards: BoardRepo }, releaseId: number, now: Date): Promise<EmbargoedRelease> {
  const release = await deps.releases.getRelease(releaseId);
  if (!release) throw new NotFoundError(`No release ${releaseId}`);
  const edition = release.status === 'unpublished' ? await deps.editions.latestEdition(releaseId) : release.liveEditionId !== null ? await deps.editions.getEdition(release.liveEditionId) : null;
  const board = await deps.boards.byId(release.boardId);
  if (!edition || !board) throw new NotFoundError(`No release ${releaseId}`);
  const planned = plannedPublicAt(release, edition);
  const embargoed = edition.embargoUntil !== null && ['approved', 'scheduled', 'published'].includes(edition.state) && release.status !== 'withdrawn';
  if (!embargoed || !planned || planned <= now) {
    throw new InvalidStateError('Only a release under embargo can be sent to journalists', [{ code: 'not_embargoed', message: 'Approve or schedule the release with an embargo time in the future, then send it', field: 'lists' }]);
  }
  return { release, edition, board, embargoUntil: planned };
}

/**
 * send-embargoed: mails an embargoed release to the accredited journalists of the chosen lists,
 * each in their language with "Embargoed until …" and their own preview link (made by the
 * preview-link command, so it is logged and revocable). An address gets one email per edition
 * (a unique record, written with its outbox row in one transaction); non-accredited ones are
 * skipped and reported.
 */
export function makeSendEmbargoed(deps: {
  uow: JournalistUnitOfWork;
  releases: Pick<ReleaseRepo, 'getRelease'>; editions: Pick<EditionRepo, 'getEdition' | 'latestEdition'>;
  boards: BoardRepo;
  previewLinks: PreviewLinks;
  templates: JournalistEmailTemplates;
  outbox: OutboxPolicy;
  previewUrl: (token: string) => string;
  clock: Clock;
}) {
  return async function sendEmbargoed(releaseId: number, listIds: number[], actor: StaffActor): Promise<SendReport> {
    const now = deps.clock.now();
    const target = await embargoedRelease(deps, releaseId, now);
    if (listIds.length === 0) throw new InvalidStateError('Choose at least one list', [{ code: 'no_lists', message: 'Choose at least one journalist list', field: 'lists' }]);
    const report: SendReport = { sent: [], alreadySent: [], notAccredited: [] };
    const seen = new Set<string>();
    const members = await deps.uow.run(async (tx) => (await Promise.all(listIds.map((id) => tx.journalists.members(id)))).flat());
    for (const j of members) {
      if (seen.has(j.email)) continue;
      seen.add(j.email);
      const who = { name: j.name, email: j.email };
      if (!j.accredited) {
        report.notAccredited.push(who);
        continue;
      }
      if (await deps.uow.run((tx) => tx.sends.exists(j.email, releaseId, target.edition.id))) {
        report.alreadySent.push(who);
        continue;
      }
      const { link, token } = await deps.previewLinks.create(releaseId, `${j.name}${j.outlet ? ` (${j.outlet})` : ''} <${j.email}>`, actor);
      const item = { title: target.edition.title, subtitle: target.edition.subtitle, bodyText: target.edition.bodyMarkdown, department: target.edition.department, boardName: target.board.name };
      const content = deps.templates.embargoed({ language: j.language, item, embargoUntil: target.embargoUntil, previewUrl: deps.previewUrl(token), recipientName: j.name });
      const added = await deps.uow.run(async (tx) => {
        const outboxId = await tx.outbox.add(outboxEmail(deps.outbox, { kind: 'embargoed', to: j.email, content, subscriptionId: null, at: now }));
        const inserted = await tx.sends.add({ releaseId, editionId: target.edition.id, email: j.email, language: j.language, journalistName: j.name, previewLinkId: link.id, announcedPublicAt: target.embargoUntil, outboxId, createdBy: actor.userId, createdAt: now });
        if (!inserted) throw new DuplicateSend();
        await tx.audit.record({ at: now, actor, action: 'release.sent_embargoed', subjectType: 'release', subjectId: String(releaseId), details: { editionId: target.edition.id, journalistId: j.id, linkId: link.id, outboxId } });
        return true;
      }).catch((error: unknown) => {
        if (error instanceof DuplicateSend) return false;
        throw error;
      });
      if (added) report.sent.push(who);
      else {
        // Another send won the race for this address: its link is not needed.
        await deps.previewLinks.revoke(link.id, actor);
        report.alreadySent.push(who);
      }
    }
    return report;
  };
}
export type SendEmbargoed = ReturnType<typeof makeSendEmbargoed>;

class DuplicateSend extends Error {}
