import { NotFoundError } from '../../domain/errors.js';
import type { Edition, Release } from '../../domain/release.js';
import type { Clock } from '../../ports/clock.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { newReleaseSchema, type NewReleaseInput } from '../release.schema.js';
import { validate } from '../validate.js';
import type { StaffActor } from './actor.js';
import { auditRelease } from './load-for-action.js';
import { workflowRefusalsOrThrow } from './refuse.js';

/** Creates a release in a board with its first edition as a draft (revision 1). */
export function makeCreateRelease(deps: { uow: UnitOfWork; clock: Clock }) {
  return async function createRelease(input: NewReleaseInput, actor: StaffActor): Promise<{ release: Release; edition: Edition }> {
    workflowRefusalsOrThrow('edit', actor);
    const data = validate(newReleaseSchema, input);
    const now = deps.clock.now();
    return deps.uow.run(async (tx) => {
      const board = await tx.boards.bySlug(data.boardSlug);
      if (!board) throw new NotFoundError(`No board "${data.boardSlug}"`, [{ code: 'unknown_board', message: 'Choose an existing board', field: 'boardSlug' }]);
      const release = await tx.releases.createRelease({ boardId: board.id, language: data.language, translationGroup: data.translationGroup, createdAt: now });
      let edition = await tx.editions.createEdition({ ...data, releaseId: release.id, state: 'draft', changeNote: null, createdBy: actor.userId, createdAt: now });
      if (data.embargoUntil) edition = await tx.editions.updateEditionWorkflow(edition.id, { embargoUntil: data.embargoUntil }, now);
      await tx.editions.addRevision(edition.id, data, { id: actor.userId, label: actor.label }, now);
      await auditRelease(tx, actor, 'release.created', release.id, now, { title: data.title, board: board.slug, language: data.language });
      return { release, edition };
    });
  };
}
export type CreateRelease = ReturnType<typeof makeCreateRelease>;
