import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ExtractionLimits } from '../../domain/attachment-text.js';
import { BlockCollector, type Block } from './blocks.js';
import { checkDeadline, ExtractionRefused } from './limits.js';

interface Line {
  text: string;
  size: number;
  y: number;
  page: number;
}

/** The package's character maps and standard fonts, so Korean CID fonts are read without a network. */
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * Text of a PDF in reading order (pdf.js, no worker, no eval): lines from text runs, paragraphs
 * from vertical gaps, headings from a font size well above the body's. At most `maxPages` pages.
 */
export async function pdfBlocks(bytes: Uint8Array, limits: ExtractionLimits, deadline: number): Promise<{ blocks: Block[]; pageCount: number; partial: string | null }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: `${join(pdfjsRoot, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(pdfjsRoot, 'standard_fonts')}/`,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new ExtractionRefused('it is encrypted (password protected)');
    if (name === 'InvalidPDFException') throw new ExtractionRefused('it is not a readable PDF (damaged or incomplete)');
    throw new ExtractionRefused(`it could not be read as a PDF (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    const pageCount = pdf.numPages;
    const pages = Math.min(pageCount, limits.maxPages);
    const lines: Line[] = [];
    let chars = 0;
    let cutAt: number | null = null;
    for (let n = 1; n <= pages; n += 1) {
      checkDeadline(deadline);
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let current: Line | null = null;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [a, b, , , , y] = item.transform as number[];
        const size = Math.round(Math.hypot(a!, b!) * 10) / 10;
        if (current && (item.str === '' || Math.abs(current.y - y!) > size * 0.5)) {
          if (current.text.trim()) lines.push(current);
          current = null;
        }
        if (item.str === '') continue;
        if (!current) current = { text: '', size, y: y!, page: n };
        current.text += item.str;
        current.size = Math.max(current.size, size);
        chars += item.str.length;
      }
      if (current?.text.trim()) lines.push(current);
      page.cleanup();
      if (chars > limits.maxTextChars) {
        cutAt = n;
        break;
      }
    }
    const collector = new BlockCollector(limits.maxTextChars);
    for (const block of linesToBlocks(lines)) if (!collector.add(block)) break;
    const partial =
      cutAt !== null || collector.cut
        ? `text cut at ${limits.maxTextChars.toLocaleString('en')} characters`
        : pageCount > pages
          ? `first ${pages} of ${pageCount} pages`
          : null;
    return { blocks: collector.blocks, pageCount, partial };
  } finally {
    await pdf.destroy();
  }
}

/** The most common font size, by characters: the body text's. */
function bodySize(lines: Line[]): number {
  const bySize = new Map<number, number>();
  for (const l of lines) bySize.set(l.size, (bySize.get(l.size) ?? 0) + l.text.length);
  return [...bySize.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** Groups lines into headings and paragraphs: a gap wider than 1.6 lines, a new page or a size change ends a paragraph. */
export function linesToBlocks(lines: Line[]): Block[] {
  const body = bodySize(lines);
  const headingLevel = (size: number): 1 | 2 | 3 | null => (size >= body * 1.6 ? 1 : size >= body * 1.3 ? 2 : size >= body * 1.12 ? 3 : null);
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let last: Line | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ').replace(/\s+/g, ' ').trim() });
    paragraph = [];
  };
  for (const line of lines) {
    const level = body > 0 ? headingLevel(line.size) : null;
    if (level !== null && line.text.length <= 200) {
      flush();
      const previous = blocks[blocks.length - 1];
      // A heading wrapped over two lines is one heading.
      if (previous?.kind === 'heading' && previous.level === level && last && last.page === line.page && last.y - line.y < line.size * 1.6) previous.text += ` ${line.text.trim()}`;
      else blocks.push({ kind: 'heading', level, text: line.text.trim() });
    } else {
      const gap = last && last.page === line.page ? last.y - line.y : Infinity;
      if (!last || last.page !== line.page || gap > line.size * 1.6 || gap < 0 || Math.abs(last.size - line.size) > 0.5) flush();
      paragraph.push(line.text.trim());
    }
    last = line;
  }
  flush();
  return blocks;
}
