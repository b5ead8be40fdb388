import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The source is not well-formed XML: the message names the line and column. */
export class MalformedSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedSourceError';
  }
}

export type XmlNode = Record<string, unknown>;

/** Elements that may repeat; always read as arrays so one item and many look alike. */
const REPEATED = new Set(['item', 'entry', 'category', 'link', 'author', 'wp:author', 'wp:category', 'wp:tag', 'wp:term', 'wp:postmeta', 'enclosure']);

/**
 * Parses XML after validating it, so a broken file is refused with its line and column instead of
 * half-read. No external entities are ever fetched; internal ones are capped by the parser.
 * `rawElements` keep their inner markup unparsed (Atom's xhtml content).
 */
export function parseXml(text: string, label: string, rawElements: string[] = []): XmlNode {
  const checked = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (checked !== true) {
    const { line, col, msg } = checked.err;
    throw new MalformedSourceError(`${label} is not well-formed XML (line ${line}, column ${col}): ${msg}`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => REPEATED.has(name),
    stopNodes: rawElements,
  });
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    // The parser refuses absurd nesting itself (its own limit); say so in words, not its message.
    if (error instanceof Error && /nested/i.test(error.message)) throw new MalformedSourceError(`${label} nests XML elements too deep to be a feed or an export; it does not look like a press release source`);
    throw error;
  }
}

/** The text of an element that may carry attributes (`{ '#text': ..., '@_type': ... }`) or none. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') return textOf((value as XmlNode)['#text']);
  return '';
}

export function attrOf(value: unknown, name: string): string {
  if (Array.isArray(value)) return attrOf(value[0], name);
  if (value && typeof value === 'object') return textOf((value as XmlNode)[`@_${name}`]);
  return '';
}

export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Decodes the XML entities of markup kept raw (Atom `type="html"` content inside a raw element). */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'amp') return '&';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
