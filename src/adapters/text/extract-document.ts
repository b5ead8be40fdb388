import { DEFAULT_EXTRACTION_LIMITS, type ExtractedText, type ExtractionLimits } from '../../domain/attachment-text.js';
import type { TextExtractor } from '../../ports/text-extractor.js';
import { blocksToHtml } from './blocks.js';
import { docxHtml } from './docx-text.js';
import { htmlToText, sanitizeDocumentHtml } from './document-html.js';
import { hwp5Blocks } from './hwp5-text.js';
import { hwpxBlocks } from './hwpx-text.js';
import { ExtractionRefused } from './limits.js';
import { pdfBlocks } from './pdf-text.js';

type Read = { html: string; pageCount: number | null; partial: string | null };

async function read(bytes: Uint8Array, mimeType: string, limits: ExtractionLimits, deadline: number): Promise<Read> {
  switch (mimeType) {
    case 'application/pdf': {
      const { blocks, pageCount, partial } = await pdfBlocks(bytes, limits, deadline);
      return { html: blocksToHtml(blocks), pageCount, partial };
    }
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return { html: await docxHtml(bytes, limits), pageCount: null, partial: null };
    case 'application/hwp+zip': {
      const { blocks, partial } = hwpxBlocks(bytes, limits, deadline);
      return { html: blocksToHtml(blocks), pageCount: null, partial };
    }
    case 'application/x-hwp': {
      const { blocks, partial } = hwp5Blocks(bytes);
      return { html: blocksToHtml(blocks), pageCount: null, partial };
    }
    default:
      throw new ExtractionRefused(`files of type ${mimeType} have no text view`);
  }
}

/**
 * The text extractor: picks the reader by the detected type, enforces the time limit (checked
 * between pages and parts, and as a hang guard around the whole read), sanitizes the HTML and
 * derives the plain text. A file that fails any check gets a reason instead of a view.
 */
export function makeTextExtractor(defaults: Partial<ExtractionLimits> = {}): TextExtractor {
  return {
    async extract(bytes, mimeType, overrides = {}) {
      const limits = { ...DEFAULT_EXTRACTION_LIMITS, ...defaults, ...overrides };
      const deadline = Date.now() + limits.maxMillis;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ExtractionRefused('reading it took longer than the time limit')), limits.maxMillis);
      });
      try {
        const result = await Promise.race([read(bytes, mimeType, limits, deadline), timeout]);
        let html = sanitizeDocumentHtml(result.html);
        let cut: string | null = null;
        if (html.length > limits.maxTextChars * 3) {
          // Cut at the last block end before the limit; sanitizing again closes what was left open.
          const at = html.lastIndexOf('</', limits.maxTextChars * 3);
          html = sanitizeDocumentHtml(html.slice(0, Math.max(0, at)));
          cut = `text cut at ${limits.maxTextChars.toLocaleString('en')} characters`;
        }
        let text = htmlToText(html);
        let partial = result.partial ?? cut;
        if (text.length > limits.maxTextChars) {
          text = text.slice(0, limits.maxTextChars);
          partial ??= `text cut at ${limits.maxTextChars.toLocaleString('en')} characters`;
        }
        if (text.trim() === '') return { ok: false, reason: 'it holds no text (a scanned image, or empty)' } satisfies ExtractedText;
        return { ok: true, html, text, pageCount: result.pageCount, partial };
      } catch (error) {
        if (error instanceof ExtractionRefused) return { ok: false, reason: error.message };
        return { ok: false, reason: `it could not be read (${error instanceof Error ? error.message : String(error)})` };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
