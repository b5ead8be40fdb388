import type { Selectable } from 'kysely';
import type {
  AttachmentRecord,
  AuditRecord,
  BoardCounterRecord,
  BoardRecord,
  EditionRecord,
  ImageDerivativeRecord,
  ImportSourceRecord,
  JobRecord,
  PreviewLinkRecord,
  ReleaseRecord,
  RevisionRecord,
  UserRecord,
} from '../../app/transfer/export-format.js';
import type { Database } from '../db/schema.js';

/** Row <-> export record mappers. Times: epoch ms in rows, ISO 8601 in records. */
type Row<T extends keyof Database> = Selectable<Database[T]>;

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const ms = (text: string) => Date.parse(text);
const msOrNull = (text: string | null) => (text === null ? null : Date.parse(text));

/**
 * Imported accounts get a password hash no password matches (the hasher treats a malformed stored
 * hash as a mismatch), so nobody can sign in with one until an admin sets a new password.
 */
export const NO_PASSWORD = '!imported: no password set';

export const boardToRecord = (r: Row<'boards'>): BoardRecord => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind as BoardRecord['kind'],
  name_ko: r.name_ko,
  name_en: r.name_en,
  position: r.position,
  created_at: iso(r.created_at),
});
export const boardToRow = (b: BoardRecord): Row<'boards'> => ({ ...b, created_at: ms(b.created_at) });

export const counterToRecord = (r: Row<'board_counters'>): BoardCounterRecord => ({
  board_id: r.board_id,
  language: r.language as BoardCounterRecord['language'],
  last_number: r.last_number,
});

export const userToRecord = (r: Row<'users'>): UserRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role as UserRecord['role'],
  disabled_at: isoOrNull(r.disabled_at),
  created_at: iso(r.created_at),
  updated_at: iso(r.updated_at),
});
export const userToRow = (u: UserRecord): Row<'users'> => ({
  ...u,
  password_hash: NO_PASSWORD,
  password_changed_at: ms(u.updated_at),
  totp_secret: null,
  totp_pending_secret: null,
  totp_enabled_at: null,
  totp_last_step: null,
  // The email notification choice is not in the export format: an imported account starts in-app only.
  notify_by_email: 0,
  disabled_at: msOrNull(u.disabled_at),
  created_at: ms(u.created_at),
  updated_at: ms(u.updated_at),
});

export const attachmentToRecord = (r: Row<'attachments'>): AttachmentRecord => ({
  id: r.id,
  position: r.position,
  sha256: r.sha256,
  file_name: r.file_name,
  mime_type: r.mime_type,
  byte_size: Number(r.byte_size),
  caption: r.caption,
  credit: r.credit,
  alt_text: r.alt_text,
  width: r.width,
  height: r.height,
});
export const attachmentToRow = (a: AttachmentRecord, editionId: number): Row<'attachments'> => ({ ...a, edition_id: editionId });

export const revisionToRecord = (r: Row<'revisions'>): RevisionRecord => ({
  id: r.id,
  revision_no: r.revision_no,
  content: JSON.parse(r.content) as RevisionRecord['content'],
  author_id: r.author_id,
  author_label: r.author_label,
  created_at: iso(r.created_at),
});
export const revisionToRow = (v: RevisionRecord, editionId: number): Row<'revisions'> => ({
  ...v,
  edition_id: editionId,
  content: JSON.stringify(v.content),
  created_at: ms(v.created_at),
  // The export format carries no autosave mark (#16): an imported revision is a plain one.
  autosave_started_at: null,
});

export function editionToRecord(r: Row<'editions'>, attachments: AttachmentRecord[], revisions: RevisionRecord[]): EditionRecord {
  return {
    id: r.id,
    edition_no: r.edition_no,
    state: r.state as EditionRecord['state'],
    title: r.title,
    subtitle: JSON.parse(r.subtitle) as string[],
    body_markdown: r.body_markdown,
    department: r.department,
    contact_name: r.contact_name,
    contact_phone: r.contact_phone,
    contact_email: r.contact_email,
    tags: JSON.parse(r.tags) as string[],
    change_note: r.change_note,
    is_minor_change: r.is_minor_change === null ? null : Boolean(r.is_minor_change),
    review_comment: r.review_comment,
    embargo_until: isoOrNull(r.embargo_until),
    scheduled_at: isoOrNull(r.scheduled_at),
    published_at: isoOrNull(r.published_at),
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
    lock_version: r.lock_version,
    created_by: r.created_by,
    submitted_by: r.submitted_by,
    approved_by: r.approved_by,
    reviewer_id: r.reviewer_id,
    attachments,
    revisions,
  };
}
export function editionToRow(e: EditionRecord, releaseId: number): Row<'editions'> {
  const { attachments: _a, revisions: _r, ...fields } = e;
  return {
    ...fields,
    release_id: releaseId,
    // The press-contact directory is not part of the export format: imported editions keep the details they carry.
    contact_id: null,
    subtitle: JSON.stringify(e.subtitle),
    tags: JSON.stringify(e.tags),
    is_minor_change: e.is_minor_change === null ? null : e.is_minor_change ? 1 : 0,
    embargo_until: msOrNull(e.embargo_until),
    scheduled_at: msOrNull(e.scheduled_at),
    published_at: msOrNull(e.published_at),
    created_at: ms(e.created_at),
    updated_at: ms(e.updated_at),
  };
}

export function releaseToRecord(r: Row<'releases'>, editions: EditionRecord[]): ReleaseRecord {
  return {
    id: r.id,
    board_id: r.board_id,
    language: r.language as ReleaseRecord['language'],
    number: r.number,
    status: r.status as ReleaseRecord['status'],
    live_edition_id: r.live_edition_id,
    translation_group: r.translation_group,
    is_authoritative: Boolean(r.is_authoritative),
    translation_needed: Boolean(r.translation_needed),
    first_published_at: isoOrNull(r.first_published_at),
    public_at: isoOrNull(r.public_at),
    embargo_until: isoOrNull(r.embargo_until),
    public_updated_at: isoOrNull(r.public_updated_at),
    withdrawn_at: isoOrNull(r.withdrawn_at),
    withdrawal_reason: r.withdrawal_reason,
    content_removed_at: isoOrNull(r.content_removed_at),
    view_count: Number(r.view_count),
    created_at: iso(r.created_at),
    editions,
  };
}
export function releaseToRow(r: ReleaseRecord): Row<'releases'> {
  const { editions: _e, ...fields } = r;
  return {
    ...fields,
    is_authoritative: r.is_authoritative ? 1 : 0,
    translation_needed: r.translation_needed ? 1 : 0,
    first_published_at: msOrNull(r.first_published_at),
    public_at: msOrNull(r.public_at),
    embargo_until: msOrNull(r.embargo_until),
    public_updated_at: msOrNull(r.public_updated_at),
    withdrawn_at: msOrNull(r.withdrawn_at),
    content_removed_at: msOrNull(r.content_removed_at),
    created_at: ms(r.created_at),
  };
}

export const derivativeToRecord = (r: Row<'image_derivatives'>): ImageDerivativeRecord => ({
  source_sha256: r.source_sha256,
  width: r.width,
  height: r.height,
  sha256: r.sha256,
  mime_type: r.mime_type,
  byte_size: Number(r.byte_size),
  created_at: iso(r.created_at),
});
export const derivativeToRow = (d: ImageDerivativeRecord): Row<'image_derivatives'> => ({ ...d, created_at: ms(d.created_at) });

export const jobToRecord = (r: Row<'jobs'>): JobRecord => ({
  id: r.id,
  kind: r.kind,
  release_id: r.release_id,
  edition_id: r.edition_id,
  run_at: iso(r.run_at),
  status: r.status,
  attempts: r.attempts,
  locked_by: r.locked_by,
  locked_at: isoOrNull(r.locked_at),
  last_error: r.last_error,
  created_at: iso(r.created_at),
  // Written only when set, so a job imported from an export made before these existed hashes as it did.
  ...(r.scheduled_for !== null ? { scheduled_for: iso(r.scheduled_for) } : {}),
  ...(r.lease_until !== null ? { lease_until: iso(r.lease_until) } : {}),
});
export const jobToRow = (j: JobRecord): Row<'jobs'> => ({
  ...j,
  run_at: ms(j.run_at),
  locked_at: msOrNull(j.locked_at),
  created_at: ms(j.created_at),
  scheduled_for: msOrNull(j.scheduled_for ?? null),
  lease_until: msOrNull(j.lease_until ?? null),
});

export const previewLinkToRecord = (r: Row<'preview_links'>): PreviewLinkRecord => ({
  id: r.id,
  release_id: r.release_id,
  token_hash: r.token_hash,
  recipient: r.recipient,
  created_by: r.created_by,
  created_at: iso(r.created_at),
  revoked_at: isoOrNull(r.revoked_at),
  last_opened_at: isoOrNull(r.last_opened_at),
  open_count: r.open_count,
});
export const previewLinkToRow = (p: PreviewLinkRecord): Row<'preview_links'> => ({
  ...p,
  created_at: ms(p.created_at),
  revoked_at: msOrNull(p.revoked_at),
  last_opened_at: msOrNull(p.last_opened_at),
});

export const importSourceToRecord = (r: Row<'import_sources'>): ImportSourceRecord => ({
  id: r.id,
  key_hash: r.key_hash,
  source_key: r.source_key,
  source_kind: r.source_kind,
  content_hash: r.content_hash,
  release_id: r.release_id,
  imported_at: iso(r.imported_at),
  details: JSON.parse(r.details) as ImportSourceRecord['details'],
});
export const importSourceToRow = (i: ImportSourceRecord): Row<'import_sources'> => ({ ...i, imported_at: ms(i.imported_at), details: JSON.stringify(i.details) });

export const auditToRecord = (r: Row<'audit_log'>): AuditRecord => ({
  id: r.id,
  at: iso(r.at),
  actor_id: r.actor_id,
  actor_label: r.actor_label,
  ip: r.ip,
  action: r.action,
  subject_type: r.subject_type,
  subject_id: r.subject_id,
  details: JSON.parse(r.details) as AuditRecord['details'],
});
export const auditToRow = (a: AuditRecord): Row<'audit_log'> => ({ ...a, at: ms(a.at), details: JSON.stringify(a.details) });
