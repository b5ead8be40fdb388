import { z } from 'zod';
import { BOARD_KINDS } from '../../domain/board.js';
import { LANGUAGES } from '../../domain/language.js';
import { EDITION_STATES, RELEASE_STATUSES } from '../../domain/release.js';
import { normaliseText } from '../../domain/text.js';
import { ROLES } from '../../domain/user.js';

/**
 * The Pressroom export format (docs/export-format.md): a directory with `manifest.json`, one NDJSON
 * file per stream below and `files/<sha256>`. Keys are snake_case, times ISO 8601 UTC with
 * milliseconds, ids are those of the exporting database (an import keeps them).
 */
export const EXPORT_FORMAT = 'pressroom-export';
export const EXPORT_VERSION = 1;

const id = z.number().int().positive();
const time = z.iso.datetime({ offset: false, precision: 3 });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case SHA-256 hex digest');
const count = z.number().int().nonnegative();
/** Public text, normalised on import like every other writer's (control characters out, NFC; #13). */
const text = () => z.string().overwrite(normaliseText);
/**
 * Any JSON value (what JSON.parse returns: no NaN, Infinity or undefined). Checked by one small
 * recursive function instead of z.json(), whose union of unions made it half of the import's
 * validation time; it accepts and refuses exactly the same values and keeps the value as it is.
 */
export function isJsonValue(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (Array.isArray(value)) return value.every(isJsonValue);
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return false;
      for (const key of Object.keys(value)) if (!isJsonValue((value as Record<string, unknown>)[key])) return false;
      return true;
    default:
      return false;
  }
}
type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
const json = z.custom<JsonValue>(isJsonValue, 'Expected a JSON value');

export const boardRecord = z.strictObject({
  id,
  slug: z.string().min(1),
  kind: z.enum(BOARD_KINDS),
  name_ko: z.string(),
  name_en: z.string(),
  position: z.number().int(),
  created_at: time,
});

export const boardCounterRecord = z.strictObject({
  board_id: id,
  language: z.enum(LANGUAGES),
  last_number: count,
});

/** A staff account without any secret: no password hash, TOTP secret, recovery code or session. */
export const userRecord = z.strictObject({
  id,
  email: z.string().min(3),
  name: z.string(),
  role: z.enum(ROLES),
  disabled_at: time.nullable(),
  created_at: time,
  updated_at: time,
});

export const attachmentRecord = z.strictObject({
  id,
  position: z.number().int(),
  sha256,
  file_name: z.string().min(1),
  mime_type: z.string().min(1),
  byte_size: count,
  caption: text(),
  credit: text(),
  alt_text: text(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});

export const revisionRecord = z.strictObject({
  id,
  revision_no: z.number().int().positive(),
  /** The edition's content as saved (title, subtitle, body, ...), as the revision history shows it. */
  content: json,
  author_id: id.nullable(),
  author_label: z.string(),
  created_at: time,
});

export const editionRecord = z.strictObject({
  id,
  edition_no: z.number().int().positive(),
  state: z.enum(EDITION_STATES),
  title: text(),
  subtitle: z.array(text()),
  body_markdown: text(),
  department: text(),
  contact_name: text().nullable(),
  contact_phone: text().nullable(),
  contact_email: text().nullable(),
  tags: z.array(text()),
  change_note: text().nullable(),
  is_minor_change: z.boolean().nullable(),
  review_comment: z.string().nullable(),
  embargo_until: time.nullable(),
  scheduled_at: time.nullable(),
  published_at: time.nullable(),
  created_at: time,
  updated_at: time,
  lock_version: z.number().int(),
  created_by: id.nullable(),
  submitted_by: id.nullable(),
  approved_by: id.nullable(),
  /** The editor asked to review it (#16); absent in exports made before it existed. */
  reviewer_id: id.nullable().default(null),
  attachments: z.array(attachmentRecord),
  revisions: z.array(revisionRecord),
});

/** A release with every edition (oldest first), each with its attachments and revisions. */
export const releaseRecord = z.strictObject({
  id,
  board_id: id,
  language: z.enum(LANGUAGES),
  number: z.number().int().positive().nullable(),
  status: z.enum(RELEASE_STATUSES),
  live_edition_id: id.nullable(),
  /** Releases sharing a group are translations of each other. */
  translation_group: z.string().nullable(),
  /** The version the others in its group translate. */
  is_authoritative: z.boolean(),
  /** A version in another language is still wanted. */
  translation_needed: z.boolean(),
  first_published_at: time.nullable(),
  public_at: time.nullable(),
  embargo_until: time.nullable(),
  public_updated_at: time.nullable(),
  withdrawn_at: time.nullable(),
  withdrawal_reason: text().nullable(),
  /** Set when the withdrawal took the content down (legal or safety takedown); absent in older exports. */
  content_removed_at: time.nullable().default(null),
  view_count: count,
  created_at: time,
  editions: z.array(editionRecord).min(1),
});

/** WebP copies of a photo, keyed by the original's SHA-256 and width. */
export const imageDerivativeRecord = z.strictObject({
  source_sha256: sha256,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  sha256,
  mime_type: z.string().min(1),
  byte_size: count,
  created_at: time,
});

/** Scheduled publications (and their history): pending ones run after the import. */
export const jobRecord = z.strictObject({
  id,
  kind: z.string().min(1),
  release_id: id,
  edition_id: id,
  run_at: time,
  status: z.string().min(1),
  attempts: count,
  locked_by: z.string().nullable(),
  locked_at: time.nullable(),
  last_error: z.string().nullable(),
  created_at: time,
  /** The publication time the job was made for (absent from exports made before it was kept: run_at). */
  scheduled_for: time.nullable().optional(),
  /** A running job's claim expires at this time. */
  lease_until: time.nullable().optional(),
});

/** Embargo preview links: only the SHA-256 of each secret token is stored, never the token. */
export const previewLinkRecord = z.strictObject({
  id,
  release_id: id,
  token_hash: sha256,
  recipient: z.string(),
  created_by: id.nullable(),
  created_at: time,
  revoked_at: time.nullable(),
  last_opened_at: time.nullable(),
  open_count: count,
});

/** Where an item brought in by `pressroom import` came from, so a re-run recognises it. */
export const importSourceRecord = z.strictObject({
  id,
  key_hash: sha256,
  source_key: z.string(),
  source_kind: z.string().min(1),
  content_hash: sha256,
  release_id: id.nullable(),
  imported_at: time,
  details: json,
});

export const auditRecord = z.strictObject({
  id,
  at: time,
  actor_id: id.nullable(),
  actor_label: z.string(),
  ip: z.string().nullable(),
  action: z.string().min(1),
  subject_type: z.string().min(1),
  subject_id: z.string().nullable(),
  details: json,
});

/** Every stream, in the order an import loads them (references point backwards only). */
export const STREAMS = {
  boards: boardRecord,
  board_counters: boardCounterRecord,
  users: userRecord,
  releases: releaseRecord,
  image_derivatives: imageDerivativeRecord,
  jobs: jobRecord,
  preview_links: previewLinkRecord,
  import_sources: importSourceRecord,
  audit_log: auditRecord,
} as const;
export type StreamName = keyof typeof STREAMS;
export const STREAM_NAMES = Object.keys(STREAMS) as StreamName[];
export type StreamRecord<S extends StreamName> = z.infer<(typeof STREAMS)[S]>;

export type BoardRecord = z.infer<typeof boardRecord>;
export type BoardCounterRecord = z.infer<typeof boardCounterRecord>;
export type UserRecord = z.infer<typeof userRecord>;
export type ReleaseRecord = z.infer<typeof releaseRecord>;
export type EditionRecord = z.infer<typeof editionRecord>;
export type AttachmentRecord = z.infer<typeof attachmentRecord>;
export type RevisionRecord = z.infer<typeof revisionRecord>;
export type ImageDerivativeRecord = z.infer<typeof imageDerivativeRecord>;
export type JobRecord = z.infer<typeof jobRecord>;
export type PreviewLinkRecord = z.infer<typeof previewLinkRecord>;
export type ImportSourceRecord = z.infer<typeof importSourceRecord>;
export type AuditRecord = z.infer<typeof auditRecord>;

export const streamFile = (name: StreamName) => `${name}.ndjson`;

export const manifestSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int().positive(),
  created_at: time,
  generator: z.string(),
  /** Per stream: its file, its number of lines and the SHA-256 of the file's bytes. */
  streams: z.record(z.enum(STREAM_NAMES as [StreamName, ...StreamName[]]), z.strictObject({ file: z.string(), count, sha256 })),
  files: z.strictObject({ count, bytes: count }),
});
export type Manifest = z.infer<typeof manifestSchema>;
