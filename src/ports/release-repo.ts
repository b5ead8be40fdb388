import type { Language } from '../domain/language.js';
import type { ChangeNote, Release } from '../domain/release.js';

export interface NewRelease {
  boardId: number;
  language: Language;
  translationGroup: string | null;
  createdAt: Date;
}

export interface PublishedState {
  liveEditionId: number;
  number: number;
  firstPublishedAt: Date;
  publicAt: Date;
  embargoUntil: Date | null;
  publicUpdatedAt: Date;
}

/**
 * Write-side access to releases: the public identity of a text (board, language, number, status).
 * Its texts are editions (EditionRepo), its files attachments (AttachmentRepo). Called inside a unit of work.
 */
export interface ReleaseRepo {
  createRelease(input: NewRelease): Promise<Release>;
  getRelease(id: number): Promise<Release | null>;
  /**
   * The release, held until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite has one writer),
   * so two workflow actions on one release (the scheduler publishing, an editor unscheduling) run
   * one after the other and the second sees what the first did.
   */
  getReleaseForUpdate(id: number): Promise<Release | null>;
  /** Takes the next permanent number of (board, language); the counter row is locked by the update. */
  allocateNumber(boardId: number, language: Language): Promise<number>;
  markPublished(releaseId: number, state: PublishedState): Promise<void>;
  /** Withdraws a release; `removeContent` also takes its content down (a legal or safety takedown). */
  markWithdrawn(releaseId: number, at: Date, reason: string, removeContent?: boolean): Promise<void>;
  /** Public change notes of a release's published corrections, newest first. */
  changeNotes(releaseId: number): Promise<ChangeNote[]>;
}
