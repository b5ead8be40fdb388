// Shared pieces of the fuzz suites (test/http/fuzz-*.test.ts): hostile text, raw query strings,
// a hang guard, and an XML check stricter than a parser's.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';

/**
 * fast-check settings for a suite: stop at the first failure (cases share a server, so shrinking
 * them costs more than it tells), report the error itself, and replay a reported failure with
 * FUZZ_SEED and FUZZ_PATH (FUZZ_RUNS runs more cases, to hunt).
 */
export function fuzzParams(numRuns: number) {
  const replay = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH } : {};
  return { ...replay, numRuns: Number(process.env.FUZZ_RUNS ?? numRuns), endOnFailure: true, includeErrorInReport: true };
}

/** Longest a single request may take before a case counts as a hang (generous: a guard, not a timing). */
export const HANG_MS = 10_000;

/** Runs `work`, failing the case when it does not settle in HANG_MS. */
export async function bounded<T>(what: string, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${HANG_MS} ms (a hang)`)), HANG_MS);
  });
  try {
    return await Promise.race([work(), guard]);
  } finally {
    clearTimeout(timer);
  }
}

/** Files left in the store's temporary area of a data directory. */
export function leftoverTemporaryFiles(dataDir: string): string[] {
  const tmp = join(dataDir, 'files', 'tmp');
  return existsSync(tmp) ? readdirSync(tmp) : [];
}

/** Characters and fragments that have broken text handling somewhere: markup, entities, CDATA ends, bidi, noncharacters. */
const NASTY = [
  ']]>', '<![CDATA[', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '&', '&amp;', '&#0;', '&#x8;', '&nbsp;', "'s", '"', '<', '>',
  '\u2028', '\u2029', '\ufeff', '\u202e', '\u200b', '\u0085', '\u007f', '\ufffe', '\uffff', '\ud83d\ude00', 'e\u0301', '국방부', '合同',
  '\\', '%00', '%0d%0a', '{{x}}', '${x}', '-- ', '<!--', '?>', '\t', '\n', '\r\n', ' ', '\u3000', '\u00a0', '\b', '\u000b', '\u000c', '\u0000',
];

/** Hostile text: random code points, known troublemakers and their mixtures. */
export function hostileText(maxLength = 60): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }, { weight: 3, arbitrary: fc.constantFrom(...NASTY) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) }), { maxLength: 8 })
    .map((parts) => parts.join('').slice(0, maxLength));
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** The text with each lone surrogate replaced by U+FFFD, as a UTF-8 encoder would (String#toWellFormed, ES2024). */
export const wellFormed = (text: string) => text.replace(LONE_SURROGATE, '\ufffd');
/** Whether the text holds a lone surrogate (JSON can carry one; no URL can). */
export const hasLoneSurrogate = (text: string) => wellFormed(text) !== text;

/** A lone surrogate, which no UTF-8 encoder can carry as is. */
export const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** A percent-encoded or raw query piece: valid escapes, broken ones (`%`, `%zz`, half a UTF-8 sequence), raw bytes. */
function queryPiece(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 10 }).map(encodeURIComponent),
    fc.constantFrom('%', '%z', '%zz', '%E0%A4', '%ED%A0%80', '%C0%AF', '%00', '%0d%0a', '%09', '%2F%2F', '+', '%2B', '&', '=', '==', ';', '#', '[]', '[0]', '__proto__', 'constructor'),
    fc.string({ unit: 'binary-ascii', maxLength: 6 }).map((s) => s.replace(/[#\s]/g, '')),
  );
}

/** A raw query string (no `?`): known names, repeated or not, and garbage names, with hostile values. */
export function rawQuery(names: readonly string[]): fc.Arbitrary<string> {
  const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: queryPiece() });
  const value = fc.oneof(
    fc.constantFrom('1', '2', '0', '-1', '999999999999', '1e3', '0x10', 'NaN', '', 'en', 'ko', '/en/', '//evil.example', '/%09/evil', 'true', 'newest', 'relevance', '2026-11-20', '2026-02-30'),
    fc.array(queryPiece(), { maxLength: 4 }).map((p) => p.join('')),
    fc.nat({ max: 3000 }).map((n) => 'x'.repeat(n)),
  );
  const pair = fc.tuple(name, value, fc.boolean()).map(([n, v, twice]) => (twice ? `${n}=${v}&${n}=${v}x` : `${n}=${v}`));
  return fc.array(fc.oneof({ weight: 5, arbitrary: pair }, { weight: 1, arbitrary: queryPiece() }), { maxLength: 10 }).map((pairs) => pairs.join('&'));
}

// XML 1.0's Char production: what a well-formed document may contain at all.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** Asserts a document is well-formed XML: fast-xml-parser's validator, plus the characters XML allows (which it does not check). */
export function assertWellFormedXml(xml: string, what: string): void {
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, `${what} is not well-formed XML: ${JSON.stringify(valid === true ? null : valid.err)}`);
  const bad = NOT_XML_CHAR.exec(xml);
  assert.equal(bad, null, `${what} carries U+${bad?.[0].codePointAt(0)?.toString(16).padStart(4, '0')}, which XML does not allow`);
}
