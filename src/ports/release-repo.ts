import type { Attachment } from '../domain/attachment.js';
import type { Language } from '../domain/language.js';
import type { Edition, EditionContent, EditionState, Release } from '../domain/release.js';

export interface NewRelease {
  boardId: number;
  language: Language;
  translationGroup: string | null;
  createdAt: Date;
}

export interface NewEdition extends EditionContent {
  releaseId: number;
  state: EditionState;
  changeNote: string | null;
  createdAt: Date;
}

export type NewAttachment = Omit<Attachment, 'id' | 'position'> & { position?: number };

export interface PublishedState {
  liveEditionId: number;
  number: number;
  firstPublishedAt: Date;
  publicAt: Date;
  embargoUntil: Date | null;
  publicUpdatedAt: Date;
}

/** Write-side access to releases, editions and attachments. Called inside a unit of work. */
export interface ReleaseRepo {
  createRelease(input: NewRelease): Promise<Release>;
  getRelease(id: number): Promise<Release | null>;
  createEdition(input: NewEdition): Promise<Edition>;
  getEdition(id: number): Promise<Edition | null>;
  latestEdition(releaseId: number): Promise<Edition | null>;
  /**
   * Saves content only if the edition is still at `expectedLockVersion`; returns the new edition,
   * or null when someone else saved first (the caller raises a conflict).
   */
  updateEditionContent(id: number, content: EditionContent, expectedLockVersion: number, at: Date): Promise<Edition | null>;
  setEditionState(id: number, state: EditionState, publishedAt: Date | null, at: Date): Promise<void>;
  addAttachment(input: NewAttachment): Promise<Attachment>;
  attachmentsOf(editionId: number): Promise<Attachment[]>;
  /** Takes the next permanent number of (board, language); the counter row is locked by the update. */
  allocateNumber(boardId: number, language: Language): Promise<number>;
  markPublished(releaseId: number, state: PublishedState): Promise<void>;
  /** Adds batched page views; ids of releases that no longer exist are ignored. */
  addViews(counts: ReadonlyMap<number, number>): Promise<void>;
  /** Bumps the site-wide content version so page caches in every process drop stale pages. */
  bumpContentVersion(): Promise<void>;
}
