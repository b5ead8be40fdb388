import type { Role } from '../domain/user.js';
import type { StaffInvitation } from '../domain/staff-invitation.js';
import type { AccountsTx } from './user-repo.js';

export interface NewStaffInvitation {
  /** SHA-256 hex of the link's secret; the secret itself is never stored. */
  tokenHash: string;
  email: string;
  name: string;
  role: Role;
  createdBy: number | null;
  createdByLabel: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Staff invitations by one-time link. */
export interface StaffInvitationRepo {
  create(input: NewStaffInvitation): Promise<StaffInvitation>;
  byId(id: number): Promise<StaffInvitation | null>;
  byTokenHash(tokenHash: string): Promise<StaffInvitation | null>;
  /** Invitations neither used nor revoked that have not expired at `now`, newest first. */
  pending(now: Date): Promise<StaffInvitation[]>;
  /**
   * Marks the pending invitation with this hash as used by `userId`; false when there is none (used,
   * revoked, expired or unknown). Atomic, so two requests with one link cannot both pass.
   */
  use(tokenHash: string, userId: number, at: Date): Promise<boolean>;
  /** Revokes pending invitations: one by id, or every one for an address; returns how many. */
  revoke(filter: { id: number } | { email: string }, at: Date): Promise<number>;
}

/** An accounts transaction that also sees the invitations (inviting, accepting, revoking). */
export interface InvitationsTx extends AccountsTx {
  invitations: StaffInvitationRepo;
}

export interface InvitationsUnitOfWork {
  run<T>(work: (tx: InvitationsTx) => Promise<T>): Promise<T>;
}
