import type { FastifyRequest } from 'fastify';
import type { StaffActor } from '../../../app/workflow/actor.js';
import type { User } from '../../../domain/user.js';
// `request.staff` is declared by the auth side (register-auth.ts); importing the module brings the
// declaration in, so it is declared once.
import type {} from '../register-auth.js';
import { AdminForbiddenError } from './admin-errors.js';

/** The staff member of a request that passed `requireStaff`; refuses (403) when there is none. */
export function staffOf(request: FastifyRequest): User {
  if (!request.staff) throw new AdminForbiddenError('Sign in to continue');
  return request.staff.user;
}

/** The actor every workflow command is called with: who, from where, with which role. */
export function actorOf(request: FastifyRequest): StaffActor {
  const user = staffOf(request);
  return { userId: user.id, label: user.email, ip: request.ip, role: user.role };
}
