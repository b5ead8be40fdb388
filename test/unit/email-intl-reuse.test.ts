import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Language } from '../../src/domain/language.js';
import type { AlertItem } from '../../src/ports/distribution.js';
import { makeEmailTemplates } from '../../src/web/email/email-templates.js';
import { formatMessage } from '../../src/web/i18n/icu.js';

// Each Intl object holds ICU memory outside the JS heap. Making them per email (four date and number
// formatters per item, a NumberFormat and a PluralRules per message) grew a 10,000-email alert by
// ~500 MB of RSS (issue #14, "memory flat"); they are made once per locale and zone instead.

type IntlName = 'DateTimeFormat' | 'NumberFormat' | 'PluralRules';

/** Counts `new Intl.X(...)` while `work` runs, then puts the real constructors back. */
function countIntlConstructions(work: () => void): number {
  const names: IntlName[] = ['DateTimeFormat', 'NumberFormat', 'PluralRules'];
  const originals = names.map((n) => Intl[n]);
  let made = 0;
  for (const [i, name] of names.entries()) {
    const Original = originals[i]! as unknown as new (...args: unknown[]) => object;
    (Intl as unknown as Record<string, unknown>)[name] = new Proxy(Original, {
      construct(target, args: unknown[], newTarget) {
        made += 1;
        return Reflect.construct(target, args, newTarget) as object;
      },
    });
  }
  try {
    work();
  } finally {
    for (const [i, name] of names.entries()) (Intl as unknown as Record<string, unknown>)[name] = originals[i];
  }
  return made;
}

const item = (language: Language, n: number): AlertItem => ({
  releaseId: n,
  editionId: n,
  language,
  boardSlug: 'press-releases',
  boardName: { en: 'Press Release', ko: '보도자료' },
  number: n,
  title: language === 'ko' ? `해양경찰 파출소 개소 ${n}` : `Coast guard opens a station ${n}`,
  subtitle: ['Two patrol boats'],
  department: 'Maritime Police',
  publicAt: new Date('2026-12-03T01:00:00Z'),
  changeNote: n % 2 === 0 ? 'The opening hour was corrected.' : null,
  isPublished: true,
});

test('rendering alert emails makes no new Intl objects per email, so a large alert does not grow native memory', () => {
  const templates = makeEmailTemplates({ siteName: 'Pressroom', timeZone: 'Asia/Seoul' });
  const render = (n: number) => {
    const language: Language = n % 2 === 0 ? 'ko' : 'en';
    return templates.alert({ language, item: item(language, n), releaseUrl: `https://news.example.org/${language}/press-releases/${n}`, criteria: { language, boardId: 1, tag: null, query: null, boardName: { en: 'Press Release', ko: '보도자료' } }, manageUrl: 'https://news.example.org/m', unsubscribeUrl: 'https://news.example.org/u' });
  };
  // The first emails in each language may make the formatters; after that, none.
  countIntlConstructions(() => [1, 2].forEach(render));
  let last = render(3);
  const made = countIntlConstructions(() => {
    for (let n = 3; n < 203; n++) last = render(n);
  });
  assert.equal(made, 0, `200 alert emails made ${made} Intl objects`);
  assert.match(last.text, /2026년 12월 3일 10:00 \(KST\)/, 'the date is still formatted in the site zone and language');
});

test('formatMessage reuses its number format and plural rules for a locale', () => {
  formatMessage('ko-KR', '{count, plural, other {# 건}}', { count: 1 });
  let out = '';
  const made = countIntlConstructions(() => {
    for (let n = 0; n < 100; n++) out = formatMessage('ko-KR', '{count, plural, other {# 건}}', { count: 1234 + n });
  });
  assert.equal(made, 0);
  assert.equal(out, '1,333 건');
});
