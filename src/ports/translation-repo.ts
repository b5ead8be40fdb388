import type { Language } from '../domain/language.js';
import type { LanguageVersion } from '../domain/translation.js';

/** A release flagged "translation needed" that has no version in some language yet. */
export interface MissingTranslation extends LanguageVersion {
  missing: Language[];
  updatedAt: Date;
}

/** Language versions: the translation group of each release, its authoritative marker and flag. */
export interface TranslationRepo {
  /** Every version of the release's group (the release itself included; alone when it has no group). */
  versionsOf(releaseId: number): Promise<LanguageVersion[]>;
  setGroup(releaseId: number, group: string): Promise<void>;
  setTranslationNeeded(releaseId: number, needed: boolean): Promise<void>;
  /** Marks one version authoritative and clears the marker on the rest of its group. */
  setAuthoritative(releaseId: number): Promise<void>;
  /** Releases flagged "translation needed" still missing a language, most recently changed first. */
  missingTranslations(limit: number): Promise<{ rows: MissingTranslation[]; total: number }>;
  /** Takes a release out of its translation group (no group, not authoritative); the rest stay grouped. */
  leaveGroup(releaseId: number): Promise<void>;
  /** The release numbered `number` in (board, language), published at least once; null when none. */
  findByNumber(boardSlug: string, language: Language, number: number): Promise<number | null>;
  /**
   * Releases in `language` that no other release translates (no group, or alone in it), newest
   * first: what an editor may pair with a release in the other language.
   */
  unpairedReleases(language: Language, limit: number): Promise<LanguageVersion[]>;
}

/** A listed (public) version of a page, for hreflang and "Also in" links. */
export interface PublicVersion {
  releaseId: number;
  language: Language;
  boardSlug: string;
  number: number;
  isAuthoritative: boolean;
}

/**
 * Public reads of translation groups. Both apply the public-visibility rule (listed now), so a
 * draft, embargoed or withdrawn version is never returned.
 */
export interface PublicTranslations {
  /** The listed versions of a release's group (the release itself included, when listed). */
  listedVersionsOf(releaseId: number, now: Date): Promise<PublicVersion[]>;
  /** Every listed version in a group with another listed version, keyed by group (for the sitemap). */
  listedGroups(now: Date): Promise<Map<string, PublicVersion[]>>;
}
