import type { Role } from './user.js';

/**
 * A one-time invitation to become a staff member (#16): an administrator names the person, their
 * address and role; the person opens the link once, within its validity, and sets a password.
 */
export interface StaffInvitation {
  id: number;
  email: string;
  name: string;
  role: Role;
  createdBy: number | null;
  /** Who invited, as the audit log names them. */
  createdByLabel: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  /** The account the invitation created, once used. */
  userId: number | null;
}

export const INVITATION_LIMITS = {
  /** A link works for three days: long enough for a weekend, short enough to be worth little if leaked. */
  validForMs: 72 * 3600_000,
} as const;

export type InvitationState = 'pending' | 'used' | 'revoked' | 'expired';

/** What an invitation is now: only a pending one can be accepted. */
export function invitationState(invitation: Pick<StaffInvitation, 'expiresAt' | 'usedAt' | 'revokedAt'>, now: Date): InvitationState {
  if (invitation.usedAt) return 'used';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}
