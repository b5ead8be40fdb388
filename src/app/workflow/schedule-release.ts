import { InvalidStateError } from '../../domain/errors.js';
import type { Edition } from '../../domain/release.js';
import { timingRefusals } from '../../domain/workflow.js';
import type { Clock } from '../../ports/clock.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import type { StaffActor } from './actor.js';
import { auditRelease, loadForAction } from './load-for-action.js';
import type { SeenEdition } from './seen-edition.js';

/**
 * schedule: an approved edition is queued to publish at a time, in the durable job table, so a
 * restart loses nothing. The time must be in the future and not before the embargo ends. `seen`: the
 * edition the person was shown, refused when it changed since.
 */
export function makeScheduleRelease(deps: { uow: UnitOfWork; clock: Clock }) {
  return (releaseId: number, at: Date, actor: StaffActor, seen?: SeenEdition | null): Promise<Edition> =>
    deps.uow.run(async (tx) => {
      const now = deps.clock.now();
      if (Number.isNaN(at.getTime())) throw new InvalidStateError('Enter a valid publication time', [{ code: 'invalid_time', message: 'Enter a valid date and time', field: 'scheduledAt' }]);
      const { edition } = await loadForAction(tx, releaseId, 'schedule', actor, ({ edition }) =>
        timingRefusals({ now, embargoUntil: edition.embargoUntil, scheduledAt: at }),
        { seen },
      );
      // A job made for an earlier time (even one a scheduler holds) is cancelled; the new one carries this time.
      await tx.jobs.cancelFor(releaseId, now);
      await tx.jobs.enqueue({ kind: 'publish', releaseId, editionId: edition.id, scheduledFor: at }, now);
      const updated = await tx.editions.updateEditionWorkflow(edition.id, { state: 'scheduled', scheduledAt: at }, now);
      await auditRelease(tx, actor, 'release.scheduled', releaseId, now, { scheduledAt: at.toISOString() });
      return updated;
    });
}
export type ScheduleRelease = ReturnType<typeof makeScheduleRelease>;
