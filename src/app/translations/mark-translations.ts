import { NotFoundError } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import type { StaffActor } from '../workflow/actor.js';
import { auditRelease } from '../workflow/load-for-action.js';
import { workflowRefusalsOrThrow } from '../workflow/refuse.js';

/** "Translation needed" on or off for a release: it then shows on the dashboard until a version exists. */
export function makeSetTranslationNeeded(deps: { uow: UnitOfWork; clock: Clock }) {
  return async (releaseId: number, needed: boolean, actor: StaffActor): Promise<void> => {
    workflowRefusalsOrThrow('edit', actor);
    return deps.uow.run(async (tx) => {
      if (!(await tx.releases.getRelease(releaseId))) throw new NotFoundError(`No release ${releaseId}`);
      await tx.translations.setTranslationNeeded(releaseId, needed);
      await auditRelease(tx, actor, needed ? 'release.translation_requested' : 'release.translation_request_cleared', releaseId, deps.clock.now());
    });
  };
}

/** Marks one language version as the authoritative text of its group (editors decide). */
export function makeSetAuthoritative(deps: { uow: UnitOfWork; clock: Clock }) {
  return async (releaseId: number, actor: StaffActor): Promise<void> => {
    workflowRefusalsOrThrow('approve', actor);
    return deps.uow.run(async (tx) => {
      const release = await tx.releases.getRelease(releaseId);
      if (!release) throw new NotFoundError(`No release ${releaseId}`);
      await tx.translations.setAuthoritative(releaseId);
      await auditRelease(tx, actor, 'release.authoritative_set', releaseId, deps.clock.now(), { language: release.language, group: release.translationGroup });
    });
  };
}
