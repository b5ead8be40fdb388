import type { Selectable } from 'kysely';
import type { Attachment, ImageDerivative } from '../../domain/attachment.js';
import type { Board, BoardKind } from '../../domain/board.js';
import type { Language } from '../../domain/language.js';
import type { Edition, EditionState, Release, ReleaseStatus } from '../../domain/release.js';
import type { AttachmentsTable, BoardsTable, EditionsTable, ImageDerivativesTable, ReleasesTable } from './schema.js';

/** The one place rows become domain objects. */
const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(Number(ms)));

export function toBoard(row: Selectable<BoardsTable>): Board {
  return { id: row.id, slug: row.slug, kind: row.kind as BoardKind, name: { ko: row.name_ko, en: row.name_en }, position: row.position };
}

export function toRelease(row: Selectable<ReleasesTable>): Release {
  return {
    id: row.id,
    boardId: row.board_id,
    language: row.language as Language,
    number: row.number,
    status: row.status as ReleaseStatus,
    liveEditionId: row.live_edition_id,
    firstPublishedAt: toDate(row.first_published_at),
    publicAt: toDate(row.public_at),
    embargoUntil: toDate(row.embargo_until),
    publicUpdatedAt: toDate(row.public_updated_at),
    withdrawnAt: toDate(row.withdrawn_at),
    withdrawalReason: row.withdrawal_reason,
    contentRemovedAt: toDate(row.content_removed_at),
    translationGroup: row.translation_group,
    viewCount: Number(row.view_count),
    createdAt: new Date(Number(row.created_at)),
  };
}

export function toEdition(row: Selectable<EditionsTable>): Edition {
  return {
    id: row.id,
    releaseId: row.release_id,
    editionNo: row.edition_no,
    state: row.state as EditionState,
    title: row.title,
    subtitle: JSON.parse(row.subtitle) as string[],
    bodyMarkdown: row.body_markdown,
    department: row.department,
    contact: row.contact_name ? { name: row.contact_name, phone: row.contact_phone ?? '', email: row.contact_email ?? '', ...(row.contact_id ? { contactId: row.contact_id } : {}) } : null,
    tags: JSON.parse(row.tags) as string[],
    changeNote: row.change_note,
    publishedAt: toDate(row.published_at),
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
    lockVersion: row.lock_version,
    createdBy: row.created_by,
    submittedBy: row.submitted_by,
    approvedBy: row.approved_by,
    scheduledAt: toDate(row.scheduled_at),
    embargoUntil: toDate(row.embargo_until),
    reviewComment: row.review_comment,
    reviewerId: row.reviewer_id ?? null,
    isMinorChange: Boolean(row.is_minor_change),
  };
}

export function toAttachment(row: Selectable<AttachmentsTable>): Attachment {
  return {
    id: row.id,
    editionId: row.edition_id,
    position: row.position,
    sha256: row.sha256.trim(),
    fileName: row.file_name,
    mimeType: row.mime_type,
    byteSize: Number(row.byte_size),
    caption: row.caption,
    credit: row.credit,
    altText: row.alt_text,
    width: row.width,
    height: row.height,
  };
}

export function toImageDerivative(row: Selectable<ImageDerivativesTable>): ImageDerivative {
  return {
    sourceSha256: row.source_sha256.trim(),
    sha256: row.sha256.trim(),
    mimeType: row.mime_type,
    width: row.width,
    height: row.height,
    byteSize: Number(row.byte_size),
  };
}
