import { LANGUAGES, type Language } from './language.js';
import { isListedPublicly, type EditionState, type ReleaseStatus } from './release.js';

/**
 * Language versions of a release. Versions that translate each other share a translation group:
 * at most one per language, each with its own editions and workflow state (the English version
 * may publish hours after the Korean one). One version is authoritative: the text the others
 * translate, which prevails if they differ.
 */
export interface LanguageVersion {
  releaseId: number;
  language: Language;
  boardSlug: string;
  /** Permanent number in (board, language); null until first published. */
  number: number | null;
  status: ReleaseStatus;
  publicAt: Date | null;
  isAuthoritative: boolean;
  translationNeeded: boolean;
  /** Title of the latest edition (staff side only; never shown publicly for a non-public version). */
  title: string;
  /** Workflow state of the latest edition. */
  editionState: EditionState;
}

/**
 * The other-language versions a public page may link to ("Also in"), and announce with hreflang:
 * only versions on public lists now. A draft, an embargoed (before its time) or a withdrawn
 * version is never linked, so a public page cannot reveal that it exists.
 */
export function publicAlternates<V extends Pick<LanguageVersion, 'releaseId' | 'language' | 'status' | 'publicAt' | 'number'>>(self: { releaseId: number }, versions: readonly V[], now: Date): (V & { number: number })[] {
  return versions.filter((v): v is V & { number: number } => v.releaseId !== self.releaseId && v.number !== null && isListedPublicly(v, now)).sort((a, b) => LANGUAGES.indexOf(a.language) - LANGUAGES.indexOf(b.language));
}

/** Languages a translation group has no version in yet. */
export function missingLanguages(versions: readonly Pick<LanguageVersion, 'language'>[]): Language[] {
  return LANGUAGES.filter((lang) => !versions.some((v) => v.language === lang));
}

/**
 * The authoritative version of a group: the one marked, or else the earliest created (lowest id),
 * which is the one the others were translated from.
 */
export function authoritativeVersion<V extends Pick<LanguageVersion, 'releaseId' | 'isAuthoritative'>>(versions: readonly V[]): V | null {
  return versions.find((v) => v.isAuthoritative) ?? [...versions].sort((a, b) => a.releaseId - b.releaseId)[0] ?? null;
}

/** The language a translation of a `language` release is written in. */
export function otherLanguage(language: Language): Language {
  return language === 'ko' ? 'en' : 'ko';
}
