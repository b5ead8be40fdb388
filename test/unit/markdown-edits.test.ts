import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { markdownEditsSource } from '../../src/web/admin/editor/markdown-edits.source.js';

interface Edit {
  start: number;
  end: number;
  text: string;
  selStart: number;
  selEnd: number;
}
interface MarkdownEdits {
  wrapSelection(value: string, start: number, end: number, marker: string, placeholder: string): Edit;
  prefixLines(value: string, start: number, end: number, kind: 'heading' | 'bullets' | 'numbers' | 'quote'): Edit;
  link(value: string, start: number, end: number): Edit;
  tidyMarkdown(markdown: string): string;
  pipeTable(rows: string[][], hasHeader: boolean): string;
}

// The exact source the browser runs, evaluated on its own.
const edits = runInNewContext(`${markdownEditsSource}; markdownEdits`) as MarkdownEdits;

/** Applies an edit as the textarea does and marks the selection afterwards with [ ]. */
function apply(value: string, edit: Edit): string {
  const next = value.slice(0, edit.start) + edit.text + value.slice(edit.end);
  return `${next.slice(0, edit.selStart)}[${next.slice(edit.selStart, edit.selEnd)}]${next.slice(edit.selEnd)}`;
}

describe('the editor toolbar edits', () => {
  test('bold wraps the selection, keeps selected spaces outside, and unwraps what is already bold', () => {
    assert.equal(apply('The centre opens today.', edits.wrapSelection('The centre opens today.', 4, 10, '**', 'bold text')), 'The **[centre]** opens today.');
    assert.equal(apply('The centre opens', edits.wrapSelection('The centre opens', 4, 11, '**', 'bold text')), 'The **[centre]** opens');
    assert.equal(apply('The **centre** opens', edits.wrapSelection('The **centre** opens', 4, 14, '**', 'bold text')), 'The [centre] opens');
  });
  test('with nothing selected, a placeholder is inserted and selected', () => {
    assert.equal(apply('Hi ', edits.wrapSelection('Hi ', 3, 3, '*', 'italic text')), 'Hi *[italic text]*');
  });
  test('headings, lists and quotes prefix every line the selection touches and toggle off', () => {
    const v = 'Intro\nfirst\nsecond\n\nthird';
    assert.equal(apply(v, edits.prefixLines(v, 8, v.length, 'bullets')), 'Intro\n- first\n- second\n\n- third[]');
    assert.equal(apply(v, edits.prefixLines(v, 6, 14, 'numbers')), 'Intro\n1. first\n2. second[]\n\nthird');
    assert.equal(apply('## Title', edits.prefixLines('## Title', 2, 2, 'heading')), 'Title[]');
    assert.equal(apply('Said so', edits.prefixLines('Said so', 0, 7, 'quote')), '> Said so[]');
    assert.equal(apply('', edits.prefixLines('', 0, 0, 'heading')), '## []');
  });
  test('a selection ending at the start of a line leaves that line alone', () => {
    assert.equal(apply('one\ntwo', edits.prefixLines('one\ntwo', 0, 4, 'quote')), '> one[]\ntwo');
  });
  test('a link selects the address to type, or the text when an address was selected', () => {
    assert.equal(apply('See the plan', edits.link('See the plan', 8, 12)), 'See the [plan](https://)'.replace('https://', '[https://]'));
    assert.equal(apply('https://gov.example/a', edits.link('https://gov.example/a', 0, 21)), '[[link text]](https://gov.example/a)');
  });
});

describe('pasted Markdown tidying', () => {
  test('drops no-break spaces, trailing spaces and extra blank lines, keeps hard breaks', () => {
    assert.equal(edits.tidyMarkdown('\n\n## Title\u00a0\n\n\n\nline  \nnext \n\n'), '## Title\n\nline  \nnext');
  });
  test('tables become pipe tables of their text, the first row as the header only when it was one', () => {
    assert.equal(edits.pipeTable([['Region', 'Crews'], ['East | coast', '40'], ['West']], true), '| Region | Crews |\n| --- | --- |\n| East \\| coast | 40 |\n| West |  |');
    assert.equal(edits.pipeTable([['Press office', '02-2100-1234'], ['Duty desk']], false), '|  |  |\n| --- | --- |\n| Press office | 02-2100-1234 |\n| Duty desk |  |');
    assert.equal(edits.pipeTable([], true), '');
  });
});
