import { InvalidStateError } from '../../domain/errors.js';
import { roleMayTake, type WorkflowAction } from '../../domain/workflow.js';
import type { StaffActor } from './actor.js';

/** Refuses an action the actor's role can never take, before any state is loaded. */
export function workflowRefusalsOrThrow(action: WorkflowAction, actor: StaffActor): void {
  if (roleMayTake(action, actor.role)) return;
  const message = `A ${actor.role} cannot ${action.replace('_', ' ')} a release`;
  throw new InvalidStateError(message, [{ code: 'role_not_allowed', message }]);
}
