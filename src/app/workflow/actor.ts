import type { StaffRole } from '../../domain/workflow.js';
import type { Actor } from '../../ports/audit-log.js';

/** A signed-in staff member (or the system) acting through any entry point: form, API, CLI, job. */
export interface StaffActor extends Actor {
  role: StaffRole;
}

/** The scheduler and importers act as this named system actor, with an editor's rights. */
export const SYSTEM_ACTOR: StaffActor = { userId: null, label: 'system:scheduler', ip: null, role: 'admin' };

export function isSystem(actor: StaffActor): boolean {
  return actor.userId === null && actor.label.startsWith('system:');
}
