import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { markdownEditsSource } from '../../src/web/admin/editor/markdown-edits.source.js';
import { pasteCleanupSource } from '../../src/web/admin/editor/paste-cleanup.source.js';
import { renderMarkdown } from '../../src/web/render/markdown.js';
import { browserSkipReason, launchBrowser } from '../support/browser.js';

const require = createRequire(import.meta.url);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/word-paste/${name}`, import.meta.url), 'utf8');

// Issue #16 bug 3: Word's numbered lists were pasted as bullets still carrying their numbers
// ("• 1. First point"), and every table's first row became a header. The exact browser code
// (turndown's build, markdownEdits, the paste clean-up) runs in Chromium on Word clipboard HTML.
describe('Word paste clean-up in Chromium', { skip: browserSkipReason() }, () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    // The admin's CSP refuses inline styles: the clean-up must not trip it while parsing.
    await page.setContent(`<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="style-src 'self'"></head><body></body></html>`);
    await page.addScriptTag({ content: readFileSync(require.resolve('turndown/dist/turndown.js'), 'utf8') });
    await page.addScriptTag({ content: `${markdownEditsSource}\n${pasteCleanupSource}\nwindow.htmlToMarkdown = htmlToMarkdown;` });
  });
  after(async () => {
    await browser?.close();
  });

  const paste = (html: string) => page.evaluate((h) => (window as unknown as { htmlToMarkdown: (h: string) => string }).htmlToMarkdown(h), html);

  test('Word 2011 numbered paragraphs (marker only inside supportLists) become an ordered list without the numbers twice', async () => {
    const markdown = await paste(fixture('numbered-lists-mac2011.html'));
    assert.equal(markdown, 'The ministry will:\n\n1. First point\n2. Second point\n3. Third point\n\nQuestions to the press office.');
    const html = renderMarkdown(markdown);
    assert.match(html, /<ol>\s*<li>First point<\/li>\s*<li>Second point<\/li>\s*<li>Third point<\/li>\s*<\/ol>/);
    assert.doesNotMatch(html, /<ul>|\d\.\s/);
  });

  test('Word 2016 lists: decimal, nested letters, Korean 가/나 numbering are ordered; bullets stay bullets', async () => {
    const markdown = await paste(fixture('numbered-lists.html'));
    assert.equal(
      markdown,
      [
        '**Key points**',
        '',
        '1. First point',
        '2. Second point, with **48** crews',
        '   1. East coast',
        '3. Third point',
        '',
        '붙임 자료의 구성',
        '',
        '1. 추진 배경',
        '2. 세부 내용',
        '',
        '- A bullet stays a bullet',
      ].join('\n'),
    );
    assert.doesNotMatch(markdown, /mso|가\.|·|\\\./);
  });

  test('numbers Word left as text in a span are taken off once, and a list starting at 4 keeps its start', async () => {
    const markdown = await paste(fixture('typed-numbers.html'));
    assert.equal(markdown, '4. Fourth point\n5. Fifth point, 1.5 million won');
    assert.match(renderMarkdown(markdown), /<ol start="4">\s*<li>Fourth point<\/li>/);
  });

  test('a table gets a header row only when it had one (<thead>, <th>, or a bold first row)', async () => {
    const markdown = await paste(fixture('tables.html'));
    assert.equal(
      markdown,
      [
        '문의처',
        '',
        '|  |  |',
        '| --- | --- |',
        '| 대변인실 | 02-2100-1234 |',
        '| 당직실 | 02-2100-5678 |',
        '',
        '지역별 인원',
        '',
        '| 지역 | Crews (명) |',
        '| --- | --- |',
        '| 동해 | 40 |',
        '',
        '| Year | Budget |',
        '| --- | --- |',
        '| 2027 | 1.2 trillion won |',
      ].join('\n'),
    );
    const html = renderMarkdown(markdown);
    assert.doesNotMatch(html, /<th>대변인실/, 'the contact table invents no header');
    assert.match(html, /<table>\s*<tbody>\s*<tr>\s*<td>대변인실<\/td>/, 'and renders without an empty header row');
    assert.match(html, /<th>지역<\/th>/);
    assert.match(html, /<th>Year<\/th>/);
  });

  test('nothing in the page complained (CSP, script errors)', () => {
    assert.deepEqual(problems, []);
  });
});
