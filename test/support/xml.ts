import assert from 'node:assert/strict';
import { XMLValidator } from 'fast-xml-parser';

/** Any character outside XML 1.0's Char production (section 2.2); `u` makes lone surrogates match too. */
const ILLEGAL_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const CHAR_REF = /&#(x[0-9a-f]+|[0-9]+);/gi;
const legal = (cp: number) => cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

/**
 * Checks a document is well-formed XML 1.0 as a strict consumer (libxml2, a feed reader) sees it.
 * fast-xml-parser's validator accepts raw control characters and references to them, so the Char
 * production (raw and as `&#...;` references) is checked here before the validator checks the markup.
 */
export function assertWellFormedXml(doc: string, label: string): void {
  const bad = ILLEGAL_CHAR.exec(doc);
  assert.equal(bad, null, `${label}: character U+${bad?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} is not allowed in XML 1.0 (at ${bad?.index})`);
  for (const [ref, value] of doc.matchAll(CHAR_REF)) {
    const cp = value!.startsWith('x') || value!.startsWith('X') ? parseInt(value!.slice(1), 16) : parseInt(value!, 10);
    assert.ok(legal(cp), `${label}: ${ref} refers to a character XML 1.0 does not allow`);
  }
  assert.equal(XMLValidator.validate(doc), true, `${label}: not well-formed`);
}
