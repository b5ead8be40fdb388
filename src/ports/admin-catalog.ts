import type { Language } from '../domain/language.js';
import type { EditionState, ReleaseStatus } from '../domain/release.js';

/** The small picture a staff list shows for a release: a 480 px WebP copy when one exists, else the original. */
export interface AdminThumbnail {
  sha256: string;
  fileName: string;
  altText: string;
}

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
  /** The latest edition's first image attachment, or null (#16). */
  thumbnail: AdminThumbnail | null;
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
  /**
   * Words the latest edition's title must all contain (case-insensitive, anywhere in the title, so
   * 합참의장 finds 합참의장을). Not the public search index: that holds public releases only (#16).
   */
  titleWords?: string[];
  /** One of the latest edition's tags, exactly. */
  tag?: string;
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

/** A stored image a staff page may show: an image attachment of any edition, or one of its WebP copies. */
export interface AdminImageFile {
  sha256: string;
  fileName: string;
  mimeType: string;
  byteSize: number;
}

/** Staff-side listing: every release with its latest edition, whatever its state. */
export interface AdminCatalog {
  list(query: AdminReleaseQuery): Promise<{ rows: AdminReleaseRow[]; total: number }>;
  /** An image attachment or WebP copy by content address, for staff thumbnails; null for anything else. */
  imageFile(sha256: string): Promise<AdminImageFile | null>;
}
