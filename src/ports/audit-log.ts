/** Who did something: a signed-in person, an API token, or the system itself (scheduler). */
export interface Actor {
  /** User id, or null for the system and anonymous visitors (failed logins, preview links). */
  userId: number | null;
  /** Human label kept even if the user is later removed: "kim@mnd.example", "system:scheduler". */
  label: string;
  /** Client address, when the action came over HTTP. */
  ip: string | null;
}

export const SYSTEM_SCHEDULER: Actor = { userId: null, label: 'system:scheduler', ip: null };

export interface AuditEntry {
  id: number;
  at: Date;
  actor: Actor;
  /** Resource + past tense, the same words as events: "release.published", "user.login_failed". */
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: Record<string, unknown>;
}

export interface AuditQuery {
  action?: string;
  actorUserId?: number;
  subjectType?: string;
  subjectId?: string;
  before?: Date;
  /** Entries at or after this instant (#16: the audit page's date range). */
  from?: Date;
  /** Entries before this instant. */
  to?: Date;
  /** Entries older than this entry: the next page, newest first, without skipping entries of one millisecond. */
  beforeId?: number;
  limit: number;
}

/** Append-only record of every write, login and preview-link use. Never updated or deleted. */
export interface AuditLog {
  record(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  list(query: AuditQuery): Promise<AuditEntry[]>;
}

/** What the readable audit page looks up beside the entries (#16): names for ids, the filters' choices. */
export interface AuditSubjects {
  /** Release titles by id (the live edition's, else the latest edition's); unknown ids are absent. */
  releaseTitles(ids: readonly number[]): Promise<Map<number, string>>;
  /** Every action the trail holds, in name order (a few dozen), for the action filter. */
  actions(): Promise<string[]>;
  /** The releases the trail names most recently, newest first, for the release picker. */
  recentReleases(limit: number): Promise<{ id: number; title: string }[]>;
}
