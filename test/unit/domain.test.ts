import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileTypeLabel, formatByteSize, safeFileName } from '../../src/domain/attachment.js';
import { readSeed, seedSkip } from '../support/seed-fixture.js';
import { characters, isListTitleCut, isListedPublicly, isPagePublic, listTitle, normaliseSubtitleLine, publicTimeFor } from '../../src/domain/release.js';


describe('list title cut', () => {
  test('reproduces the source board: the seed page lists its title cut at 64 characters with "..."', { skip: seedSkip }, () => {
    const lines = readSeed().split('\n').map((l) => l.trim()).filter(Boolean);
    const cut = lines.find((l) => l.endsWith('...'))!;
    const full = lines[lines.indexOf(cut) + 1]!;
    assert.ok(full.startsWith(cut.slice(0, -3)), 'the fixture shows the cut title, then the full one');
    assert.equal(listTitle(full), cut);
    assert.equal(characters(cut.slice(0, -3)).length, 64);
  });

  test('keeps titles of 64 characters or fewer whole', () => {
    const exact = 'x'.repeat(64);
    assert.equal(listTitle(exact), exact);
    assert.equal(isListTitleCut(exact), false);
    assert.equal(listTitle('x'.repeat(65)), `${'x'.repeat(64)}...`);
    assert.equal(isListTitleCut('x'.repeat(65)), true);
  });

  test('counts Korean by characters, not bytes or UTF-16 units', () => {
    const korean = '국방부 장관은 20일 합동참모본부를 방문하여 '.repeat(4); // > 64 syllables and spaces
    const cut = listTitle(korean);
    assert.equal(characters(cut.slice(0, -3)).length, 64);
    assert.ok(Buffer.byteLength(cut.slice(0, -3)) > 64 * 2, 'Hangul is 3 bytes in UTF-8: a byte cut would be far shorter');
    const emoji = '👍🏽'.repeat(70); // one character made of several code points
    assert.equal(characters(listTitle(emoji).slice(0, -3)).length, 64);
  });
});

describe('visibility rule', () => {
  const now = new Date('2026-11-28T00:00:00Z');
  const cases: [string, 'unpublished' | 'published' | 'withdrawn', Date | null, boolean, boolean][] = [
    ['draft', 'unpublished', null, false, false],
    ['published in the past', 'published', new Date(now.getTime() - 1), true, true],
    ['published exactly now', 'published', now, true, true],
    ['under embargo', 'published', new Date(now.getTime() + 1), false, false],
    ['withdrawn', 'withdrawn', new Date(now.getTime() - 1), false, true],
    ['withdrawn while embargoed', 'withdrawn', new Date(now.getTime() + 1), false, false],
  ];
  for (const [name, status, publicAt, listed, page] of cases) {
    test(`${name}: listed ${listed}, page ${page}`, () => {
      assert.equal(isListedPublicly({ status, publicAt }, now), listed);
      assert.equal(isPagePublic({ status, publicAt }, now), page);
    });
  }

  test('an embargo later than publication decides the public time', () => {
    const published = new Date('2026-11-28T00:00:00Z');
    const embargo = new Date('2026-11-28T03:00:00Z');
    assert.deepEqual(publicTimeFor(published, embargo), embargo);
    assert.deepEqual(publicTimeFor(published, null), published);
    assert.deepEqual(publicTimeFor(embargo, published), embargo);
  });
});

describe('content helpers', () => {
  test('subtitle lines lose their leading dash however they were typed', () => {
    assert.equal(normaliseSubtitleLine('- Discussed ways to strengthen cooperation'), 'Discussed ways to strengthen cooperation');
    assert.equal(normaliseSubtitleLine('  – 국방 협력 강화 방안 논의'), '국방 협력 강화 방안 논의');
    assert.equal(normaliseSubtitleLine('No dash here'), 'No dash here');
  });

  test('file names are made safe but keep Korean', () => {
    assert.equal(safeFileName('../../etc/passwd'), 'passwd');
    assert.equal(safeFileName('C:\\temp\\보도자료.pdf'), '보도자료.pdf');
    assert.equal(safeFileName('.hidden'), 'hidden');
    assert.equal(safeFileName('a\u0000b<c>.pdf'), 'abc.pdf');
    assert.equal(safeFileName(''), 'file');
  });

  test('sizes and type labels read as people expect', () => {
    assert.equal(formatByteSize(512), '512 B');
    assert.equal(formatByteSize(1536), '1.5 KB');
    assert.equal(formatByteSize(5 * 1024 * 1024), '5.0 MB');
    assert.equal(formatByteSize(25 * 1024 * 1024), '25 MB');
    assert.equal(fileTypeLabel('application/pdf', 'x.pdf'), 'PDF');
    assert.equal(fileTypeLabel('application/octet-stream', '문서.hwp'), 'HWP');
  });
});
