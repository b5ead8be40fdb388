import type { Generated } from 'kysely';
import type { Database } from './schema.js';

/** Row types of the accounts tables (migration 2026112803-accounts). Times are epoch ms. */
export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  /** "scrypt$ln=15,r=8,p=1$<salt>$<hash>": the parameters travel with the hash. */
  password_hash: string;
  password_changed_at: number;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: number | null;
  totp_last_step: number | null;
  disabled_at: number | null;
  created_at: number;
  updated_at: number;
  /** 1: this person also gets their notifications by email (2026120350-webhooks-notifications). */
  notify_by_email: Generated<number>;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  /** SHA-256 hex of the normalised code. */
  code_hash: string;
  created_at: number;
  used_at: number | null;
}

export interface SessionsTable {
  id: Generated<number>;
  user_id: number;
  /** SHA-256 hex of the cookie token. */
  token_hash: string;
  stage: string;
  created_at: number;
  last_seen_at: number;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: number;
}

/** Attempts per key within a window that started with the first one (migration 2026120402). */
export interface RateWindowsTable {
  key: string;
  started_at: number;
  hits: number;
}

/** One-time staff invitations (migration 2026120412-staff-invitations); only the secret's hash is kept. */
export interface StaffInvitationsTable {
  id: Generated<number>;
  token_hash: string;
  email: string;
  name: string;
  role: string;
  created_by: number | null;
  created_by_label: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
  user_id: number | null;
}

/** Merge into `Database` in schema.ts; until then repositories use `AccountsDatabase`. */
export interface AccountsTables {
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  rate_windows: RateWindowsTable;
  staff_invitations: StaffInvitationsTable;
}

export type AccountsDatabase = Database & AccountsTables;
