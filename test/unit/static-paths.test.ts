import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findLinks } from '../../src/app/static-export/find-links.js';
import { fileOf, rewritePageLinks, staticPathOf } from '../../src/app/static-export/static-paths.js';

const BASE = 'https://news.example.org';
const SHA = 'a'.repeat(64);

describe('static export paths', () => {
  test('pages become directory indexes; documents and files keep their (decoded) names', () => {
    assert.deepEqual(fileOf('/', true), { file: 'index.html' });
    assert.deepEqual(fileOf('/en/', true), { file: 'en/index.html' });
    assert.deepEqual(fileOf('/en/press-releases/12', true), { file: 'en/press-releases/12/index.html' });
    assert.deepEqual(fileOf('/en/press-releases/12/print', true), { file: 'en/press-releases/12/print/index.html' });
    assert.deepEqual(fileOf('/en/press-releases/page/2/', true), { file: 'en/press-releases/page/2/index.html' });
    assert.deepEqual(fileOf('/en/press-releases/feed.xml', false), { file: 'en/press-releases/feed.xml' });
    assert.deepEqual(fileOf(`/files/${SHA}/${encodeURIComponent('국방 예산 (2027).pdf')}`, false), { file: `files/${SHA}/국방 예산 (2027).pdf` });
    assert.deepEqual(fileOf(`/ko/tags/${encodeURIComponent('국방')}/feed.atom`, false), { file: 'ko/tags/국방/feed.atom' });
  });

  test('paths that would leave the directory or no file system can hold are refused', () => {
    assert.ok('refused' in fileOf(`/files/${SHA}/..%2F..%2Fetc%2Fpasswd`, false));
    assert.ok('refused' in fileOf('/files/%2e%2e/x', false));
    assert.ok('refused' in fileOf('/ko/tags/a%2Fb/feed.xml', false));
    assert.ok('refused' in fileOf(`/files/${SHA}/${encodeURIComponent('가'.repeat(90))}.pdf`, false), '270 bytes of Hangul');
    assert.ok('refused' in fileOf('/files/%E0%A4%A/x', false), 'malformed percent-encoding');
    assert.ok('refused' in fileOf('/.pressroom-static.json', false));
  });

  test('later list pages get a path; other query strings have none', () => {
    assert.equal(staticPathOf('/en/press-releases?page=2'), '/en/press-releases/page/2/');
    assert.equal(staticPathOf('/en/press-releases?page=1'), '/en/press-releases');
    assert.equal(staticPathOf('/en/press-releases?q=budget'), null);
    assert.equal(staticPathOf('/en/search?q=budget'), null);
    assert.equal(staticPathOf('/en/press-releases/3'), '/en/press-releases/3');
  });

  test('links to later list pages and to redirects are rewritten, nothing else', () => {
    const html = `<link rel="canonical" href="${BASE}/en/news?page=3"/><a href="/en/news?page=2">2</a><a href="/en/news?q=x&amp;page=2">f</a><a href="/language?to=ko&amp;next=%2Fko%2F">한국어</a><a href="https://other.example/en/news?page=2">x</a>`;
    const out = rewritePageLinks(html, BASE, new Map([['/language?to=ko&next=%2Fko%2F', '/ko/']]));
    assert.equal(
      out,
      `<link rel="canonical" href="${BASE}/en/news/page/3/"/><a href="/en/news/page/2/">2</a><a href="/en/news?q=x&amp;page=2">f</a><a href="/ko/">한국어</a><a href="https://other.example/en/news?page=2">x</a>`,
    );
  });

  test('links are followed on the site only, never into the press office, previews or the API', () => {
    const html = `<a href="/admin/releases">a</a><a href="/preview/tok">p</a><a href="/api/v1/releases">api</a><a href="https://elsewhere.example/x">e</a><a href="//cdn.example/y">c</a><a href="${BASE}/en/feed.xml">f</a><img src="/files/${SHA}/a.jpg" srcset="/files/${SHA}/a-480w.webp 480w, /files/${SHA}/a.jpg 1600w"/><a href="/en/news#top">n</a>`;
    assert.deepEqual(findLinks(html, 'text/html; charset=utf-8', BASE).sort(), ['/en/feed.xml', '/en/news', `/files/${SHA}/a-480w.webp`, `/files/${SHA}/a.jpg`].sort());
    const xml = `<rss><channel><link>${BASE}/en/</link><item><link>${BASE}/en/news/1</link><enclosure url="${BASE}/files/${SHA}/b.pdf" length="1" type="application/pdf"/></item></channel></rss>`;
    assert.deepEqual(findLinks(xml, 'application/rss+xml', BASE).sort(), ['/en/', '/en/news/1', `/files/${SHA}/b.pdf`].sort());
  });
});
