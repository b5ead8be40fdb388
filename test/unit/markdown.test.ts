import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown } from '../../src/web/render/markdown.js';

test('hostile Markdown and HTML come out inert', () => {
  const html = renderMarkdown(
    [
      '<script>alert(1)</script>',
      '[click](javascript:alert(2)) [data](data:text/html;base64,PHNjcmlwdD4=)',
      '<img src=x onerror=alert(3)> <iframe src="https://evil.example"></iframe> <svg onload=alert(4)>',
      '[ok](https://www.mod.valdora.example/a "t")',
    ].join('\n\n'),
  );
  assert.doesNotMatch(html, /<script|<img|<iframe|<svg|href="javascript:|href="data:/i);
  assert.doesNotMatch(html, /<[a-z][^>]*\son[a-z]+=/i, 'no event-handler attribute on any element');
  assert.match(html, /&lt;script&gt;/, 'typed HTML is shown as text');
  assert.match(html, /<a href="https:\/\/www\.mod\.valdora\.example\/a" title="t" rel="noopener">ok<\/a>/);
});

test('table alignment becomes classes, since the CSP forbids inline styles', () => {
  const html = renderMarkdown('| a | b | c |\n|--:|:-:|---|\n| 1 | 2 | 3 |');
  assert.match(html, /<th class="align-right">a<\/th>/);
  assert.match(html, /<td class="align-center">2<\/td>/);
  assert.match(html, /<td>3<\/td>/);
  assert.doesNotMatch(html, /style=/);
});

test('a table without a header row (an empty one in Markdown, #16) renders with no empty header', () => {
  const html = renderMarkdown('|  |  |\n| --- | --- |\n| 대변인실 | 02-2100-1234 |\n| 당직실 | 02-2100-5678 |');
  assert.doesNotMatch(html, /<thead|<th/);
  assert.match(html, /<table>\s*<tbody>\s*<tr>\s*<td>대변인실<\/td>\s*<td>02-2100-1234<\/td>/);
  assert.match(renderMarkdown('| 지역 |  |\n| --- | --- |\n| 동해 | 40 |'), /<thead>\s*<tr>\s*<th>지역<\/th>\s*<th><\/th>/, 'a header with any text stays');
});

test('body headings start at h2 under the page title, Korean bullets stay text', () => {
  const html = renderMarkdown('# 개요\n\n□ 국방부는 20일 훈련을 실시했다.\n\n◦ 합참의장을 비롯한 관계자가 참석했다.');
  assert.match(html, /<h2>개요<\/h2>/);
  assert.match(html, /<p>□ 국방부는 20일 훈련을 실시했다\.<\/p>/);
});
