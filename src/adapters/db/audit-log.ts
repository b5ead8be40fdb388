import type { Kysely } from 'kysely';
import type { AuditLog, AuditSubjects } from '../../ports/audit-log.js';
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
      if (q.beforeId !== undefined) query = query.where('id', '<', q.beforeId);
      if (q.from) query = query.where('at', '>=', q.from.getTime());
      if (q.to) query = query.where('at', '<', q.to.getTime());
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

/** Look-ups for the readable audit page; each reads a handful of rows through an index. */
export function makeAuditSubjects(db: Kysely<Database>): AuditSubjects {
  const titles = async (ids: readonly number[]) => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map<number, string>();
    const rows = await db
      .selectFrom('releases')
      .where('releases.id', 'in', unique)
      .select((eb) => [
        'releases.id',
        eb.fn
          .coalesce(
            eb.selectFrom('editions as live').select('live.title').whereRef('live.id', '=', 'releases.live_edition_id'),
            eb.selectFrom('editions as latest').select('latest.title').whereRef('latest.release_id', '=', 'releases.id').orderBy('latest.edition_no', 'desc').limit(1),
          )
          .as('title'),
      ])
      .execute();
    return new Map(rows.map((r) => [r.id, r.title ?? '']));
  };
  return {
    releaseTitles: titles,
    async actions() {
      // A loose index scan over audit_log_action_idx: one seek per distinct action, where
      // `select distinct` would read every entry of a trail that only grows.
      const found: string[] = [];
      let after = '';
      for (;;) {
        const row = await db.selectFrom('audit_log').select((eb) => eb.fn.min<string>('action').as('next')).where('action', '>', after).executeTakeFirst();
        if (!row?.next) return found;
        found.push(row.next);
        after = row.next;
      }
    },
    async recentReleases(limit) {
      const rows = await db.selectFrom('audit_log').select('subject_id').where('subject_type', '=', 'release').where('subject_id', 'is not', null).orderBy('id', 'desc').limit(limit * 20).execute();
      const ids: number[] = [];
      for (const r of rows) {
        const id = Number(r.subject_id);
        if (Number.isSafeInteger(id) && !ids.includes(id)) ids.push(id);
        if (ids.length === limit) break;
      }
      const byId = await titles(ids);
      return ids.flatMap((id) => (byId.has(id) ? [{ id, title: byId.get(id)! }] : []));
    },
  };
}
