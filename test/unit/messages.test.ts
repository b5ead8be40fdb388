import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogueProblems } from '../../src/web/i18n/catalogue-check.js';
import { formatMessage } from '../../src/web/i18n/icu.js';
import { catalogues, translator } from '../../src/web/i18n/messages.js';

test('every UI string (public and admin) exists, non-empty, in Korean and English, with the same arguments', () => {
  assert.deepEqual(catalogueProblems(catalogues.en, { ko: catalogues.ko }), []);
  assert.ok(Object.keys(catalogues.en).filter((k) => k.startsWith('admin')).length > 100, 'the admin strings are in the one catalogue');
});

test('the completeness check reports a missing key, an empty string and a changed argument', () => {
  const { alsoIn: _dropped, ...missing } = catalogues.ko;
  assert.deepEqual(catalogueProblems(catalogues.en, { ko: missing }), ['ko.alsoIn is missing']);
  assert.deepEqual(catalogueProblems(catalogues.en, { ko: { ...catalogues.ko, adminSignIn: ' ' } }), ['ko.adminSignIn is empty']);
  assert.deepEqual(catalogueProblems(catalogues.en, { ko: { ...catalogues.ko, pageOf: '{page}쪽' } }), ['ko.pageOf has different arguments']);
  assert.deepEqual(catalogueProblems(catalogues.en, { ko: { ...catalogues.ko, extra: '추가' } }), ['ko.extra is not in the reference catalogue']);
});

test('messages without arguments come out as ICU writes them: quotes and escaped braces unescaped, tags kept as text', () => {
  assert.equal(formatMessage('en-GB', "It''s here"), "It's here");
  assert.equal(formatMessage('en-GB', "'{'braces'}'"), '{braces}');
  assert.equal(formatMessage('en-GB', 'a <b>tag</b>'), 'a <b>tag</b>');
  assert.equal(formatMessage('ko-KR', '보도자료'), '보도자료');
  assert.throws(() => formatMessage('en-GB', 'broken {'), /Malformed message/);
});

test('ICU plurals follow each language: English one/other, Korean a single form; numbers grouped', () => {
  const pattern = '{count, plural, =0 {no files} one {# file} other {# files}}';
  assert.equal(formatMessage('en-GB', pattern, { count: 0 }), 'no files');
  assert.equal(formatMessage('en-GB', pattern, { count: 1 }), '1 file');
  assert.equal(formatMessage('en-GB', pattern, { count: 1200 }), '1,200 files');
  assert.equal(formatMessage('ko-KR', '{count, plural, other {파일 #개}}', { count: 1 }), '파일 1개');
  assert.throws(() => formatMessage('en-GB', '{count, plural, one {# file}}', { count: 1 }), /Malformed message/);
  assert.equal(translator('en')('searchResults', { count: 1, query: 'budget' }), '1 result for "budget"');
  assert.equal(translator('en')('searchResults', { count: 3, query: 'budget' }), '3 results for "budget"');
  assert.equal(translator('ko')('searchResults', { count: 3, query: '예산' }), '"예산" 검색 결과 3건');
  assert.equal(translator('en')('adminReleaseCount', { count: 1 }), '1 release');
  assert.equal(translator('en')('adminReleaseCount', { count: 2 }), '2 releases');
});
