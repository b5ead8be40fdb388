import type { Edition } from '../../domain/release.js';
import type { EditionRepo } from '../../ports/edition-repo.js';

/**
 * Everyone who wrote an edition: its creator and whoever saved a revision of it. The two-person rule
 * counts them all as authors, so an editor who rewrote a writer's draft cannot approve it alone (#13).
 */
export async function editionAuthorIds(editions: Pick<EditionRepo, 'revisions'>, edition: Pick<Edition, 'id' | 'createdBy'>): Promise<Set<number>> {
  const ids = new Set<number>();
  if (edition.createdBy !== null) ids.add(edition.createdBy);
  for (const revision of await editions.revisions(edition.id)) if (revision.authorId !== null) ids.add(revision.authorId);
  return ids;
}
