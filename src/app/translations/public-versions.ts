import type { Language } from '../../domain/language.js';
import type { Clock } from '../../ports/clock.js';
import type { PublicTranslations, PublicVersion } from '../../ports/translation-repo.js';

/** What a public release page says about its language versions. */
export interface PublicLanguageVersions {
  /** Other-language versions to link ("Also in") and announce with hreflang: listed ones only. */
  alternates: PublicVersion[];
  /** The authoritative version's language, when it is public (the page itself or an alternate). */
  authoritative: Language | null;
}

/** Public reads of language versions, under the one visibility rule. */
export function makePublicVersions(deps: { translations: PublicTranslations; clock: Clock }) {
  return {
    async of(release: { id: number; language: Language }): Promise<PublicLanguageVersions> {
      const now = deps.clock.now();
      const listed = await deps.translations.listedVersionsOf(release.id, now);
      const alternates = listed.filter((v) => v.releaseId !== release.id && v.language !== release.language);
      const marked = listed.find((v) => v.isAuthoritative);
      return { alternates, authoritative: listed.length > 1 && marked ? marked.language : null };
    },
    listedGroups(): Promise<Map<string, PublicVersion[]>> {
      return deps.translations.listedGroups(deps.clock.now());
    },
  };
}
export type PublicVersions = ReturnType<typeof makePublicVersions>;
