// Reasons a file has no (or a partial) text view are stored in English by the extractors; Korean
// admin pages and Korean text views word them in Korean (#19). This reads every reason the extractors
// can produce from their source, so a new reason without a Korean wording fails here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extractionReason } from '../../src/web/i18n/extraction-reasons.js';

const TEXT_ADAPTERS = fileURLToPath(new URL('../../src/adapters/text/', import.meta.url));
const HANGUL = /[\uAC00-\uD7A3]/;

/** Every reason literal in the extractors, template parts filled with sample values. */
function reasonsInSource(): string[] {
  const found = new Set<string>();
  for (const name of readdirSync(TEXT_ADAPTERS).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(TEXT_ADAPTERS, name), 'utf8');
    const literal = /(?:ExtractionRefused\(|_REASON = |_PARTIAL = |reason: |partial \?\?= |\? |: )(['`])((?:it |its |files |reading |text cut|first |preview text)[^'`]*)\1/g;
    for (const m of source.matchAll(literal)) {
      found.add(m[2]!.replace(/\$\{[^}]*(?:toLocaleString|Bytes|Entries|pages|pageCount|entries)[^}]*\}/g, '12').replace(/\$\{[^}]*\}/g, 'Contents/section0.xml'));
    }
  }
  return [...found];
}

test('every reason an extractor gives reads in Korean on Korean pages, and as stored in English', () => {
  const reasons = reasonsInSource();
  assert.ok(reasons.length >= 20, `found ${reasons.length} reasons in src/adapters/text: the scan itself broke`);
  const untranslated = reasons.filter((reason) => !HANGUL.test(extractionReason(reason, 'ko')));
  assert.deepEqual(untranslated, [], 'reasons with no Korean wording in src/web/i18n/extraction-reasons.ts');
  for (const reason of reasons) assert.equal(extractionReason(reason, 'en'), reason);
});

test('numbers and names in a reason carry over into the Korean wording', () => {
  assert.equal(extractionReason('first 100 of 340 pages', 'ko'), '전체 340쪽 중 앞 100쪽만 담았습니다');
  assert.equal(extractionReason('text cut at 200,000 characters', 'ko'), '200,000자에서 잘랐습니다');
  assert.equal(extractionReason('its part Contents/section2.xml is not well-formed XML', 'ko'), '구성 요소 Contents/section2.xml의 XML이 올바르지 않습니다');
  assert.equal(extractionReason('something new went wrong', 'ko'), 'something new went wrong', 'an unknown reason is shown as stored');
});
