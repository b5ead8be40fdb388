import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlightSnippet, indexText, parseQuery } from '../../src/domain/search-text.js';

test('Hangul runs become overlapping bigrams; a lone syllable stays whole', () => {
  assert.equal(indexText('국방부'), '국방 방부');
  assert.equal(indexText('합참의장을 접견'), '합참 참의 의장 장을 접견');
  assert.equal(indexText('법 개정'), '법 개정');
});

test('other words are lower-cased, stemmed and stripped of marks and punctuation', () => {
  assert.equal(indexText('Minister MEETS delegates; meeting, café!'), 'minist meet deleg meet cafe');
  assert.equal(indexText('K9자주포 2026년'), 'k9 자주 주포 2026 년');
});

test('queries: words are ANDed, a Korean word is a phrase of its bigrams, quotes make phrases', () => {
  assert.deepEqual(parseQuery('합참의장 meets'), [
    { terms: ['합참', '참의', '의장'], prefix: false },
    { terms: ['meet'], prefix: false },
  ]);
  assert.deepEqual(parseQuery('"joint exercises" joint'), [
    { terms: ['joint', 'exercis'], prefix: false },
    { terms: ['joint'], prefix: false },
  ]);
  assert.deepEqual(parseQuery('훈'), [{ terms: ['훈'], prefix: true }]);
  assert.deepEqual(parseQuery(' "" ; <> '), []);
  // An unclosed quote is read as plain words.
  assert.deepEqual(parseQuery('"meets'), [{ terms: ['meet'], prefix: false }]);
});

test('snippets escape HTML and mark whole matches, bigrams merged', () => {
  assert.equal(highlightSnippet('장관이 합참의장을 만났다', parseQuery('합참의장')), '장관이 <mark>합참의장</mark>을 만났다');
  assert.equal(highlightSnippet('<b>Meeting</b> & "more"', parseQuery('meets')), '&lt;b&gt;<mark>Meeting</mark>&lt;/b&gt; &amp; &quot;more&quot;');
  const long = `${'filler '.repeat(100)}the meeting ended ${'tail '.repeat(100)}`;
  const snippet = highlightSnippet(long, parseQuery('meeting'), 80);
  assert.match(snippet, /^….*<mark>meeting<\/mark>.*…$/);
  assert.ok(snippet.length < 120);
});
