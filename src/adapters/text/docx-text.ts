import type { ExtractionLimits } from '../../domain/attachment-text.js';
import { readZip } from './zip-reader.js';
import { ExtractionRefused } from './limits.js';

/**
 * HTML of a DOCX with mammoth (headings, lists, tables; images left out). The zip is checked with
 * the bounded reader first, since mammoth inflates every part it opens in full.
 */
export async function docxHtml(bytes: Uint8Array, limits: ExtractionLimits): Promise<string> {
  // Every XML part is inflated (and counted) here: mammoth opens the styles, numbering, notes and so on.
  const parts = readZip(bytes, limits, (name) => /\.(xml|rels)$/i.test(name));
  if (!parts.has('word/document.xml')) throw new ExtractionRefused('it is not a Word document (no word/document.xml)');
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      // Images are left out of the text view: the original carries them.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    return result.value;
  } catch (error) {
    throw new ExtractionRefused(`it could not be read as a Word document (${error instanceof Error ? error.message : String(error)})`);
  }
}
