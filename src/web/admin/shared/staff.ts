import type { FastifyRequest } from 'fastify';
import type { StaffActor } from '../../../app/workflow/actor.js';
import type { StaffRole } from '../../../domain/workflow.js';
import type { StaffIdentity } from '../register-auth.js';
import { AdminForbiddenError } from './admin-errors.js';

/** The signed-in staff member, as the auth side's `requireStaff` leaves it on the request. */
export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
}

// `request.staff` is declared by the auth side (register-auth.ts); importing its type brings the
// declaration in, so it is declared once.
export type { StaffIdentity };

/** The staff member of a request that passed `requireStaff`; refuses (403) when there is none. */
export function staffOf(request: FastifyRequest): StaffUser {
  if (!request.staff) throw new AdminForbiddenError('Sign in to continue');
  return request.staff.user;
}

/** The actor every workflow command is called with: who, from where, with which role. */
export function actorOf(request: FastifyRequest): StaffActor {
  const user = staffOf(request);
  return { userId: user.id, label: user.email, ip: request.ip, role: user.role };
}

const ORDER: readonly StaffRole[] = ['viewer', 'writer', 'editor', 'admin'];

/** Whether a role is `minRole` or a more trusted one. */
export function roleAtLeast(role: StaffRole, minRole: StaffRole): boolean {
  return ORDER.indexOf(role) >= ORDER.indexOf(minRole);
}
