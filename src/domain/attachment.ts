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
 * A file name safe to keep and to send back: no directories (so no `../`), no control or
 * direction-override characters, no leading dots, at most 255 characters. Korean and other scripts are kept as they are.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f"<>|:*?]/g, '')
    // Bidirectional overrides and invisible marks can disguise "exe.pdf" as "fdp.exe" and the like.
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/^\.+/, '')
    .trim();
  const limited = Array.from(cleaned).slice(0, 255).join('');
  return limited.length > 0 ? limited : 'file';
}

/** A WebP copy of a photo at one width, made at upload and served through the page's srcset. */
export interface ImageDerivative {
  /** Content address of the (sanitised) original it was made from. */
  sourceSha256: string;
  sha256: string;
  mimeType: string;
  width: number;
  height: number;
  byteSize: number;
}

/** The widths the public page offers a photo at; a photo narrower than one gets no copy there. */
export const DERIVATIVE_WIDTHS = [480, 960, 1600] as const;

/** The download name of a derivative: the original's name with its width, as WebP. */
export function derivativeFileName(originalName: string, width: number): string {
  const base = originalName.replace(/\.[A-Za-z0-9]{1,8}$/, '');
  return `${base}-${width}w.webp`;
}

/** The file-name extensions each accepted type may carry: a name must agree with the content. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'application/x-hwp': ['hwp'],
  'application/hwp+zip': ['hwpx'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
};

/** The lower-case extension of a file name, without the dot, or null. */
export function fileExtension(fileName: string): string | null {
  return /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase() ?? null;
}

/**
 * The type an upload is taken to be. HWP 5 files are OLE compound files, which file-type reports
 * as application/x-cfb (as it does Word 97 and MSI files); we read a compound file as HWP only
 * when its name ends in .hwp, so any other compound file stays refused.
 */
export function resolveUploadType(detected: string | null, fileName: string): string | null {
  if (detected === 'application/x-cfb' && fileExtension(fileName) === 'hwp') return 'application/x-hwp';
  return detected;
}

/** Whether the name's extension fits the detected type; a name without extension fits anything. */
export function extensionMatches(mimeType: string, fileName: string): boolean {
  const ext = fileExtension(fileName);
  if (ext === null) return true;
  return (EXTENSIONS[mimeType] ?? []).includes(ext);
}

/** The name to keep: a name without extension gets the type's usual one, so downloads open. */
export function nameWithExtension(mimeType: string, fileName: string): string {
  const ext = EXTENSIONS[mimeType]?.[0];
  return fileExtension(fileName) === null && ext ? `${fileName}.${ext}` : fileName;
}
