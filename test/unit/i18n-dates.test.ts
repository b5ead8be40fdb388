import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateTime } from '../../src/web/admin/shared/format.js';
import { dateFormatters } from '../../src/web/i18n/format.js';

// 2026-11-20 01:30 UTC is 10:30 in Seoul, the same day.
const at = new Date('2026-11-20T01:30:00Z');

test('public dates are in the site time zone, in each language\'s format', () => {
  const ko = dateFormatters('ko', 'Asia/Seoul');
  const en = dateFormatters('en', 'Asia/Seoul');
  assert.match(ko.long(at), /^2026년 11월 20일 .*10:30 \(GMT\+9\)$/);
  assert.match(en.long(at), /^20 November 2026 at 10:30 \(GMT\+9\)$/);
  assert.equal(ko.day(new Date('2026-11-19T16:00:00Z')), '2026-11-20', 'lists use the Seoul day');
  assert.equal(dateFormatters('en', 'Europe/London').day(new Date('2026-11-19T16:00:00Z')), '2026-11-19');
});

test('admin times name the zone and follow the staff member\'s language', () => {
  assert.equal(formatDateTime(at, 'Asia/Seoul', 'en'), '2026-11-20 10:30 GMT+9');
  assert.equal(formatDateTime(at, 'Asia/Seoul', 'ko'), '2026. 11. 20. 10:30 GMT+9');
});
