import type { Language } from './language.js';

/**
 * Text views of attachments (#19): what extraction yields, its limits, and which files have one.
 * The HTML is sanitized by the extractor (headings, paragraphs, lists, tables only); the plain text
 * is what search indexes and quotes in snippets.
 */

/** Limits per file: a hostile or huge upload costs bounded time, memory and storage. */
export interface ExtractionLimits {
  /** PDF pages read; the rest are left out and the view is marked partial. */
  maxPages: number;
  /** Characters of text kept (HTML and plain text are cut at a block boundary past this). */
  maxTextChars: number;
  /** Total uncompressed bytes read from a zip (DOCX, HWPX); declared sizes are checked first, inflating stops at the cap. */
  maxUnzippedBytes: number;
  /** Entries in a zip. */
  maxZipEntries: number;
  /** Wall-clock time for one file, checked between pages and parts; past it the file has no text view. */
  maxMillis: number;
}

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = {
  maxPages: 300,
  maxTextChars: 1_000_000,
  maxUnzippedBytes: 100 * 1024 * 1024,
  maxZipEntries: 2_000,
  maxMillis: 60_000,
};

/** Characters of one attachment's text that go into the search index (PostgreSQL caps a tsvector at 1 MB). */
export const INDEXED_TEXT_CHARS = 200_000;

/** The result of reading one file. */
export type ExtractedText =
  | { ok: true; html: string; text: string; pageCount: number | null; partial: string | null }
  | { ok: false; reason: string };

/** A text view as the public site shows it. */
export interface AttachmentText {
  sha256: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  html: string | null;
  text: string | null;
  language: Language | null;
  partial: string | null;
  reason: string | null;
  pageCount: number | null;
}

/** Where a file's text view stands, without its text (the admin's attachment list). */
export type TextViewState = Pick<AttachmentText, 'status' | 'partial' | 'reason'>;

/** The types a text view is made of; photos and spreadsheets have none. */
export const EXTRACTABLE_TYPES = new Set(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/hwp+zip', 'application/x-hwp']);

/** Whether a file of this type gets a text view. */
export function isExtractable(mimeType: string): boolean {
  return EXTRACTABLE_TYPES.has(mimeType);
}

/** The language of a text: Korean when at least a fifth of its letters are Hangul, otherwise English. */
export function guessLanguage(text: string): Language {
  const sample = text.slice(0, 20_000);
  const hangul = sample.match(/[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/g)?.length ?? 0;
  const latin = sample.match(/[A-Za-z]/g)?.length ?? 0;
  return hangul > 0 && hangul * 4 >= latin ? 'ko' : 'en';
}
