import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateTime } from '../../src/web/admin/shared/format.js';
import { dateFormatters } from '../../src/web/i18n/format.js';

// 2026-11-20 01:30 UTC is 10:30 in Seoul, the same day.
const at = new Date('2026-11-20T01:30:00Z');

test('public dates are in the site time zone, in each language\'s format', () => {
  const ko = dateFormatters('ko', 'Asia/Seoul');
  const en = dateFormatters('en', 'Asia/Seoul');
  assert.equal(ko.long(at), '2026년 11월 20일 10:30 (KST)');
  assert.match(en.long(at), /^20 November 2026 at 10:30 \(GMT\+9\)$/);
  assert.equal(ko.day(new Date('2026-11-19T16:00:00Z')), '2026-11-20', 'lists use the Seoul day');
  assert.equal(dateFormatters('en', 'Europe/London').day(new Date('2026-11-19T16:00:00Z')), '2026-11-19');
});

test('admin times name the zone and follow the staff member\'s language', () => {
  assert.equal(formatDateTime(at, 'Asia/Seoul', 'en'), '2026-11-20 10:30 GMT+9');
  assert.equal(formatDateTime(at, 'Asia/Seoul', 'ko'), '2026. 11. 20. 10:30 KST');
});

// Issue #16 bug 4: Korean times printed "PM 4:40" (ICU's Korean day period in CLDR 48) and "GMT+9".
test('Korean times are 24-hour with the zone\'s usual abbreviation; English is unchanged', () => {
  const afternoon = new Date('2026-12-03T07:40:00Z');
  const pastMidnight = new Date('2026-12-03T15:05:00Z');
  const ko = dateFormatters('ko', 'Asia/Seoul');
  assert.equal(ko.long(afternoon), '2026년 12월 3일 16:40 (KST)');
  assert.equal(ko.long(pastMidnight), '2026년 12월 4일 00:05 (KST)', 'midnight is 00, not 24');
  assert.equal(formatDateTime(afternoon, 'Asia/Seoul', 'ko'), '2026. 12. 03. 16:40 KST');
  assert.equal(dateFormatters('ko', 'Asia/Tokyo').long(afternoon), '2026년 12월 3일 16:40 (JST)');
  assert.equal(dateFormatters('ko', 'America/New_York').long(afternoon), '2026년 12월 3일 02:40 (EST)');
  assert.equal(dateFormatters('ko', 'Europe/London').long(new Date('2026-07-01T12:00:00Z')), '2026년 7월 1일 13:00 (GMT+1)', 'a zone without a table entry keeps ICU’s name');
  // Seoul kept daylight-saving time in 1987 and 1988: KST would be wrong then, so the offset stays.
  assert.match(ko.long(new Date('1988-07-01T03:00:00Z')), /\(GMT\+10\)$/);
  for (const text of [ko.long(afternoon), formatDateTime(afternoon, 'Asia/Seoul', 'ko')]) assert.doesNotMatch(text, /AM|PM|GMT\+9/);
  assert.equal(dateFormatters('en', 'Asia/Seoul').long(afternoon), '3 December 2026 at 16:40 (GMT+9)');
  assert.equal(formatDateTime(afternoon, 'Asia/Seoul', 'en'), '2026-12-03 16:40 GMT+9');
});
