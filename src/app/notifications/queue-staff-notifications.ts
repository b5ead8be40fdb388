import type { Clock } from '../../ports/clock.js';
import type { NotificationDetails, NotificationSource, StaffNotificationEmail, StaffNotificationRepo, StaffNotificationUnitOfWork, StaffRecipient } from '../../ports/staff-notifications.js';
import { outboxEmail, type OutboxPolicy } from '../distribution/compose-email.js';

/** How far back the audit trail is read for entries not turned into notifications yet. */
export const NOTIFICATION_LOOKBACK_MS = 2 * 86_400_000;

export interface StaffNotificationDeps {
  uow: StaffNotificationUnitOfWork;
  notifications: StaffNotificationRepo;
  clock: Clock;
  outbox: OutboxPolicy;
  email: StaffNotificationEmail;
  /** Absolute admin links for the emails. */
  adminUrl: (path: string) => string;
}

/**
 * The staff notification step of the sender loop. The workflow commands notify nobody directly:
 * each writes its audit entry in its own transaction, and this step turns new entries into
 * notifications: submitted for review -> editors and admins; sent back, approved, scheduled,
 * published, corrected -> the author of the newest edition; a preview link opened -> whoever made
 * the link; a reviewer assigned -> that reviewer. Never the person who did it. One transaction per entry: the entry is marked handled
 * (once, whichever process is first), the notifications written, and for people who chose email,
 * an email in the outbox. Returns how many notifications were written.
 */
export function makeQueueStaffNotifications(deps: StaffNotificationDeps) {
  async function recipientsOf(source: NotificationSource, authorId: number | null): Promise<StaffRecipient[]> {
    let people: StaffRecipient[] = [];
    if (source.action === 'release.submitted') people = await deps.notifications.staffWithRoles(['editor', 'admin']);
    else if (source.action === 'preview_link.opened') {
      const creator = typeof source.details.linkId === 'number' ? await deps.notifications.previewLinkCreator(source.details.linkId) : null;
      const one = creator === null ? null : await deps.notifications.staffMember(creator);
      people = one ? [one] : [];
    } else if (source.action === 'release.reviewer_assigned') {
      // The editor asked to review it (#16); clearing the request notifies nobody.
      const one = typeof source.details.reviewerId === 'number' ? await deps.notifications.staffMember(source.details.reviewerId) : null;
      people = one ? [one] : [];
    } else {
      const one = authorId === null ? null : await deps.notifications.staffMember(authorId);
      people = one ? [one] : [];
    }
    return people.filter((p) => p.id !== source.actorId);
  }

  return async function queueStaffNotifications(limit = 100): Promise<number> {
    const now = deps.clock.now();
    const sources = await deps.notifications.sources(new Date(now.getTime() - NOTIFICATION_LOOKBACK_MS), limit);
    let written = 0;
    for (const source of sources) {
      const facts = source.releaseId === null ? null : await deps.notifications.releaseFacts(source.releaseId);
      const people = await recipientsOf(source, facts?.authorId ?? null);
      const details: NotificationDetails = {
        title: facts?.title ?? '',
        actor: source.action === 'preview_link.opened' ? source.actorLabel.replace(/^preview:/, '') : source.actorLabel,
        ...(typeof source.details.comment === 'string' ? { comment: source.details.comment } : {}),
      };
      const releaseUrl = source.releaseId === null ? null : deps.adminUrl(`/admin/releases/${source.releaseId}`);
      const content = deps.email({ kind: source.action, details, releaseUrl, accountUrl: deps.adminUrl('/admin/account') });
      written += await deps.uow.run(async (tx) => {
        if (!(await tx.notifications.markProcessed(source.auditId, now))) return 0;
        await tx.notifications.add(people.map((p) => ({ userId: p.id, auditId: source.auditId, kind: source.action, releaseId: source.releaseId, details, createdAt: source.at })));
        for (const p of people.filter((x) => x.notifyByEmail)) await tx.outbox.add(outboxEmail(deps.outbox, { kind: 'staff_notification', to: p.email, content, subscriptionId: null, at: now }));
        return people.length;
      });
    }
    return written;
  };
}
export type QueueStaffNotifications = ReturnType<typeof makeQueueStaffNotifications>;
