import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ExtractionLimits } from '../../domain/attachment-text.js';
import { BlockCollector, type Block } from './blocks.js';
import { checkDeadline, ExtractionRefused } from './limits.js';
import { readZip } from './zip-reader.js';

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
});

/** The element name of an ordered node (`#text` for text). */
const nameOf = (node: Node) => Object.keys(node).find((k) => k !== ':@')!;
const childrenOf = (node: Node) => (node[nameOf(node)] as Node[] | string) ?? [];

function parse(xml: Uint8Array, part: string): Node[] {
  const text = new TextDecoder('utf-8').decode(xml);
  if (XMLValidator.validate(text) !== true) throw new ExtractionRefused(`its part ${part} is not well-formed XML`);
  return parser.parse(text) as Node[];
}

/** Every descendant element named `name`, in document order, not looking inside matches. */
function* find(nodes: Node[], name: string): Generator<Node> {
  for (const node of nodes) {
    const n = nameOf(node);
    if (n === '#text') continue;
    if (n === name) yield node;
    else {
      const kids = childrenOf(node);
      if (Array.isArray(kids)) yield* find(kids, name);
    }
  }
}

/** The text of a paragraph: its <hp:t> runs (tabs and line breaks inside them become spaces), skipping nested tables. */
function paragraphText(p: Node): string {
  let text = '';
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      const n = nameOf(node);
      if (n === 'tbl') continue;
      if (n === '#text') continue;
      const kids = childrenOf(node);
      if (n === 't') {
        text += Array.isArray(kids) ? kids.map((k) => (nameOf(k) === '#text' ? String(k['#text']) : ' ')).join('') : String(kids);
      } else if (Array.isArray(kids)) walk(kids);
    }
  };
  walk(childrenOf(p) as Node[]);
  return text.replace(/\s+/g, ' ').trim();
}

/** Heading levels by paragraph style id, from header.xml: styles named "개요 N" / "Outline N" (Hangul's outline levels) or "Heading N". */
function headingStyles(header: Node[] | null): Map<string, 1 | 2 | 3> {
  const levels = new Map<string, 1 | 2 | 3>();
  if (!header) return levels;
  for (const style of find(header, 'style')) {
    const attrs = style[':@'] ?? {};
    const m = /^(?:개요|outline|heading|제목)\s*(\d)$/i.exec((attrs.engName ?? attrs.name ?? '').trim()) ?? /^(?:개요|제목)\s*(\d)$/.exec((attrs.name ?? '').trim());
    if (m && attrs.id !== undefined) levels.set(attrs.id, Math.min(3, Math.max(1, Number(m[1]))) as 1 | 2 | 3);
  }
  return levels;
}

/**
 * Blocks of an HWPX file (Hangul's OWPML: a zip of XML): the sections' paragraphs (<hp:p>, text in
 * <hp:t>) in order, headings from outline styles, and tables (<hp:tbl>: rows <hp:tr>, cells <hp:tc>).
 */
export function hwpxBlocks(bytes: Uint8Array, limits: ExtractionLimits, deadline: number): { blocks: Block[]; partial: string | null } {
  const parts = readZip(bytes, limits, (name) => /^Contents\/(section\d+|header)\.xml$/i.test(name));
  const sections = [...parts.keys()].filter((n) => /section\d+\.xml$/i.test(n)).sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  if (sections.length === 0) throw new ExtractionRefused('it is not an HWPX document (no Contents/section0.xml)');
  const headerPart = [...parts.keys()].find((n) => /header\.xml$/i.test(n));
  const styles = headingStyles(headerPart ? parse(parts.get(headerPart)!, headerPart) : null);
  const collector = new BlockCollector(limits.maxTextChars);

  const addParagraph = (p: Node): boolean => {
    const text = paragraphText(p);
    const level = styles.get(p[':@']?.styleIDRef ?? '');
    return collector.add(level && text.length <= 200 ? { kind: 'heading', level, text } : { kind: 'paragraph', text });
  };
  const addTable = (tbl: Node): boolean => {
    const rows: string[][] = [];
    for (const tr of find(childrenOf(tbl) as Node[], 'tr')) {
      rows.push([...find(childrenOf(tr) as Node[], 'tc')].map((tc) => [...find(childrenOf(tc) as Node[], 'p')].map(paragraphText).filter(Boolean).join(' ')));
    }
    return collector.add({ kind: 'table', rows });
  };
  /** Top-level paragraphs in order; a paragraph holding a table gives its own text, then the table. */
  const walk = (nodes: Node[]): boolean => {
    for (const p of find(nodes, 'p')) {
      if (!addParagraph(p)) return false;
      for (const tbl of find(childrenOf(p) as Node[], 'tbl')) if (!addTable(tbl)) return false;
    }
    return true;
  };
  for (const name of sections) {
    checkDeadline(deadline);
    if (!walk(parse(parts.get(name)!, name))) break;
  }
  return { blocks: collector.blocks, partial: collector.cut ? `text cut at ${limits.maxTextChars.toLocaleString('en')} characters` : null };
}
