import type { Localized } from './language.js';

/** What a board holds; it decides how lists and pages present items (a photo board shows a grid). */
export const BOARD_KINDS = ['press_release', 'news', 'statement', 'photo'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

export interface Board {
  id: number;
  /** URL segment shared by every language: /en/press-releases, /ko/press-releases. */
  slug: string;
  kind: BoardKind;
  name: Localized;
  position: number;
}

/** A board slug: lower-case letters and digits in words joined by single hyphens (press-releases). */
export const BOARD_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const BOARD_SLUG_MAX_CHARS = 60;

export function isValidBoardSlug(slug: string): boolean {
  return slug.length <= BOARD_SLUG_MAX_CHARS && BOARD_SLUG_PATTERN.test(slug);
}
