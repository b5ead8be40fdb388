import { z } from 'zod';
import { InvalidStateError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { otherLanguage, pairingRefusals } from '../../domain/translation.js';
import type { Clock } from '../../ports/clock.js';
import type { TxRepos, UnitOfWork } from '../../ports/unit-of-work.js';
import { validate } from '../validate.js';
import type { StaffActor } from '../workflow/actor.js';
import { auditRelease } from '../workflow/load-for-action.js';
import { workflowRefusalsOrThrow } from '../workflow/refuse.js';
import { groupKeyFor } from './start-translation.js';

export const pairTranslationsSchema = z.object({
  /** The release to pair with, by id (a pick from the list of unpaired releases)... */
  otherReleaseId: z.number().int().positive().optional(),
  /** ...or by its board and permanent number (in the other language). */
  board: z.string().trim().max(100).optional(),
  number: z.number().int().positive().optional(),
  /** Which of the two is the text the other translates. */
  authoritative: z.enum(['this', 'other']),
});
export type PairTranslationsInput = z.input<typeof pairTranslationsSchema>;

/** The release a pairing names: by id, else by board and number in the other language. */
async function resolveOther(tx: TxRepos, self: { language: 'ko' | 'en' }, data: z.output<typeof pairTranslationsSchema>): Promise<number> {
  if (data.otherReleaseId !== undefined) return data.otherReleaseId;
  if (data.board && data.number !== undefined) {
    const id = await tx.translations.findByNumber(data.board, otherLanguage(self.language), data.number);
    if (id === null) throw new NotFoundError(`No release ${data.board} ${data.number}`, [{ code: 'pair_not_found', message: 'There is no release with this number on that board in the other language', field: 'number' }]);
    return id;
  }
  throw new ValidationError('Choose a release to pair with', [{ code: 'pair_target_missing', message: 'Choose a release from the list, or give its board and number', field: 'other' }]);
}

/**
 * Pairs two existing releases (say an English and a Korean one imported separately) as language
 * versions of each other: they join one translation group, which must still hold one version per
 * language, and the chosen one becomes authoritative. Editors decide, as for the authoritative
 * marker. Both releases are audited; public pages then link them once both are public.
 */
export function makePairTranslations(deps: { uow: UnitOfWork; clock: Clock }) {
  return async function pairTranslations(releaseId: number, input: PairTranslationsInput, actor: StaffActor): Promise<{ group: string; otherReleaseId: number }> {
    workflowRefusalsOrThrow('approve', actor);
    const data = validate(pairTranslationsSchema, input);
    const now = deps.clock.now();
    const result = await deps.uow.run(async (tx) => {
      const self = await tx.releases.getRelease(releaseId);
      if (!self) throw new NotFoundError(`No release ${releaseId}`);
      const otherId = await resolveOther(tx, self, data);
      const other = await tx.releases.getRelease(otherId);
      if (!other) throw new NotFoundError(`No release ${otherId}`, [{ code: 'pair_not_found', message: 'There is no such release', field: 'other' }]);
      const [ownGroup, otherGroup] = await Promise.all([tx.translations.versionsOf(self.id), tx.translations.versionsOf(other.id)]);
      const refusals = pairingRefusals(ownGroup, self.id, otherGroup, other.id);
      if (refusals.length > 0) throw new InvalidStateError(refusals.map((r) => r.message).join('; '), refusals);

      // Keep an existing group key (public links and audit entries name it); else start one.
      const group = self.translationGroup ?? other.translationGroup ?? groupKeyFor(Math.min(self.id, other.id));
      for (const v of [...ownGroup, ...otherGroup]) await tx.translations.setGroup(v.releaseId, group);
      const authoritativeId = data.authoritative === 'this' ? self.id : other.id;
      await tx.translations.setAuthoritative(authoritativeId);
      // Each now has its translation: neither needs to wait on the dashboard.
      await tx.translations.setTranslationNeeded(self.id, false);
      await tx.translations.setTranslationNeeded(other.id, false);
      // Public pages of both may gain "Also in" links and hreflang: cached copies go after commit.
      tx.events.record({ type: 'release.translations_changed', releaseId: self.id, at: now });
      tx.events.record({ type: 'release.translations_changed', releaseId: other.id, at: now });
      await auditRelease(tx, actor, 'release.translations_paired', self.id, now, { with: other.id, group, authoritative: authoritativeId });
      await auditRelease(tx, actor, 'release.translations_paired', other.id, now, { with: self.id, group, authoritative: authoritativeId });
      return { group, otherReleaseId: other.id };
    });
    return result;
  };
}
export type PairTranslations = ReturnType<typeof makePairTranslations>;

/**
 * Takes a release out of its translation group: it and the others stop linking each other. A
 * version left alone in the group leaves it too (nothing to pair it with) and keeps its text.
 */
export function makeUnpairTranslation(deps: { uow: UnitOfWork; clock: Clock }) {
  return async function unpairTranslation(releaseId: number, actor: StaffActor): Promise<{ formerVersions: number[] }> {
    workflowRefusalsOrThrow('approve', actor);
    const now = deps.clock.now();
    const formerVersions = await deps.uow.run(async (tx) => {
      const self = await tx.releases.getRelease(releaseId);
      if (!self) throw new NotFoundError(`No release ${releaseId}`);
      const versions = await tx.translations.versionsOf(releaseId);
      const others = versions.filter((v) => v.releaseId !== releaseId);
      if (others.length === 0) {
        const message = 'This release is not paired with another language version';
        throw new InvalidStateError(message, [{ code: 'not_paired', message }]);
      }
      await tx.translations.leaveGroup(releaseId);
      if (others.length === 1) await tx.translations.leaveGroup(others[0]!.releaseId);
      for (const id of [releaseId, ...others.map((v) => v.releaseId)]) tx.events.record({ type: 'release.translations_changed', releaseId: id, at: now });
      await auditRelease(tx, actor, 'release.translations_unpaired', releaseId, now, { from: others.map((v) => v.releaseId), group: self.translationGroup });
      for (const v of others) await auditRelease(tx, actor, 'release.translations_unpaired', v.releaseId, now, { from: [releaseId], group: self.translationGroup });
      return others.map((v) => v.releaseId);
    });
    return { formerVersions };
  };
}
export type UnpairTranslation = ReturnType<typeof makeUnpairTranslation>;
