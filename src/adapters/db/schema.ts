import type { Generated } from 'kysely';

/**
 * Row types as stored. Times are epoch milliseconds (bigint) on both databases, so comparisons and
 * ordering behave the same everywhere; mappers turn them into Dates.
 */
export interface SiteStateTable {
  id: number;
  content_version: number;
}

export interface BoardsTable {
  id: Generated<number>;
  slug: string;
  kind: string;
  name_ko: string;
  name_en: string;
  position: number;
  created_at: number;
}

export interface BoardCountersTable {
  board_id: number;
  language: string;
  last_number: number;
}

export interface ReleasesTable {
  id: Generated<number>;
  board_id: number;
  language: string;
  number: number | null;
  status: string;
  live_edition_id: number | null;
  first_published_at: number | null;
  public_at: number | null;
  embargo_until: number | null;
  public_updated_at: number | null;
  withdrawn_at: number | null;
  withdrawal_reason: string | null;
  translation_group: string | null;
  view_count: Generated<number>;
  created_at: number;
}

export interface EditionsTable {
  id: Generated<number>;
  release_id: number;
  edition_no: number;
  state: string;
  title: string;
  /** JSON array of strings. */
  subtitle: string;
  body_markdown: string;
  department: string;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  /** JSON array of strings. */
  tags: string;
  change_note: string | null;
  published_at: number | null;
  created_at: number;
  updated_at: number;
  lock_version: number;
}

export interface AttachmentsTable {
  id: Generated<number>;
  edition_id: number;
  position: number;
  sha256: string;
  file_name: string;
  mime_type: string;
  byte_size: number;
  caption: string;
  credit: string;
  alt_text: string;
  width: number | null;
  height: number | null;
}

export interface Database {
  site_state: SiteStateTable;
  boards: BoardsTable;
  board_counters: BoardCountersTable;
  releases: ReleasesTable;
  editions: EditionsTable;
  attachments: AttachmentsTable;
}
