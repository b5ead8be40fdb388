import type { Role } from '../../domain/user.js';
import type { Actor } from '../../ports/audit-log.js';

/** A signed-in staff member (or the system) acting through any entry point: form, API, CLI, job. */
export interface StaffActor extends Actor {
  role: Role;
}

/** The scheduler and importers act as this named system actor, with an admin's rights. */
export const SYSTEM_ACTOR: StaffActor = { userId: null, label: 'system:scheduler', ip: null, role: 'admin' };

export function isSystem(actor: StaffActor): boolean {
  return actor.userId === null && actor.label.startsWith('system:');
}
