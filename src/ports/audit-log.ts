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
  limit: number;
}

/** Append-only record of every write, login and preview-link use. Never updated or deleted. */
export interface AuditLog {
  record(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  list(query: AuditQuery): Promise<AuditEntry[]>;
}
