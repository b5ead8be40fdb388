import { ConflictError } from '../../domain/errors.js';
import type { Edition } from '../../domain/release.js';

/**
 * The edition a person (or an API client) was shown when they chose a workflow step: its
 * optimistic-lock version and, when known, its number (Whitehall's lock_version). A step taken on
 * text that changed since is refused, so nobody approves or publishes what they never saw.
 */
export interface SeenEdition {
  version: number;
  editionNo?: number | null;
}

const STALE_MESSAGE = 'The text changed since you opened it: reload and review it again';

/** A workflow step chosen on an edition that has changed since (EDIT_CONFLICT, 409); nothing was done. */
export class StaleEditionError extends ConflictError {
  constructor(readonly current: Edition) {
    super(STALE_MESSAGE, [{ code: 'stale_version', message: STALE_MESSAGE, field: 'version' }]);
  }
}

/** Refuses the step when the edition is not the one that was shown; no `seen` (the scheduler, a system actor) checks nothing. */
export function refuseUnseenEdition(edition: Edition, seen: SeenEdition | null | undefined): void {
  if (!seen) return;
  if (seen.version !== edition.lockVersion || (seen.editionNo != null && seen.editionNo !== edition.editionNo)) throw new StaleEditionError(edition);
}
