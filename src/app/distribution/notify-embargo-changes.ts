import { embargoChange, plannedPublicAt } from '../../domain/embargo.js';
import { SYSTEM_SCHEDULER } from '../../ports/audit-log.js';
import type { Clock } from '../../ports/clock.js';
import type { JournalistEmailTemplates } from '../../ports/email-templates.js';
import type { JournalistUnitOfWork } from '../../ports/journalists.js';
import type { ReleaseRepo } from '../../ports/release-repo.js';
import { outboxEmail, type OutboxPolicy } from './compose-email.js';

/**
 * notify-embargo-changes (a sender-loop step): compares what each journalist was told with the
 * release's state now, so any path that moves or lifts an embargo (schedule, unschedule, publish,
 * a changed embargo) is noticed without the workflow commands knowing. The notice email and the
 * new "told" time are written in one transaction: a crash mails nobody twice and loses nothing.
 * A record is settled once its release is public (or withdrawn). Returns the notices written.
 */
export function makeNotifyEmbargoChanges(deps: { uow: JournalistUnitOfWork; releases: Pick<ReleaseRepo, 'getRelease' | 'getEdition' | 'latestEdition'>; templates: JournalistEmailTemplates; outbox: OutboxPolicy; clock: Clock }) {
  return async function notifyEmbargoChanges(limit = 200): Promise<number> {
    const now = deps.clock.now();
    const sends = await deps.uow.run((tx) => tx.sends.unsettled(limit));
    let notices = 0;
    const cache = new Map<number, Awaited<ReturnType<typeof load>>>();
    async function load(releaseId: number) {
      const release = await deps.releases.getRelease(releaseId);
      if (!release) return null;
      const edition = release.status === 'unpublished' ? await deps.releases.latestEdition(releaseId) : release.liveEditionId !== null ? await deps.releases.getEdition(release.liveEditionId) : null;
      return { release, edition, planned: plannedPublicAt(release, edition) };
    }
    for (const send of sends) {
      if (!cache.has(send.releaseId)) cache.set(send.releaseId, await load(send.releaseId));
      const state = cache.get(send.releaseId);
      const change = state ? embargoChange(send.announcedPublicAt, now, state.release, state.planned) : null;
      const isPublic = !state || state.release.status === 'withdrawn' || (state.release.status === 'published' && state.release.publicAt !== null && state.release.publicAt <= now);
      if (!change) {
        if (isPublic) await deps.uow.run((tx) => tx.sends.settle(send.id));
        continue;
      }
      const content = deps.templates.embargoNotice({ language: send.language, title: state!.edition?.title ?? '', change, previewUrl: null });
      const written = await deps.uow
        .run(async (tx) => {
          // Compare-and-set first: another process that already told this journalist wins, and this
          // transaction (with no outbox row yet) is rolled back.
          if (!(await tx.sends.announce(send.id, send.announcedPublicAt, change.kind === 'moved' ? change.to : change.kind === 'lifted' ? change.at : null))) throw new AlreadyNotified();
          const outboxId = await tx.outbox.add(outboxEmail(deps.outbox, { kind: 'embargo_notice', to: send.email, content, subscriptionId: null, at: now }));
          if (isPublic) await tx.sends.settle(send.id);
          await tx.audit.record({ at: now, actor: SYSTEM_SCHEDULER, action: 'release.embargo_notice_queued', subjectType: 'release', subjectId: String(send.releaseId), details: { sendId: send.id, change: change.kind, outboxId } });
          return true;
        })
        .catch((error: unknown) => {
          if (error instanceof AlreadyNotified) return false;
          throw error;
        });
      if (written) notices += 1;
    }
    return notices;
  };
}
export type NotifyEmbargoChanges = ReturnType<typeof makeNotifyEmbargoChanges>;

class AlreadyNotified extends Error {}
