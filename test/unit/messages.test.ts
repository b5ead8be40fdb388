import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogues } from '../../src/web/i18n/messages.js';

test('every UI string exists, non-empty, in both Korean and English', () => {
  const en = Object.keys(catalogues.en).sort();
  const ko = Object.keys(catalogues.ko).sort();
  assert.deepEqual(ko, en);
  for (const lang of ['en', 'ko'] as const) {
    for (const [key, value] of Object.entries(catalogues[lang])) assert.ok(value.trim().length > 0, `${lang}.${key} is empty`);
  }
  const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
  for (const key of en) {
    const k = key as keyof typeof catalogues.en;
    assert.deepEqual(placeholders(catalogues.ko[k]), placeholders(catalogues.en[k]), `placeholders of ${key} differ`);
  }
});
