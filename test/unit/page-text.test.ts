import assert from 'node:assert/strict';
import { test } from 'node:test';
import { snippetSource } from '../../src/adapters/search/search-documents.js';
import { listTitle } from '../../src/domain/release.js';
import { readDates } from '../../src/web/public/search.route.js';
import { newsArticle } from '../../src/web/seo/json-ld.js';
import { releaseDescription } from '../../src/web/views/release.view.js';

test('a cut list title never ends in a space before "..." (#17)', () => {
  const title = `${'a'.repeat(63)} and the rest of a long title`;
  assert.equal(listTitle(title), `${'a'.repeat(63)}...`);
});

test('search snippets keep the subtitle apart from the body (#17)', () => {
  assert.equal(snippetSource(['Troops deployed', 'Second line'], '**Soldiers** arrived.'), 'Troops deployed · Second line · Soldiers arrived.');
  assert.equal(snippetSource([], 'Body only'), 'Body only');
});

test('the meta description is the subtitle, else the body as plain text cut at a word', () => {
  assert.equal(releaseDescription(['The line'], 'Body'), 'The line');
  assert.equal(releaseDescription([], '## Heading\n\nA [link](https://x.example) and **bold**.'), 'Heading A link and bold.');
  const long = releaseDescription([], 'word '.repeat(60));
  assert.ok(long.length <= 163 && long.endsWith('word...'), long);
});

test('search dates: invalid ones are left out and reported, a reversed range is swapped and reported (#17)', () => {
  const base = { q: 'x', board: null, sort: 'newest' as const };
  const invalid = readDates({ ...base, from: '2026-13-01', to: '2026-02-03' });
  assert.deepEqual(invalid.problems, [{ kind: 'invalid', field: 'from', value: '2026-13-01' }]);
  assert.equal(invalid.from, null);
  assert.equal(invalid.to, '2026-02-03');
  const reversed = readDates({ ...base, from: '2026-12-31', to: '2026-01-01' });
  assert.deepEqual(reversed.problems, [{ kind: 'reversed', from: '2026-12-31', to: '2026-01-01' }]);
  assert.deepEqual([reversed.from, reversed.to, reversed.form.from, reversed.form.to], ['2026-01-01', '2026-12-31', '2026-01-01', '2026-12-31']);
  assert.deepEqual(readDates({ ...base, from: null, to: null }).problems, []);
});

test('NewsArticle names the department as author, the ministry as publisher, and the image alt text', () => {
  const detail = {
    release: { firstPublishedAt: new Date('2026-01-02T00:00:00Z'), publicUpdatedAt: null, language: 'en' },
    edition: { title: 'T', department: 'Public Affairs' },
  } as unknown as Parameters<typeof newsArticle>[0];
  const data = newsArticle(detail, { name: 'Ministry', siteUrl: 'https://x/en/', logoUrl: 'https://x/f.svg', pageUrl: 'https://x/en/p/1', description: 'D', image: { url: 'https://x/a.jpg', alt: 'Two ships', width: 800, height: 600 } });
  assert.deepEqual(data.author, { '@type': 'GovernmentOrganization', name: 'Public Affairs', parentOrganization: { '@type': 'GovernmentOrganization', name: 'Ministry' } });
  assert.equal(data.publisher.name, 'Ministry');
  assert.equal(data.image?.[0]?.caption, 'Two ships');
});
