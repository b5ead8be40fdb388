import type { Readable } from 'node:stream';

/** What the bytes of an upload really are, whatever its name says. */
export interface InspectedFile {
  /**
   * Detected from magic bytes; null when the format is not recognised. Markup that file-type
   * cannot name is reported as `image/svg+xml` or `text/html`, so it can be refused by name.
   */
  mimeType: string | null;
  /** Canonical extension of the detected format, without the dot. */
  extension: string | null;
}

export interface FileInspector {
  /**
   * Inspects a file by its content. `read` opens the bytes (all of them, or a range); the
   * inspector reads only what it needs: the first ~4 KB, or a zip's entry headers.
   */
  inspect(read: (range?: { start: number; end: number }) => Readable): Promise<InspectedFile>;
}
