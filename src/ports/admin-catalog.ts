import type { Language } from '../domain/language.js';
import type { EditionState, ReleaseStatus } from '../domain/release.js';

export interface AdminReleaseRow {
  releaseId: number;
  boardSlug: string;
  language: Language;
  number: number | null;
  status: ReleaseStatus;
  editionId: number;
  editionNo: number;
  state: EditionState;
  title: string;
  createdBy: number | null;
  updatedAt: Date;
  scheduledAt: Date | null;
  embargoUntil: Date | null;
  publicAt: Date | null;
  /** The reviewer's comment when the edition was sent back (#16). */
  reviewComment: string | null;
  /** The editor asked to review it (#16). */
  reviewerId: number | null;
}

export interface AdminReleaseQuery {
  boardSlug?: string;
  state?: EditionState;
  status?: ReleaseStatus;
  createdBy?: number;
  language?: Language;
  /** Only releases published but not yet public (under embargo) at this time. */
  embargoedAt?: Date;
  /** Only editions sent back with a comment (#16). */
  sentBack?: boolean;
  /** Only editions this person sent for review (#16). */
  submittedBy?: number;
  /** Only editions this editor was asked to review (#16). */
  reviewerId?: number;
  /** Only editions this person may review: asked of them or of nobody, and not created or sent by them (#16). */
  awaitingReviewBy?: number;
  limit: number;
  offset: number;
}

/** Staff-side listing: every release with its latest edition, whatever its state. */
export interface AdminCatalog {
  list(query: AdminReleaseQuery): Promise<{ rows: AdminReleaseRow[]; total: number }>;
}
