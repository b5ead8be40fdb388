import type { Generated } from 'kysely';
import type { AccountsTables } from './schema-accounts.js';
import type { DistributionTables } from './schema-distribution.js';
import type { WebhookTables } from './schema-webhooks.js';
import type { JournalistTables } from './schema-journalists.js';
import type { ReadershipTables } from './schema-readership.js';

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
  /** When a withdrawal also took the content down (2026120313-content-removal). */
  content_removed_at: number | null;
  translation_group: string | null;
  /** 1 on the version the others translate (2026112808-translations). */
  is_authoritative: Generated<number>;
  /** 1 while a version in another language is wanted. */
  translation_needed: Generated<number>;
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
  /** The press-contact directory entry the contact was picked from (2026120416-press-contacts). */
  contact_id: number | null;
  /** JSON array of strings. */
  tags: string;
  change_note: string | null;
  published_at: number | null;
  created_at: number;
  updated_at: number;
  lock_version: number;
  created_by: number | null;
  submitted_by: number | null;
  approved_by: number | null;
  scheduled_at: number | null;
  embargo_until: number | null;
  review_comment: string | null;
  is_minor_change: number | null;
  /** The editor asked to review it (migration 2026120410). */
  reviewer_id: number | null;
}

export interface RevisionsTable {
  id: Generated<number>;
  edition_id: number;
  revision_no: number;
  /** JSON of EditionContent. */
  content: string;
  author_id: number | null;
  author_label: string;
  created_at: number;
  /** When the autosave run that wrote it started (#16); null for an explicit save. */
  autosave_started_at: Generated<number | null>;
}

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  release_id: number;
  edition_id: number;
  run_at: number;
  status: string;
  attempts: Generated<number>;
  locked_by: string | null;
  locked_at: number | null;
  last_error: string | null;
  created_at: number;
  /** The publication time the job was made for (migration 2026120312); null only on rows from older exports. */
  scheduled_for: number | null;
  /** A running job's claim expires at this time; then any worker may claim it again. */
  lease_until: number | null;
}

/** Releases whose search entry must be brought up to date, written with the change (migration 2026120312). */
export interface SearchOutboxTable {
  id: Generated<number>;
  release_id: number;
  queued_at: number;
}

export interface PreviewLinksTable {
  id: Generated<number>;
  release_id: number;
  token_hash: string;
  recipient: string;
  created_by: number | null;
  created_at: number;
  revoked_at: number | null;
  last_opened_at: number | null;
  open_count: Generated<number>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  actor_id: number | null;
  actor_label: string;
  ip: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  details: string;
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

/** The press-contact directory (#16, 2026120416-press-contacts). */
export interface PressContactsTable {
  id: Generated<number>;
  language: string;
  name: string;
  role: string;
  phone: string;
  email: string;
  created_at: number;
  updated_at: number;
}

/** WebP copies of a photo, one row per (original, width). */
export interface ImageDerivativesTable {
  source_sha256: string;
  width: number;
  height: number;
  sha256: string;
  mime_type: string;
  byte_size: number;
  created_at: number;
}

/**
 * SQLite's FTS5 table of pre-tokenized text (domain/search-text.ts), contentless (2026112809):
 * `facets` holds the filter terms (adapters/search/search-documents.ts); rowid is the entry's
 * `sort_key` in `search_fts_entries`, not the release id.
 */
export interface SearchFtsTable {
  rowid: bigint | number;
  title: string;
  body: string;
  facets: string;
}

/** The filter columns every search index entry carries, copied from its release. */
export interface SearchFilterColumns {
  release_id: number;
  language: string;
  board_id: number;
  first_published_at: number;
  /** Publication or embargo end; searches skip entries whose time has not come. */
  public_at: number;
  department: string;
  /** JSON array of strings. */
  tags: string;
}

/** SHA-256 of the indexed document (migration 2026120312); null on entries written before it. */
export interface SearchEntryDigest {
  digest: string | null;
}

/**
 * One row per release in SQLite's search index: its FTS5 rowid (first publication x 2^20 + id, a
 * bigint) and the filter columns as indexed, so searches need no join with `releases`.
 */
export interface SearchFtsEntriesTable extends SearchFilterColumns, SearchEntryDigest {
  sort_key: bigint | number;
}

/** PostgreSQL's search table: a tsvector of the same pre-tokenized text and facet lexemes, GIN-indexed, with the filter columns. */
export interface SearchDocumentsTable extends SearchFilterColumns, SearchEntryDigest {
  /** tsvector; written and read through sql only. */
  document: string;
}

/** API tokens (migration 2026112806-api-tokens); times are epoch ms, `scopes` a JSON array. */
export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  owner_id: number;
  /** SHA-256 hex of the secret; the secret itself is never stored. */
  token_hash: string;
  /** The secret's public prefix ("prt_" and a few characters), to tell tokens apart. */
  token_hint: string;
  scopes: string;
  created_by: number | null;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  revoked_by: number | null;
  last_used_at: number | null;
}

/** Imported source items (migration 2026112807-import-sources); `details` is JSON. */
export interface ImportSourcesTable {
  id: Generated<number>;
  /** SHA-256 hex of `source_key`: the unique identity of the source item. */
  key_hash: string;
  source_key: string;
  source_kind: string;
  content_hash: string;
  release_id: number | null;
  imported_at: number;
  details: string;
}

/** Text views of stored files and their extraction jobs (migration 2026120330), by content address. */
export interface AttachmentTextsTable {
  sha256: string;
  mime_type: string;
  /** pending | running | done | failed */
  status: string;
  attempts: Generated<number>;
  locked_by: string | null;
  lease_until: number | null;
  run_at: number;
  html: string | null;
  plain_text: string | null;
  language: string | null;
  /** Why the view is incomplete (cut at a limit, preview text only), or null. */
  partial: string | null;
  /** Why there is no text view (failed), or the last error of a retried attempt. */
  reason: string | null;
  page_count: number | null;
  queued_at: number;
  extracted_at: number | null;
}

export interface Database extends AccountsTables, DistributionTables, WebhookTables, JournalistTables, ReadershipTables {
  import_sources: ImportSourcesTable;
  api_tokens: ApiTokensTable;
  search_fts: SearchFtsTable;
  search_fts_entries: SearchFtsEntriesTable;
  search_documents: SearchDocumentsTable;
  site_state: SiteStateTable;
  boards: BoardsTable;
  board_counters: BoardCountersTable;
  releases: ReleasesTable;
  editions: EditionsTable;
  attachments: AttachmentsTable;
  image_derivatives: ImageDerivativesTable;
  press_contacts: PressContactsTable;
  revisions: RevisionsTable;
  jobs: JobsTable;
  search_outbox: SearchOutboxTable;
  attachment_texts: AttachmentTextsTable;
  preview_links: PreviewLinksTable;
  audit_log: AuditLogTable;
}
