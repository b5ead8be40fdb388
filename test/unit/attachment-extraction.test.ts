import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeTextExtractor } from '../../src/adapters/text/extract-document.js';
import { guessLanguage } from '../../src/domain/attachment-text.js';
import { damagedPdf, docxDocument, encryptedPdf, headedPdf, hwp5Document, hwpxBomb, hwpxDocument, koreanPdf, longPdf, lyingHwpxBomb } from '../support/document-fixtures.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const extractor = makeTextExtractor();

describe('attachment text extraction (#19)', () => {
  test('a PDF gives headings guessed from font size and paragraphs in reading order', async () => {
    const bytes = await headedPdf({ title: 'Annual Defence Report', heading: 'Budget Overview', body: ['An opening paragraph.', 'The xylophonic procurement plan.', 'A closing note.'] });
    const r = await extractor.extract(bytes, 'application/pdf');
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.html, '<h2>Annual Defence Report</h2>\n<p>An opening paragraph.</p>\n<h3>Budget Overview</h3>\n<p>The xylophonic procurement plan.</p>\n<p>A closing note.</p>');
    assert.equal(r.pageCount, 1);
    assert.equal(r.partial, null);
    assert.match(r.text, /xylophonic procurement/);
  });

  test('a Korean PDF (a NanumGothic subset) gives its Hangul headings and paragraphs, a wrapped line joined', async () => {
    const r = await extractor.extract(koreanPdf(), 'application/pdf');
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(
      r.html,
      '<h2>해상 감시체계 개선 계획</h2>\n<p>국방부는 해역 경계를 강화하기 위해 새 감시체계를 도입한다고 밝혔다.</p>\n<h3>추진 배경</h3>\n<p>잠수정탐지체계를 2027년까지 모든 해안 기지에 배치하고, 운용 인력 교육을 함께 추진한다.</p>\n<p>소요 예산은 총 1,200억 원이다.</p>',
    );
    assert.equal(guessLanguage(r.text), 'ko');
  });

  test('a DOCX gives its heading, list and table (mammoth)', async () => {
    const r = await extractor.extract(docxDocument({ heading: 'Mobilisation Plan', paragraph: '예비군 훈련 개편안', items: ['First step', 'Second step'], cells: [['Year', 'Budget'], ['2027', '120']] }), DOCX);
    assert.ok(r.ok, JSON.stringify(r));
    assert.match(r.html, /<h2>Mobilisation Plan<\/h2>/);
    assert.match(r.html, /<ul><li>First step<\/li><li>Second step<\/li><\/ul>/);
    assert.match(r.html, /<table>.*<td><p>2027<\/p><\/td>.*<\/table>/);
    assert.equal(guessLanguage(r.text), 'en');
  });

  test('an HWPX gives its outline heading, paragraphs and table, in Korean', async () => {
    const r = await extractor.extract(hwpxDocument({ heading: '붙임1 세부 추진계획', paragraphs: ['드론방호체계 구축을 추진한다.'], cells: [['구분', '예산'], ['1차', '100억 원']] }), 'application/hwp+zip');
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.html, '<h2>붙임1 세부 추진계획</h2>\n<p>드론방호체계 구축을 추진한다.</p>\n<table><tbody><tr><td>구분</td><td>예산</td></tr><tr><td>1차</td><td>100억 원</td></tr></tbody></table>');
    assert.equal(guessLanguage(r.text), 'ko');
  });

  test('an HWP 5 file gives its preview text, marked partial; an encrypted one gives no text view', async () => {
    const r = await extractor.extract(hwp5Document('국방정책 미리보기 본문\r\n<표><예산>'), 'application/x-hwp');
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.html, '<p>국방정책 미리보기 본문</p>\n<p>표 예산</p>');
    assert.match(r.partial ?? '', /preview text only/);
    assert.deepEqual(await extractor.extract(hwp5Document('x', { encrypted: true }), 'application/x-hwp'), { ok: false, reason: 'it is encrypted (password protected)' });
  });

  test('an encrypted or damaged PDF gives "no text view" with the reason', async () => {
    assert.deepEqual(await extractor.extract(await encryptedPdf(), 'application/pdf'), { ok: false, reason: 'it is encrypted (password protected)' });
    assert.deepEqual(await extractor.extract(damagedPdf(), 'application/pdf'), { ok: false, reason: 'it is not a readable PDF (damaged or incomplete)' });
  });

  test('zip bombs stop at the unzipped-size cap, whether their sizes are declared or lied about', async () => {
    const limits = { maxUnzippedBytes: 1_000_000 };
    assert.deepEqual(await extractor.extract(hwpxBomb(3_000_000), 'application/hwp+zip', limits), { ok: false, reason: 'its parts unpack to more than 1000000 bytes' });
    assert.deepEqual(await extractor.extract(lyingHwpxBomb(3_000_000), 'application/hwp+zip', limits), { ok: false, reason: 'its parts unpack to more than 1000000 bytes (more than they declare)' });
    assert.deepEqual(await extractor.extract(hwpxBomb(3_000_000), DOCX, limits), { ok: false, reason: 'its parts unpack to more than 1000000 bytes' });
  });

  test('a 100-page PDF is read whole within the default limits, and cut at a page limit', async () => {
    const bytes = await longPdf(100);
    const whole = await extractor.extract(bytes, 'application/pdf');
    assert.ok(whole.ok);
    assert.equal(whole.pageCount, 100);
    assert.equal(whole.partial, null);
    assert.match(whole.text, /Page marker 100$/);
    const cut = await extractor.extract(bytes, 'application/pdf', { maxPages: 40 });
    assert.ok(cut.ok);
    assert.equal(cut.partial, 'first 40 of 100 pages');
    assert.match(cut.text, /Page marker 40$/);
    assert.doesNotMatch(cut.text, /Page marker 41/);
    const short = await extractor.extract(bytes, 'application/pdf', { maxTextChars: 100 });
    assert.ok(short.ok);
    assert.ok(short.text.length <= 100, 'the text stays within the character limit');
    assert.match(short.partial ?? '', /text cut at 100 characters/);
  });
});
