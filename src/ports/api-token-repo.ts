import type { ApiScope } from '../domain/api-scopes.js';
import type { AuditLog } from './audit-log.js';
import type { UserRepo } from './user-repo.js';

export interface ApiToken {
  id: number;
  name: string;
  ownerId: number;
  /** The secret's public prefix, to tell tokens apart; the secret itself is never stored. */
  tokenHint: string;
  scopes: ApiScope[];
  createdBy: number | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  revokedBy: number | null;
  /** Recorded at most once a minute, so using a token does not write on every request. */
  lastUsedAt: Date | null;
}

/** A token with its owner, for the admin list. */
export interface ApiTokenListing extends ApiToken {
  owner: { email: string; name: string; role: string };
}

export interface NewApiToken {
  name: string;
  ownerId: number;
  tokenHash: string;
  tokenHint: string;
  scopes: ApiScope[];
  createdBy: number | null;
  createdAt: Date;
  expiresAt: Date | null;
}

/** API tokens: looked up by the SHA-256 of their secret only. */
export interface ApiTokenRepo {
  create(input: NewApiToken): Promise<ApiToken>;
  get(id: number): Promise<ApiToken | null>;
  byTokenHash(tokenHash: string): Promise<ApiToken | null>;
  /** Every token, newest first, with its owner. */
  list(): Promise<ApiTokenListing[]>;
  /** Marks the token revoked; false when there is no such token or it was already revoked. */
  revoke(id: number, at: Date, by: number | null): Promise<boolean>;
  recordUse(id: number, at: Date): Promise<void>;
}

/** The repositories one API-token transaction sees. */
export interface ApiTokenTx {
  tokens: ApiTokenRepo;
  users: UserRepo;
  /** Audit entries written in the same transaction as the change they describe. */
  audit: AuditLog;
}

export interface ApiTokenUnitOfWork {
  run<T>(work: (tx: ApiTokenTx) => Promise<T>): Promise<T>;
}
