import {
  extensionMatches,
  fileExtension,
  fileTypeLabel,
  formatByteSize,
  nameWithExtension,
  resolveUploadType,
} from '../domain/attachment.js';
import { UnsupportedFileError } from '../domain/errors.js';
import type { InspectedFile } from '../ports/file-inspector.js';

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

/** 50 MB, unless the composition sets another limit. */
export const DEFAULT_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;

const refuse = (fileName: string, message: string, code: string, hint: string) =>
  new UnsupportedFileError(`"${fileName}" ${message}`, [{ code, message: hint, field: 'files' }]);

/** "Allowed: PDF, HWP, ..." for the configured list, as people know the formats. */
export function allowedLabel(allowed: Iterable<string>): string {
  return `Allowed: ${[...new Set([...allowed].map((t) => fileTypeLabel(t, '')))].join(', ')}`;
}

export function tooLarge(fileName: string, maxBytes: number): UnsupportedFileError {
  return refuse(fileName, `is larger than ${formatByteSize(maxBytes)}, the most a file may be`, 'file_too_large', 'Upload a smaller file, or split it');
}

/**
 * Decides what an upload is from its bytes and refuses, naming the file: empty files, SVG and
 * HTML (scripts on our origin), types outside the allow-list, and content that disagrees with the
 * name's extension (a PNG called .pdf). Returns the type and the name to keep.
 */
export function checkUpload(input: { fileName: string; byteSize: number; inspected: InspectedFile; allowed: ReadonlySet<string> }): { mimeType: string; fileName: string } {
  const { fileName, inspected, allowed } = input;
  if (input.byteSize === 0) throw refuse(fileName, 'is empty', 'empty_file', 'Choose a file with content');
  const detected = resolveUploadType(inspected.mimeType, fileName);
  if (detected === 'image/svg+xml') {
    throw refuse(fileName, 'is an SVG image, which is not accepted because it can carry scripts', 'svg_refused', `Convert it to PNG first. ${allowedLabel(allowed)}`);
  }
  if (detected === 'text/html') {
    throw refuse(fileName, 'is an HTML document, which is not accepted because it can carry scripts', 'html_refused', `Save it as PDF first. ${allowedLabel(allowed)}`);
  }
  if (!detected || !allowed.has(detected)) throw refuse(fileName, 'is not an allowed file type', 'file_type_not_allowed', allowedLabel(allowed));
  if (!extensionMatches(detected, fileName)) {
    const label = fileTypeLabel(detected, '');
    throw refuse(
      fileName,
      `is a ${label} file, but its name ends in .${fileExtension(fileName)}: its content does not match its extension`,
      'extension_mismatch',
      `Rename it to end in .${inspected.extension ?? label.toLowerCase()}, or upload the right file`,
    );
  }
  return { mimeType: detected, fileName: nameWithExtension(detected, fileName) };
}
