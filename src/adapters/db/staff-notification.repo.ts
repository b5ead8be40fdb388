import type { Kysely } from 'kysely';
import type { NotificationDetails, NotificationKind, StaffNotificationRepo, StaffNotificationUnitOfWork, StaffRecipient } from '../../ports/staff-notifications.js';
import { NOTIFYING_ACTIONS } from '../../ports/staff-notifications.js';
import { makeAuditLog } from './audit-log.js';
import { makeOutboxRepo } from './outbox.repo.js';
import type { Database } from './schema.js';

const toRecipient = (r: { id: number; email: string; name: string; notify_by_email: number }): StaffRecipient => ({ id: r.id, email: r.email, name: r.name, notifyByEmail: Number(r.notify_by_email) === 1 });

/** Staff notifications (migration 2026120350-webhooks-notifications). */
export function makeStaffNotificationRepo(db: Kysely<Database>): StaffNotificationRepo {
  const staff = () => db.selectFrom('users').select(['id', 'email', 'name', 'notify_by_email']).where('disabled_at', 'is', null);
  return {
    async sources(since, limit) {
      const rows = await db
        .selectFrom('audit_log as a')
        .select(['a.id', 'a.at', 'a.action', 'a.actor_id', 'a.actor_label', 'a.subject_type', 'a.subject_id', 'a.details'])
        .where('a.action', 'in', [...NOTIFYING_ACTIONS])
        .where('a.at', '>=', since.getTime())
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('notified_audit_entries as n').select('n.audit_id').whereRef('n.audit_id', '=', 'a.id'))))
        .orderBy('a.id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        auditId: r.id,
        action: r.action as NotificationKind,
        at: new Date(Number(r.at)),
        actorId: r.actor_id,
        actorLabel: r.actor_label,
        releaseId: r.subject_type === 'release' && r.subject_id !== null ? Number(r.subject_id) : null,
        details: JSON.parse(r.details) as Record<string, unknown>,
      }));
    },
    async releaseFacts(releaseId) {
      const latest = await db.selectFrom('editions').select(['title', 'created_by']).where('release_id', '=', releaseId).orderBy('edition_no', 'desc').limit(1).executeTakeFirst();
      return latest ? { title: latest.title, authorId: latest.created_by } : null;
    },
    async previewLinkCreator(linkId) {
      const row = await db.selectFrom('preview_links').select('created_by').where('id', '=', linkId).executeTakeFirst();
      return row?.created_by ?? null;
    },
    async staffWithRoles(roles) {
      return (await staff().where('role', 'in', roles).orderBy('id').execute()).map(toRecipient);
    },
    async staffMember(id) {
      const row = await staff().where('id', '=', id).executeTakeFirst();
      return row ? toRecipient(row) : null;
    },
    async markProcessed(auditId, at) {
      const rows = await db.insertInto('notified_audit_entries').values({ audit_id: auditId, created_at: at.getTime() }).onConflict((oc) => oc.column('audit_id').doNothing()).returning('audit_id').execute();
      return rows.length === 1;
    },
    async add(rows) {
      if (rows.length === 0) return;
      await db
        .insertInto('staff_notifications')
        .values(rows.map((r) => ({ user_id: r.userId, audit_id: r.auditId, kind: r.kind, release_id: r.releaseId, details: JSON.stringify(r.details), created_at: r.createdAt.getTime(), read_at: null })))
        .onConflict((oc) => oc.columns(['user_id', 'audit_id']).doNothing())
        .execute();
    },
    async list(userId, limit) {
      const rows = await db.selectFrom('staff_notifications').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind as NotificationKind,
        releaseId: r.release_id,
        details: JSON.parse(r.details) as NotificationDetails,
        createdAt: new Date(Number(r.created_at)),
        readAt: r.read_at === null ? null : new Date(Number(r.read_at)),
      }));
    },
    async unreadCount(userId) {
      const row = await db.selectFrom('staff_notifications').select((eb) => eb.fn.countAll<string | number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async markAllRead(userId, at) {
      const r = await db.updateTable('staff_notifications').set({ read_at: at.getTime() }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async emailPreference(userId) {
      const row = await db.selectFrom('users').select('notify_by_email').where('id', '=', userId).executeTakeFirst();
      return Number(row?.notify_by_email ?? 0) === 1;
    },
    async setEmailPreference(userId, on) {
      const r = await db.updateTable('users').set({ notify_by_email: on ? 1 : 0 }).where('id', '=', userId).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}

/** Notifications, their emails and audit entries in one transaction. */
export function makeStaffNotificationUnitOfWork(db: Kysely<Database>): StaffNotificationUnitOfWork {
  return { run: (work) => db.transaction().execute((trx) => work({ notifications: makeStaffNotificationRepo(trx), outbox: makeOutboxRepo(trx), audit: makeAuditLog(trx) })) };
}
