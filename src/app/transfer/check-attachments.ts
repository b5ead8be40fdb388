import type { Readable } from 'node:stream';
import { fileTypeLabel } from '../../domain/attachment.js';
import { UnsupportedFileError, type FieldIssue } from '../../domain/errors.js';
import type { FileInspector } from '../../ports/file-inspector.js';
import { checkUpload } from '../upload-checks.js';
import type { ReleaseRecord } from './export-format.js';

/** Opens a file of the export by its SHA-256 name (all of it, or an inclusive byte range). */
export type ExportFileOpener = (sha256: string, range?: { start: number; end: number }) => Readable;

/** Checks the attachments of one release record; returns a refusal per file (none when all pass). */
export type AttachmentCheck = (record: ReleaseRecord, open: ExportFileOpener, where: string) => Promise<FieldIssue[]>;

/**
 * The upload rules applied to an export's attachments: each file's type is decided by its bytes and
 * must be on the allow-list (PRESSROOM_UPLOAD_TYPES), match its name, and be the type the export
 * records (which is what the file will be served as). An export from a newsroom with a wider list,
 * or one edited by hand, cannot bring in what an upload could not.
 */
export function makeAttachmentCheck(deps: { inspector: FileInspector; allowedTypes: readonly string[] }): AttachmentCheck {
  const allowed = new Set(deps.allowedTypes);
  return async function checkAttachments(record, open, where) {
    const issues: FieldIssue[] = [];
    for (const edition of record.editions) {
      for (const a of edition.attachments) {
        const field = `files/${a.sha256}`;
        const refuse = (reason: string) =>
          issues.push({ code: 'attachment_refused', message: `${where}: release ${record.id}, attachment "${a.file_name}" (files/${a.sha256}) is refused: ${reason}`, field });
        try {
          const inspected = await deps.inspector.inspect((range) => open(a.sha256, range));
          const { mimeType } = checkUpload({ fileName: a.file_name, byteSize: a.byte_size, inspected, allowed });
          if (mimeType !== a.mime_type) refuse(`its bytes are ${fileTypeLabel(mimeType, a.file_name)} (${mimeType}), but the export records ${a.mime_type}`);
        } catch (error) {
          if (!(error instanceof UnsupportedFileError)) throw error;
          refuse(`${error.message.replace(/^"[^"]*" /, '')}. ${error.issues.map((i) => i.message).join('; ')}`);
        }
      }
    }
    return issues;
  };
}
