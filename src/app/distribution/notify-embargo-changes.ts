import { embargoChange, plannedPublicAt } from '../../domain/embargo.js';
import { SYSTEM_SCHEDULER } from '../../ports/audit-log.js';
import type { BoardRepo } from '../../ports/board-repo.js';
import type { Clock } from '../../ports/clock.js';
import type { JournalistEmailTemplates } from '../../ports/email-templates.js';
import type { EmbargoSend, JournalistUnitOfWork } from '../../ports/journalists.js';
import type { EditionRepo } from '../../ports/edition-repo.js';
import type { ReleaseRepo } from '../../ports/release-repo.js';
import { outboxEmail, type OutboxPolicy } from './compose-email.js';

/**
 * notify-embargo-changes (a sender-loop step): compares what each journalist was told with the
 * release's state now, so any path that moves or lifts an embargo (schedule, unschedule, publish,
 * a changed embargo) is noticed without the workflow commands knowing. The notice email and the
 * new "told" time are written in one transaction: a crash mails nobody twice and loses nothing.
 * A record is settled once its release is public (or withdrawn). Returns the notices written.
 */
export function makeNotifyEmbargoChanges(deps: { uow: JournalistUnitOfWork; releases: Pick<ReleaseRepo, 'getRelease'>; editions: Pick<EditionRepo, 'getEdition' | 'latestEdition'>; boards: BoardRepo; templates: JournalistEmailTemplates; outbox: OutboxPolicy; clock: Clock }) {
  async function load(releaseId: number) {
    const release = await deps.releases.getRelease(releaseId);
    if (!release) return null;
    const edition = release.status === 'unpublished' ? await deps.editions.latestEdition(releaseId) : release.liveEditionId !== null ? await deps.editions.getEdition(release.liveEditionId) : null;
    const board = await deps.boards.byId(release.boardId);
    // Once public, the notice links the public page (a journalist's preview link leads there too).
    const publicUrl = board && release.number !== null ? deps.outbox.links.release(release.language, board.slug, release.number) : null;
    return { release, edition, publicUrl, planned: plannedPublicAt(release, edition) };
  }
  type State = Awaited<ReturnType<typeof load>>;

  /** Tells one journalist what changed, if anything; true when a notice was written. */
  async function notifyOne(send: EmbargoSend, state: State, now: Date): Promise<boolean> {
    const change = state ? embargoChange(send.announcedPublicAt, now, state.release, state.planned) : null;
    const isPublic = !state || state.release.status === 'withdrawn' || (state.release.status === 'published' && state.release.publicAt !== null && state.release.publicAt <= now);
    if (!change) {
      if (isPublic) await deps.uow.run((tx) => tx.sends.settle(send.id));
      return false;
    }
    const content = deps.templates.embargoNotice({ language: send.language, title: state?.edition?.title ?? '', change, publicUrl: change.kind === 'lifted' ? (state?.publicUrl ?? null) : null });
    const told = change.kind === 'moved' ? change.to : change.kind === 'lifted' ? change.at : null;
    return deps.uow
      .run(async (tx) => {
        // Compare-and-set first: another process that already told this journalist wins, and this
        // transaction (with no outbox row yet) is rolled back.
        if (!(await tx.sends.announce(send.id, send.announcedPublicAt, told))) throw new AlreadyNotified();
        const outboxId = await tx.outbox.add(outboxEmail(deps.outbox, { kind: 'embargo_notice', to: send.email, content, subscriptionId: null, at: now }));
        if (isPublic) await tx.sends.settle(send.id);
        await tx.audit.record({ at: now, actor: SYSTEM_SCHEDULER, action: 'release.embargo_notice_queued', subjectType: 'release', subjectId: String(send.releaseId), details: { sendId: send.id, change: change.kind, outboxId } });
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof AlreadyNotified) return false;
        throw error;
      });
  }

  return async function notifyEmbargoChanges(batch = 200): Promise<number> {
    const now = deps.clock.now();
    const states = new Map<number, State>();
    let notices = 0;
    // Every unsettled record, a batch at a time (records of releases still far off never starve later ones).
    for (let afterId = 0; ; ) {
      const sends = await deps.uow.run((tx) => tx.sends.unsettled(afterId, batch));
      if (sends.length === 0) return notices;
      afterId = sends.at(-1)!.id;
      for (const send of sends) {
        if (!states.has(send.releaseId)) states.set(send.releaseId, await load(send.releaseId));
        if (await notifyOne(send, states.get(send.releaseId) ?? null, now)) notices += 1;
      }
    }
  };
}
export type NotifyEmbargoChanges = ReturnType<typeof makeNotifyEmbargoChanges>;

class AlreadyNotified extends Error {}
