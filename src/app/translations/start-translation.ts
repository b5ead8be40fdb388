import { z } from 'zod';
import { InvalidStateError, NotFoundError } from '../../domain/errors.js';
import { LANGUAGES } from '../../domain/language.js';
import type { Edition, EditionContent, Release } from '../../domain/release.js';
import { authoritativeVersion, otherLanguage } from '../../domain/translation.js';
import type { Clock } from '../../ports/clock.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { validate } from '../validate.js';
import type { StaffActor } from '../workflow/actor.js';
import { auditRelease } from '../workflow/load-for-action.js';
import { workflowRefusalsOrThrow } from '../workflow/refuse.js';

export const startTranslationSchema = z.object({
  /** The language of the new version; the other one of the source's when absent. */
  language: z.enum(LANGUAGES).optional(),
});

/** The translation group key a release gets when its first translation is started. */
export const groupKeyFor = (releaseId: number) => `release-${releaseId}`;

/**
 * Starts the other-language version of a release as a new draft in the same board and translation
 * group, pre-filled with the source's structure for the translator: the title, every subtitle line,
 * the body, department, contact and tags, and the attachments list (same stored files; captions and
 * alt text copied to be translated, each version's list then edited on its own). The source becomes
 * the authoritative version unless its group already names one, and its "translation needed" flag
 * is cleared. Both releases are audited.
 */
export function makeStartTranslation(deps: { uow: UnitOfWork; clock: Clock }) {
  return async function startTranslation(sourceReleaseId: number, input: z.input<typeof startTranslationSchema>, actor: StaffActor): Promise<{ release: Release; edition: Edition }> {
    workflowRefusalsOrThrow('edit', actor);
    const data = validate(startTranslationSchema, input);
    const now = deps.clock.now();
    return deps.uow.run(async (tx) => {
      const source = await tx.releases.getRelease(sourceReleaseId);
      if (!source) throw new NotFoundError(`No release ${sourceReleaseId}`);
      // The live text when there is one (a correction draft may be unfinished), else the latest draft.
      const sourceEdition = (source.liveEditionId !== null ? await tx.editions.getEdition(source.liveEditionId) : null) ?? (await tx.editions.latestEdition(sourceReleaseId));
      if (!sourceEdition) throw new NotFoundError(`Release ${sourceReleaseId} has no edition`);
      const language = data.language ?? otherLanguage(source.language);
      const versions = await tx.translations.versionsOf(sourceReleaseId);
      const existing = versions.find((v) => v.language === language);
      if (existing) {
        const message = `This release already has a ${language === 'ko' ? 'Korean' : 'English'} version`;
        throw new InvalidStateError(message, [{ code: 'translation_exists', message, field: 'language' }]);
      }
      const group = source.translationGroup ?? groupKeyFor(source.id);
      if (source.translationGroup === null) await tx.translations.setGroup(source.id, group);
      if (!versions.some((v) => v.isAuthoritative)) await tx.translations.setAuthoritative(authoritativeVersion(versions)?.releaseId ?? source.id);
      await tx.translations.setTranslationNeeded(source.id, false);

      const { title, subtitle, bodyMarkdown, department, contact, tags } = sourceEdition;
      const content: EditionContent = { title, subtitle: [...subtitle], bodyMarkdown, department, contact, tags: [...tags] };
      const release = await tx.releases.createRelease({ boardId: source.boardId, language, translationGroup: group, createdAt: now });
      const edition = await tx.editions.createEdition({ ...content, releaseId: release.id, state: 'draft', changeNote: null, createdBy: actor.userId, createdAt: now });
      await tx.attachments.copyAttachments(sourceEdition.id, edition.id);
      await tx.editions.addRevision(edition.id, content, { id: actor.userId, label: actor.label }, now);
      await auditRelease(tx, actor, 'release.translation_started', release.id, now, { from: source.id, language, group });
      await auditRelease(tx, actor, 'release.translation_started', source.id, now, { to: release.id, language, group });
      return { release: (await tx.releases.getRelease(release.id)) ?? release, edition };
    });
  };
}
export type StartTranslation = ReturnType<typeof makeStartTranslation>;
