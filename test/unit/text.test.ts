import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editionContentSchema } from '../../src/app/release.schema.js';
import { normaliseText, stripXmlIllegal } from '../../src/domain/text.js';
import { cdataText } from '../../src/web/feeds/build-feed.js';
import { assertWellFormedXml } from '../support/xml.js';

/** What Word and HWP paste carries: backspace, vertical tab, form feed, CR line ends, NUL, DEL. */
const PASTED = 'Budget\u0008 plan\u000B for\u000C 2027\r\nsecond line\rthird\u0000\u007F\tend';

test('normaliseText removes C0 controls but tab and newline, makes every line break LF, and keeps the rest', () => {
  assert.equal(normaliseText(PASTED), 'Budget plan for 2027\nsecond line\nthird\tend');
  assert.equal(normaliseText('국방부 장관 — “quotes” 😀'), '국방부 장관 — “quotes” 😀', 'ordinary text is untouched');
  assert.equal(normaliseText('a\ud800b\udc00c\uFFFEd'), 'a\uFFFDb\uFFFDcd', 'lone surrogates become U+FFFD, noncharacters go');
});

test('normaliseText composes to NFC: Hangul typed as jamo equals the syllables', () => {
  const jamo = '\u1100\u1161\u11A8'; // ㄱ + ㅏ + ㄱ as conjoining jamo
  assert.equal(normaliseText(jamo), '각');
  assert.equal(normaliseText('e\u0301'), 'é');
});

test('the shared content schema normalises every text field before its other checks', () => {
  const parsed = editionContentSchema.parse({
    title: '  \u0008Title\u000B  ',
    subtitle: ['- line\u000C one'],
    bodyMarkdown: 'Body\r\n\u0008text',
    department: 'Dept\u0007',
    contact: { name: 'Kim\u0008', phone: '02\u000B-1234' },
    tags: ['tag\u0001'],
  });
  assert.deepEqual([parsed.title, parsed.subtitle, parsed.bodyMarkdown, parsed.department, parsed.contact?.name, parsed.contact?.phone, parsed.tags], [
    'Title',
    ['line one'],
    'Body\ntext',
    'Dept',
    'Kim',
    '02-1234',
    ['tag'],
  ]);
  assert.equal(editionContentSchema.safeParse({ title: '\u0008\u000B' }).success, false, 'a title of control characters only is empty');
});

test('stripXmlIllegal leaves a document every strict XML parser accepts', () => {
  const doc = `<a title="x\u0008">${'\u000B'}text\u0000 😀 \ud800 \uFFFF</a>`;
  assert.throws(() => assertWellFormedXml(doc, 'raw'));
  assertWellFormedXml(stripXmlIllegal(doc), 'stripped');
  assert.equal(stripXmlIllegal('tab\tline\ncr\r😀'), 'tab\tline\ncr\r😀');
});

test('cdataText splits every CDATA terminator after the first, which the feed writer splits itself', () => {
  assert.equal(cdataText('plain'), 'plain');
  assert.equal(cdataText('a ]]> b'), 'a ]]> b');
  assert.equal(cdataText('a ]]> b ]]> c'), 'a ]]> b ]]]]><![CDATA[> c');
});
