import { attachmentKind, safeFileName, type Attachment } from '../domain/attachment.js';
import { InvalidStateError, NotFoundError, UnsupportedFileError } from '../domain/errors.js';
import type { FileInspector } from '../ports/file-inspector.js';
import type { FileStore } from '../ports/file-store.js';
import type { UnitOfWork } from '../ports/unit-of-work.js';

export interface AttachFileInput {
  editionId: number;
  fileName: string;
  bytes: Uint8Array;
  caption?: string;
  credit?: string;
  altText?: string;
}

/** Default allow-list: documents a press office sends and web images. */
export const DEFAULT_ALLOWED_TYPES = [
  'application/pdf',
  'application/x-hwp',
  'application/hwp+zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
];

/** Stores a file and attaches it to a draft edition; the type comes from its bytes, not its name. */
export function makeAttachFile(deps: { uow: UnitOfWork; files: FileStore; inspector: FileInspector; allowedTypes?: string[] }) {
  const allowed = new Set(deps.allowedTypes ?? DEFAULT_ALLOWED_TYPES);
  return async function attachFile(input: AttachFileInput): Promise<Attachment> {
    const fileName = safeFileName(input.fileName);
    if (input.bytes.byteLength === 0) throw new UnsupportedFileError(`"${fileName}" is empty`, [{ code: 'empty_file', message: 'The file is empty', field: 'file' }]);
    const inspected = await deps.inspector.inspect(input.bytes);
    if (!inspected.mimeType || !allowed.has(inspected.mimeType)) {
      throw new UnsupportedFileError(`"${fileName}" is not an allowed file type`, [
        { code: 'file_type_not_allowed', message: 'Allowed: PDF, HWP, HWPX, DOCX, XLSX, PPTX, JPEG, PNG, WebP, GIF', field: 'file' },
      ]);
    }
    const stored = await deps.files.put(input.bytes);
    return deps.uow.run(async (tx) => {
      const edition = await tx.releases.getEdition(input.editionId);
      if (!edition) throw new NotFoundError(`No edition ${input.editionId}`);
      if (edition.state === 'published' || edition.state === 'superseded') {
        throw new InvalidStateError('A published edition cannot change; start a correction instead');
      }
      const isImage = attachmentKind(inspected.mimeType!) === 'image';
      return tx.releases.addAttachment({
        editionId: edition.id,
        sha256: stored.sha256,
        fileName,
        mimeType: inspected.mimeType!,
        byteSize: stored.byteSize,
        caption: input.caption ?? '',
        credit: input.credit ?? '',
        altText: input.altText ?? '',
        width: isImage ? inspected.width : null,
        height: isImage ? inspected.height : null,
      });
    });
  };
}
export type AttachFile = ReturnType<typeof makeAttachFile>;
