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
}

export interface AdminReleaseQuery {
  boardSlug?: string;
  state?: EditionState;
  status?: ReleaseStatus;
  createdBy?: number;
  language?: Language;
  /** Only releases published but not yet public (under embargo) at this time. */
  embargoedAt?: Date;
  limit: number;
  offset: number;
}

/** Staff-side listing: every release with its latest edition, whatever its state. */
export interface AdminCatalog {
  list(query: AdminReleaseQuery): Promise<{ rows: AdminReleaseRow[]; total: number }>;
}
