import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReleaseStatus } from '../../src/domain/release.js';
import { authoritativeVersion, missingLanguages, otherLanguage, pairingRefusals, publicAlternates } from '../../src/domain/translation.js';

const now = new Date('2026-11-20T01:00:00Z');
const hourAgo = new Date(now.getTime() - 3_600_000);
const inAnHour = new Date(now.getTime() + 3_600_000);
const version = (releaseId: number, language: 'ko' | 'en', status: ReleaseStatus, publicAt: Date | null, number: number | null = releaseId) => ({ releaseId, language, status, publicAt, number });

test('a public page links only to other-language versions that are public now', () => {
  const ko = version(1, 'ko', 'published', hourAgo);
  const cases: [string, ReturnType<typeof version>, boolean][] = [
    ['published English', version(2, 'en', 'published', hourAgo), true],
    ['draft (never published, no number)', version(2, 'en', 'unpublished', null, null), false],
    ['in review / approved (unpublished)', version(2, 'en', 'unpublished', null, null), false],
    ['embargoed until later', version(2, 'en', 'published', inAnHour), false],
    ['withdrawn', version(2, 'en', 'withdrawn', hourAgo), false],
    ['public exactly now', version(2, 'en', 'published', now), true],
  ];
  for (const [label, en, linked] of cases) {
    const alternates = publicAlternates({ releaseId: ko.releaseId }, [ko, en], now);
    assert.deepEqual(
      alternates.map((a) => a.releaseId),
      linked ? [2] : [],
      label,
    );
  }
  // The page itself is never its own alternate.
  assert.deepEqual(publicAlternates({ releaseId: 1 }, [ko], now), []);
});

test('missing languages, the authoritative version and the other language', () => {
  assert.deepEqual(missingLanguages([{ language: 'ko' }]), ['en']);
  assert.deepEqual(missingLanguages([{ language: 'ko' }, { language: 'en' }]), []);
  assert.deepEqual(missingLanguages([]), ['ko', 'en']);
  assert.equal(authoritativeVersion([{ releaseId: 5, isAuthoritative: false }, { releaseId: 3, isAuthoritative: false }])?.releaseId, 3, 'unmarked: the first created');
  assert.equal(authoritativeVersion([{ releaseId: 3, isAuthoritative: false }, { releaseId: 5, isAuthoritative: true }])?.releaseId, 5, 'the marked one wins');
  assert.equal(otherLanguage('ko'), 'en');
  assert.equal(otherLanguage('en'), 'ko');
});

test('pairing two releases: refused for the same language, itself, an existing pair, or a language already taken on either side', () => {
  const v = (releaseId: number, language: 'ko' | 'en') => ({ releaseId, language });
  const codes = (own: ReturnType<typeof v>[], self: number, other: ReturnType<typeof v>[], them: number) => pairingRefusals(own, self, other, them).map((i) => i.code);
  assert.deepEqual(codes([v(1, 'ko')], 1, [v(2, 'en')], 2), [], 'two lone releases in different languages');
  assert.deepEqual(codes([v(1, 'ko')], 1, [v(2, 'ko')], 2), ['pair_same_language']);
  assert.deepEqual(codes([v(1, 'ko')], 1, [v(1, 'ko')], 1), ['pair_self']);
  assert.deepEqual(codes([v(1, 'ko'), v(2, 'en')], 1, [v(1, 'ko'), v(2, 'en')], 2), ['already_paired']);
  assert.deepEqual(codes([v(1, 'ko'), v(3, 'en')], 1, [v(2, 'en')], 2), ['translation_exists']);
  assert.deepEqual(codes([v(1, 'ko')], 1, [v(2, 'en'), v(4, 'ko')], 2), ['other_translation_exists']);
  assert.deepEqual(codes([v(1, 'ko'), v(3, 'en')], 1, [v(2, 'en'), v(4, 'ko')], 2), ['translation_exists', 'other_translation_exists'], 'every reason at once');
  assert.ok(pairingRefusals([v(1, 'ko')], 1, [v(2, 'ko')], 2).every((i) => i.field === 'other' && i.message.length > 0));
});
