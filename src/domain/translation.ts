import type { FieldIssue } from './errors.js';
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

/** The language's English name, for refusal reasons (the admin shows its own words by code). */
const LANGUAGE_NAMES: Record<Language, string> = { ko: 'Korean', en: 'English' };

/**
 * Why two releases cannot become language versions of each other, every reason at once (empty
 * when they can). `ownGroup` and `otherGroup` are each release's current versions (itself
 * included): the joined group must still hold one version per language.
 */
export function pairingRefusals(ownGroup: readonly Pick<LanguageVersion, 'releaseId' | 'language'>[], self: number, otherGroup: readonly Pick<LanguageVersion, 'releaseId' | 'language'>[], other: number): FieldIssue[] {
  const me = ownGroup.find((v) => v.releaseId === self);
  const them = otherGroup.find((v) => v.releaseId === other);
  if (!me || !them) return [];
  if (self === other) return [{ code: 'pair_self', message: 'A release cannot be paired with itself', field: 'other' }];
  if (ownGroup.some((v) => v.releaseId === other)) return [{ code: 'already_paired', message: 'These releases are already language versions of each other', field: 'other' }];
  const issues: FieldIssue[] = [];
  if (me.language === them.language) {
    issues.push({ code: 'pair_same_language', message: `Both releases are in ${LANGUAGE_NAMES[me.language]}: pair a release with one in the other language`, field: 'other' });
    return issues;
  }
  if (ownGroup.some((v) => v.releaseId !== self && v.language === them.language)) {
    issues.push({ code: 'translation_exists', message: `This release already has a ${LANGUAGE_NAMES[them.language]} version`, field: 'other' });
  }
  if (otherGroup.some((v) => v.releaseId !== other && v.language === me.language)) {
    issues.push({ code: 'other_translation_exists', message: `The chosen release already has a ${LANGUAGE_NAMES[me.language]} version: unpair it first`, field: 'other' });
  }
  return issues;
}
