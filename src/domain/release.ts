import type { Language } from './language.js';
import { LIMITS } from './limits.js';

/**
 * A release is the permanent thing with a URL; its content lives in editions (Whitehall's
 * document/edition split). One edition is live; later editions are drafts of corrections.
 *
 * - `unpublished`: never public; it has no number yet.
 * - `published`: the live edition is public from `publicAt` (publish time, or the embargo end).
 * - `withdrawn`: the page stays with a withdrawal notice; it leaves lists and feeds. A withdrawal
 *   may also remove the content (`contentRemovedAt`): then only title, dates and notice stay public.
 */
export const RELEASE_STATUSES = ['unpublished', 'published', 'withdrawn'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

/** Workflow state of one edition; transitions are verbs (submit, approve, schedule, publish). */
export const EDITION_STATES = ['draft', 'in_review', 'approved', 'scheduled', 'published', 'superseded'] as const;
export type EditionState = (typeof EDITION_STATES)[number];

export interface PressContact {
  name: string;
  phone: string;
  email: string;
  /** The directory entry it was picked from (#16): public pages show that entry's current details. */
  contactId?: number | null;
  /** Role or title, from the directory entry (public pages only; not stored on the edition). */
  role?: string;
}

export interface Release {
  id: number;
  boardId: number;
  language: Language;
  /** Permanent "No." within (board, language), given at first publication and never reused. */
  number: number | null;
  status: ReleaseStatus;
  liveEditionId: number | null;
  /** The date shown as the release date: its first publication. */
  firstPublishedAt: Date | null;
  /** When the live edition becomes visible to the public (later than publication under embargo). */
  publicAt: Date | null;
  embargoUntil: Date | null;
  /** Last public change (publication or correction); feeds use it as `updated`. */
  publicUpdatedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  /**
   * Set when the withdrawal also took the content down (legal or safety takedown): the public page
   * keeps only the title, dates and notice; files, print view and the API body are gone (410).
   */
  contentRemovedAt: Date | null;
  /** Releases that are language versions of each other share a group key. */
  translationGroup: string | null;
  viewCount: number;
  createdAt: Date;
}

/** The content fields a writer edits. */
export interface EditionContent {
  title: string;
  /** Dash-led standfirst lines, stored without the dash. */
  subtitle: string[];
  bodyMarkdown: string;
  department: string;
  contact: PressContact | null;
  tags: string[];
}

/** One version of a release's content with its workflow state. */
export interface Edition extends EditionContent {
  id: number;
  releaseId: number;
  editionNo: number;
  state: EditionState;
  /** Public change note of a correction; null for the first edition or a minor edit. */
  changeNote: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic-locking version: a save must name the version it started from. */
  lockVersion: number;
  createdBy: number | null;
  submittedBy: number | null;
  approvedBy: number | null;
  /** When a scheduled edition is to be published. */
  scheduledAt: Date | null;
  /** Planned embargo: publication makes the release public only from this time. */
  embargoUntil: Date | null;
  /** The reviewer's comment when the edition was sent back. */
  reviewComment: string | null;
  /** The editor asked to review it (assigned while it is in review); null when nobody was. */
  reviewerId: number | null;
  /** A correction published without a public change note. */
  isMinorChange: boolean;
}

/** A public correction note, shown on the page as "Updated <date>: <note>". */
export interface ChangeNote {
  at: Date;
  note: string;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Splits text into user-perceived characters, so Hangul, accents and emoji count as one each. */
export function characters(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * The list title as the source board shows it: the first 64 characters followed by "..." when the
 * title is longer. Characters, not bytes or UTF-16 units, so Korean titles cut at the same length.
 */
export function listTitle(title: string, limit: number = LIMITS.listTitleChars): string {
  // A string has at least as many UTF-16 units as characters: short ones need no segmenting.
  if (title.length <= limit) return title;
  const chars = characters(title);
  if (chars.length <= limit) return title;
  // A cut that ends on a space would read "word ...": the space goes (#17).
  return chars.slice(0, limit).join('').trimEnd() + '...';
}

/** Whether a title is cut in lists (the view then offers the full title to screen readers). */
export function isListTitleCut(title: string, limit: number = LIMITS.listTitleChars): boolean {
  if (title.length <= limit) return false;
  return characters(title).length > limit;
}

/**
 * The public-visibility rule, in one place. A release is on public lists when it is published and
 * its public time has come; its page also stays reachable (with a notice) once withdrawn.
 * Database adapters express the same rule as a query (see adapters/db/public-visibility.ts).
 */
export function isListedPublicly(release: Pick<Release, 'status' | 'publicAt'>, now: Date): boolean {
  return release.status === 'published' && release.publicAt !== null && release.publicAt <= now;
}

export function isPagePublic(release: Pick<Release, 'status' | 'publicAt'>, now: Date): boolean {
  return (release.status === 'published' || release.status === 'withdrawn') && release.publicAt !== null && release.publicAt <= now;
}

/** Whether a release's content was taken down: its body, files and print view are gone (410). */
export function isContentRemoved(release: Pick<Release, 'contentRemovedAt'>): boolean {
  return release.contentRemovedAt !== null;
}

/**
 * The public face of an edition whose content was taken down: the title stays (the notice names
 * what was withdrawn), everything else is blanked, so no reader of the public catalog can show it.
 */
export function withContentRemoved(edition: Edition): Edition {
  return { ...edition, subtitle: [], bodyMarkdown: '', department: '', contact: null, tags: [], changeNote: null };
}

/** When a publication becomes public: at publish time, or at the end of an embargo if later. */
export function publicTimeFor(publishedAt: Date, embargoUntil: Date | null): Date {
  return embargoUntil && embargoUntil > publishedAt ? embargoUntil : publishedAt;
}

/** Normalises subtitle lines typed with or without their leading dash ("- text", "– text"). */
export function normaliseSubtitleLine(line: string): string {
  return line.replace(/^\s*[-–—]\s*/, '').trim();
}
