import type { Block } from './blocks.js';
import { readCfbStream } from './cfb.js';
import { ExtractionRefused } from './limits.js';

/** What an HWP 5 text view is: only the preview text Hangul stores, not the whole document. */
export const HWP5_PARTIAL = 'preview text only: HWP 5 binary documents are not read in full; download the original for the complete text';

/**
 * Blocks of an HWP 5 (binary) file from its PrvText stream: the preview text Hangul writes (UTF-16LE,
 * the first few thousand characters, tables as <cell> runs), one paragraph a line. Always partial.
 */
export function hwp5Blocks(bytes: Uint8Array): { blocks: Block[]; partial: string } {
  const header = readCfbStream(bytes, 'FileHeader');
  if (!header || new TextDecoder('latin1').decode(header.subarray(0, 17)) !== 'HWP Document File') throw new ExtractionRefused('it is not an HWP 5 document (no HWP file header)');
  // Bit 1 of the properties: the document is encrypted with a password.
  if (header.length >= 40 && (new DataView(header.buffer, header.byteOffset).getUint32(36, true) & 2) !== 0) throw new ExtractionRefused('it is encrypted (password protected)');
  const preview = readCfbStream(bytes, 'PrvText');
  if (!preview) throw new ExtractionRefused('it has no preview text (HWP 5 binary documents are read from their preview text only)');
  const text = new TextDecoder('utf-16le').decode(preview).replace(/\0+$/, '');
  const blocks: Block[] = text
    .split(/\r?\n/)
    .map((line) => line.replace(/<([^<>]*)>/g, '$1 ').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((line) => ({ kind: 'paragraph', text: line }));
  return { blocks, partial: HWP5_PARTIAL };
}
