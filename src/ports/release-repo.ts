import type { Attachment, ImageDerivative } from '../domain/attachment.js';
import type { Language } from '../domain/language.js';
import type { ChangeNote, Edition, EditionContent, EditionState, Release } from '../domain/release.js';

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
  createdBy: number | null;
  createdAt: Date;
}

export type NewAttachment = Omit<Attachment, 'id' | 'position'> & { position?: number };

/** The texts staff write about an attachment after upload. */
export interface AttachmentText {
  caption: string;
  credit: string;
  altText: string;
}

export interface PublishedState {
  liveEditionId: number;
  number: number;
  firstPublishedAt: Date;
  publicAt: Date;
  embargoUntil: Date | null;
  publicUpdatedAt: Date;
}

/** Workflow fields of an edition that a transition may change; absent keys stay as they are. */
export interface EditionWorkflowPatch {
  state?: EditionState;
  submittedBy?: number | null;
  approvedBy?: number | null;
  scheduledAt?: Date | null;
  embargoUntil?: Date | null;
  reviewComment?: string | null;
  changeNote?: string | null;
  isMinorChange?: boolean;
  publishedAt?: Date | null;
}

export interface Revision {
  id: number;
  editionId: number;
  revisionNo: number;
  content: EditionContent;
  authorId: number | null;
  authorLabel: string;
  createdAt: Date;
}

/** Write-side access to releases, editions, attachments and revisions. Called inside a unit of work. */
export interface ReleaseRepo {
  createRelease(input: NewRelease): Promise<Release>;
  getRelease(id: number): Promise<Release | null>;
  /**
   * The release, held until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite has one writer),
   * so two workflow actions on one release (the scheduler publishing, an editor unscheduling) run
   * one after the other and the second sees what the first did.
   */
  getReleaseForUpdate(id: number): Promise<Release | null>;
  createEdition(input: NewEdition): Promise<Edition>;
  getEdition(id: number): Promise<Edition | null>;
  latestEdition(releaseId: number): Promise<Edition | null>;
  /**
   * Saves content only if the edition is still at `expectedLockVersion`; returns the new edition,
   * or null when someone else saved first (the caller raises a conflict).
   */
  updateEditionContent(id: number, content: EditionContent, expectedLockVersion: number, at: Date): Promise<Edition | null>;
  setEditionState(id: number, state: EditionState, publishedAt: Date | null, at: Date): Promise<void>;
  /** Applies a workflow transition's field changes and bumps the lock version. */
  updateEditionWorkflow(id: number, patch: EditionWorkflowPatch, at: Date): Promise<Edition>;
  /**
   * Names (or clears) the editor asked to review an edition. The text is unchanged, so the lock
   * version stays: nobody's open page turns stale because a reviewer was named (#16).
   */
  assignReviewer(editionId: number, reviewerId: number | null): Promise<void>;
  addAttachment(input: NewAttachment): Promise<Attachment>;
  attachmentsOf(editionId: number): Promise<Attachment[]>;
  getAttachment(id: number): Promise<Attachment | null>;
  /** Replaces caption, credit and alt text; returns the updated row, or null when it is gone. */
  updateAttachment(id: number, text: AttachmentText): Promise<Attachment | null>;
  /** Removes the attachment row; the stored bytes stay (other editions may share them). */
  removeAttachment(id: number): Promise<void>;
  /** Numbers the edition's attachments 1..n in the given order of ids. */
  setAttachmentOrder(editionId: number, orderedIds: readonly number[]): Promise<void>;
  /** Records a WebP copy of an original; a second record for the same original and width is ignored. */
  addImageDerivative(derivative: ImageDerivative, at: Date): Promise<void>;
  /** The copies made of these originals, narrowest first. */
  imageDerivativesOf(sourceSha256s: readonly string[]): Promise<ImageDerivative[]>;
  /** Copies attachment rows (same stored bytes) into a new edition, keeping their order. */
  copyAttachments(fromEditionId: number, toEditionId: number): Promise<void>;
  /** Takes the next permanent number of (board, language); the counter row is locked by the update. */
  allocateNumber(boardId: number, language: Language): Promise<number>;
  markPublished(releaseId: number, state: PublishedState): Promise<void>;
  /** Withdraws a release; `removeContent` also takes its content down (a legal or safety takedown). */
  markWithdrawn(releaseId: number, at: Date, reason: string, removeContent?: boolean): Promise<void>;
  /** Public change notes of a release's published corrections, newest first. */
  changeNotes(releaseId: number): Promise<ChangeNote[]>;
  addRevision(editionId: number, content: EditionContent, author: { id: number | null; label: string }, at: Date): Promise<Revision>;
  revisions(editionId: number): Promise<Revision[]>;
  getRevision(id: number): Promise<Revision | null>;
  /** Adds batched page views; ids of releases that no longer exist are ignored. */
  addViews(counts: ReadonlyMap<number, number>): Promise<void>;
}
