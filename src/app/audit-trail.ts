import type { AuditEntry, AuditLog, AuditSubjects } from '../ports/audit-log.js';
import type { UserRepo } from '../ports/user-repo.js';

/** The audit page's filters (#16): who, which release, what, and when. */
export interface AuditTrailFilter {
  actorUserId?: number;
  releaseId?: number;
  action?: string;
  /** From this instant on (the start of the first day picked). */
  from?: Date;
  /** Before this instant (the end of the last day picked). */
  to?: Date;
  /** Any kind of subject (`api_token`), optionally one of them; `releaseId` is the same for releases. */
  subjectType?: string;
  subjectId?: string;
}

/** An entry with the names people know instead of ids. */
export interface ReadableAuditEntry extends AuditEntry {
  /** The staff member's name when the actor is an account; null for the system, visitors, tokens. */
  actorName: string | null;
  /** The release's title when the subject is a release that exists. */
  releaseTitle: string | null;
  /** The account's name when the subject is a staff account. */
  subjectUserName: string | null;
}

/** The staff accounts and recent releases the filters offer. */
export interface AuditFilterChoices {
  staff: { id: number; name: string; email: string }[];
  actions: string[];
  releases: { id: number; title: string }[];
}

const EXPORT_BATCH = 500;

/**
 * The readable audit trail (#16): entries newest first with staff names and release titles looked up
 * once per page, the choices the filters offer, and every matching entry for the CSV export, read a
 * batch at a time (keyset by id) so an export of years of entries never sits in memory whole.
 */
export function makeAuditTrail(deps: { audit: Pick<AuditLog, 'list'>; subjects: AuditSubjects; users: Pick<UserRepo, 'list'> }) {
  const query = (f: AuditTrailFilter) => ({
    action: f.action,
    actorUserId: f.actorUserId,
    ...(f.releaseId !== undefined ? { subjectType: 'release', subjectId: String(f.releaseId) } : { subjectType: f.subjectType, subjectId: f.subjectId }),
    from: f.from,
    to: f.to,
  });

  async function readable(entries: AuditEntry[]): Promise<ReadableAuditEntry[]> {
    const releaseIds = entries.filter((e) => e.subjectType === 'release' && e.subjectId).map((e) => Number(e.subjectId)).filter(Number.isSafeInteger);
    const [titles, users] = await Promise.all([deps.subjects.releaseTitles(releaseIds), deps.users.list()]);
    const names = new Map(users.map((u) => [u.id, u.name]));
    return entries.map((e) => ({
      ...e,
      actorName: e.actor.userId !== null ? (names.get(e.actor.userId) ?? null) : null,
      releaseTitle: e.subjectType === 'release' && e.subjectId ? (titles.get(Number(e.subjectId)) ?? null) : null,
      subjectUserName: e.subjectType === 'user' && e.subjectId ? (names.get(Number(e.subjectId)) ?? null) : null,
    }));
  }

  return {
    /** One page of entries older than `beforeId` (the newest when absent), and whether more follow. */
    async page(filter: AuditTrailFilter, options: { beforeId?: number; size: number }): Promise<{ entries: ReadableAuditEntry[]; hasMore: boolean }> {
      const rows = await deps.audit.list({ ...query(filter), beforeId: options.beforeId, limit: options.size + 1 });
      return { entries: await readable(rows.slice(0, options.size)), hasMore: rows.length > options.size };
    },
    /** What the filters offer: every staff account, the actions recorded, recently audited releases. */
    async choices(): Promise<AuditFilterChoices> {
      const [users, actions, releases] = await Promise.all([deps.users.list(), deps.subjects.actions(), deps.subjects.recentReleases(50)]);
      return { staff: users.map((u) => ({ id: u.id, name: u.name, email: u.email })), actions, releases };
    },
    /** Every entry the filter matches, newest first, a batch at a time. */
    async *all(filter: AuditTrailFilter): AsyncIterable<ReadableAuditEntry> {
      let beforeId: number | undefined;
      for (;;) {
        const rows = await deps.audit.list({ ...query(filter), beforeId, limit: EXPORT_BATCH });
        yield* await readable(rows);
        if (rows.length < EXPORT_BATCH) return;
        beforeId = rows.at(-1)!.id;
      }
    },
  };
}
export type AuditTrail = ReturnType<typeof makeAuditTrail>;
