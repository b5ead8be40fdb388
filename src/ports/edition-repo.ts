import type { Edition, EditionContent, EditionState } from '../domain/release.js';

export interface NewEdition extends EditionContent {
  releaseId: number;
  state: EditionState;
  changeNote: string | null;
  createdBy: number | null;
  createdAt: Date;
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
  /** Written by the editor's autosave (#16): when that run started; null (or absent) for an explicit save. */
  autosaveStartedAt?: Date | null;
}

/** Write-side access to editions (one text of a release moving through the workflow) and their saved revisions. */
export interface EditionRepo {
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
  addRevision(editionId: number, content: EditionContent, author: { id: number | null; label: string }, at: Date, options?: { autosaveStartedAt?: Date }): Promise<Revision>;
  /** Replaces an autosave revision's content and time (the same author's next autosave, #16); returns it, or null when it is gone. */
  updateAutosaveRevision(id: number, content: EditionContent, at: Date): Promise<Revision | null>;
  revisions(editionId: number): Promise<Revision[]>;
  getRevision(id: number): Promise<Revision | null>;
}
