import type { ExtractedText, ExtractionLimits } from '../domain/attachment-text.js';

/** Reads a document's text (PDF, DOCX, HWPX, HWP 5 preview) into sanitized HTML and plain text, within limits. */
export interface TextExtractor {
  /** Never throws for a bad file: a damaged, encrypted or oversized one gives `{ ok: false, reason }`. */
  extract(bytes: Uint8Array, mimeType: string, limits?: Partial<ExtractionLimits>): Promise<ExtractedText>;
}
