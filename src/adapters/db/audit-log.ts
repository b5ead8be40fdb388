import type { Kysely } from 'kysely';
import type { AuditLog } from '../../ports/audit-log.js';
import type { Database } from './schema.js';

/** The audit trail as an append-only table: this adapter has no update or delete. */
export function makeAuditLog(db: Kysely<Database>): AuditLog {
  return {
    async record(entry) {
      await db
        .insertInto('audit_log')
        .values({
          at: entry.at.getTime(),
          actor_id: entry.actor.userId,
          actor_label: entry.actor.label,
          ip: entry.actor.ip,
          action: entry.action,
          subject_type: entry.subjectType,
          subject_id: entry.subjectId,
          details: JSON.stringify(entry.details),
        })
        .execute();
    },
    async list(q) {
      let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(q.limit);
      if (q.action) query = query.where('action', '=', q.action);
      if (q.actorUserId !== undefined) query = query.where('actor_id', '=', q.actorUserId);
      if (q.subjectType) query = query.where('subject_type', '=', q.subjectType);
      if (q.subjectId) query = query.where('subject_id', '=', q.subjectId);
      if (q.before) query = query.where('at', '<', q.before.getTime());
      const rows = await query.execute();
      return rows.map((r) => ({
        id: r.id,
        at: new Date(Number(r.at)),
        actor: { userId: r.actor_id, label: r.actor_label, ip: r.ip },
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        details: JSON.parse(r.details) as Record<string, unknown>,
      }));
    },
  };
}
