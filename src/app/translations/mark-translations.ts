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

/**
 * Marks one language version as the authoritative text of its group (editors decide). Public pages
 * name it ("The Korean version is authoritative", x-default), so cached copies are dropped.
 */
export function makeSetAuthoritative(deps: { uow: UnitOfWork; clock: Clock }) {
  return async (releaseId: number, actor: StaffActor): Promise<void> => {
    workflowRefusalsOrThrow('approve', actor);
    const now = deps.clock.now();
    await deps.uow.run(async (tx) => {
      const release = await tx.releases.getRelease(releaseId);
      if (!release) throw new NotFoundError(`No release ${releaseId}`);
      await tx.translations.setAuthoritative(releaseId);
      tx.events.record({ type: 'release.translations_changed', releaseId, at: now });
      await auditRelease(tx, actor, 'release.authoritative_set', releaseId, now, { language: release.language, group: release.translationGroup });
    });
  };
}
