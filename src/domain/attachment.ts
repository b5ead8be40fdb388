/** A file attached to an edition: a document to download or a photo shown on the page. */
export interface Attachment {
  id: number;
  editionId: number;
  position: number;
  /** Content address of the bytes in the file store. */
  sha256: string;
  fileName: string;
  mimeType: string;
  byteSize: number;
  caption: string;
  credit: string;
  /** Required for images before publishing; empty for documents. */
  altText: string;
  width: number | null;
  height: number | null;
}

export type AttachmentKind = 'image' | 'document';

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

export function attachmentKind(mimeType: string): AttachmentKind {
  return IMAGE_TYPES.has(mimeType) ? 'image' : 'document';
}

/** Short labels for the File area, as readers know the formats. */
const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/x-hwp': 'HWP',
  'application/haansofthwp': 'HWP',
  'application/vnd.hancom.hwp': 'HWP',
  'application/hwp+zip': 'HWPX',
  'application/vnd.hancom.hwpx': 'HWPX',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
};

export function fileTypeLabel(mimeType: string, fileName: string): string {
  const known = TYPE_LABELS[mimeType];
  if (known) return known;
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1];
  return ext ? ext.toUpperCase() : 'File';
}

/** Human file size with binary units, e.g. "1.2 MB" (as the File area shows it). */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/**
 * A file name safe to keep and to send back: no directories, no control characters, no leading
 * dots, at most 255 characters. Korean and other scripts are kept as they are.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/^\.+/, '')
    .trim();
  const limited = Array.from(cleaned).slice(0, 255).join('');
  return limited.length > 0 ? limited : 'file';
}
