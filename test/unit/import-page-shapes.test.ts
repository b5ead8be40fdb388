import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseScrapedPage, UnrecognisedPageError, type ScrapedPage } from '../../src/app/import/parse-scraped-page.js';
import { pageCandidate } from '../../src/app/import/page-candidate.js';
import { dateInSentence, firstSentence } from '../../src/app/import/text-dates.js';
import { readSeed, seedSkip } from '../support/seed-fixture.js';

/** Pages in the shapes the old board's pages really take (our own text, written in each shape). */
const SHAPES = new URL('../fixtures/import/shapes/', import.meta.url);
const shape = (name: string) => readFileSync(new URL(name, SHAPES), 'utf8');
const read = (name: string, title?: string) => parseScrapedPage(shape(name), { title });
const paragraphs = (page: ScrapedPage) => page.bodyMarkdown.split('\n\n');
const refusal = (name: string) => {
  try {
    parseScrapedPage(shape(name));
  } catch (error) {
    assert.ok(error instanceof UnrecognisedPageError);
    return error.message;
  }
  assert.fail(`${name} was read as a release`);
};

describe('import: the template bullet without a "File" heading', () => {
  test('between the body and the byline of a news item it is dropped (and reported), byline and copyright kept apart', () => {
    const page = read('1-template-bullet-no-file.txt');
    assert.equal(page.title, "Valdora's army engineers finish a bridge over the Sel River two weeks ahead of its planned date");
    assert.deepEqual(page.subtitle, ['The new crossing reopens the valley road to farm traffic']);
    assert.equal(paragraphs(page).length, 5, 'three paragraphs, then byline and copyright');
    assert.doesNotMatch(page.bodyMarkdown, /Presentation and Follow-on/);
    assert.equal(page.byline, 'By Oh Min-ji, staff reporter');
    assert.match(page.copyright!, /^Copyright © Valdora Defence Daily/);
    assert.deepEqual(page.dropped, ['template text "(Presentation and Follow-on discussion)"']);
    assert.deepEqual(page.files, []);
  });

  test('dash-led at the end of a press release it is dropped too, and is no subtitle or list item', () => {
    const page = read('1-template-bullet-dash.txt');
    assert.deepEqual(page.subtitle, []);
    assert.equal(paragraphs(page).length, 2);
    assert.doesNotMatch(page.bodyMarkdown, /Presentation|^- /m);
    assert.equal(page.dropped.length, 1);
  });
});

describe('import: Korean pages that open with the title', () => {
  test('first line is the title, □ lines the body, the //끝// end mark dropped from the last line', () => {
    const page = read('2-ko-title-first.txt');
    assert.equal(page.title, '국방부 입장 설명');
    assert.equal(page.section, null);
    assert.equal(page.board, null);
    assert.deepEqual(page.subtitle, []);
    assert.equal(page.bodyMarkdown.split('\n').length, 3);
    assert.match(page.bodyMarkdown, /^- 국방부는 앞으로도 투명하게 훈련 일정을 공개할 것입니다\.$/m);
    assert.doesNotMatch(page.bodyMarkdown, /끝/);
    assert.deepEqual(page.dropped, ['end mark "//끝//"']);
  });

  test('an end mark on its own line closes the body; the File area after it still lists files', () => {
    const page = read('2-ko-title-first-end-line.txt');
    assert.equal(page.title, '가상국가 발도라 국방부, 겨울철 안전사고 예방 대책 발표');
    assert.equal(page.bodyMarkdown, ['- 국방부는 12월 1일부터 겨울철 안전사고 예방 기간을 운영한다고 밝혔다.', '  - 각 부대는 난방 기구와 차량 결빙 대비 상태를 매주 점검한다.', '  - 야외 훈련 시에는 체감온도에 따라 훈련 시간을 조정한다.'].join('\n'));
    assert.deepEqual(page.files, ['겨울철_안전대책.hwpx']);
    assert.deepEqual(page.dropped, ['end mark "<끝>"']);
  });

  test('numbered points with no title line are refused saying what is missing and which option helps; --title imports them', () => {
    assert.match(refusal('2-ko-numbered-no-title.txt'), /no title line: the page begins with a numbered point .*--title TEXT/);
    const page = read('2-ko-numbered-no-title.txt', '예비군 훈련 일정 조정 안내');
    assert.equal(page.title, '예비군 훈련 일정 조정 안내');
    assert.equal(paragraphs(page).length, 3);
    assert.match(page.bodyMarkdown, /^1\\\. 가상국가 발도라/, 'the numbers stay text, escaped from Markdown lists');
    const candidate = pageCandidate(shape('2-ko-numbered-no-title.txt'), { format: 'page-text', name: 'notice.txt' });
    assert.match(candidate.refusal!, /^not a press-release page: no title line.*--title TEXT/);
  });
});

describe('import: even spacing and photo markers', () => {
  test('with the photo marker as the boundary, lines before it are the subtitle even when every gap is one blank line', () => {
    const page = read('3-even-spacing-marker.txt');
    assert.deepEqual(page.subtitle, ['Rescue teams practised moving casualties by air and sea', 'Hospital ships of both navies treated role-players for two days']);
    assert.equal(paragraphs(page).length, 3);
    assert.deepEqual(page.flags.map((f) => f.code), ['photo_not_imported']);
  });

  test('without a marker, short lines with no full stop before the first sentence are the subtitle', () => {
    const page = read('3-even-spacing-no-marker.txt');
    assert.deepEqual(page.subtitle, ['Forty students begin an eighteen-month course', 'Graduates will serve in reconnaissance and search units']);
    assert.equal(paragraphs(page).length, 2);
    assert.deepEqual(page.flags, []);
  });

  test('a 50-character cut that ended in a space (49 shown) and numbered captions are markers, removed and counted', () => {
    const page = read('4-marker-49-and-numbered.txt');
    assert.deepEqual(page.subtitle, ['Divers worked in shifts in water of four degrees']);
    assert.equal(paragraphs(page).length, 3);
    assert.doesNotMatch(page.bodyMarkdown, /Navy divers of Valdora raise/);
    assert.match(page.flags.find((f) => f.code === 'photo_not_imported')!.message, /^3 photos stood on the page/);
  });
});

describe('import: other list marks and notes', () => {
  test('◈ and ▶ are points, ○ sub-points, - under them siblings, ※ a note paragraph', () => {
    const page = read('5-ko-other-marks.txt');
    assert.equal(
      page.bodyMarkdown,
      [
        '- 국방부는 장병 복지 개선 방안을 다음과 같이 발표하였다.',
        '  - 생활관 냉난방 설비를 2027년까지 모두 교체한다.',
        '  - 급식 단가를 단계적으로 인상한다.',
        '- 휴가 제도를 개선한다.',
        '  - 연가 사용 절차를 간소화한다.',
        '  - 위로 휴가 기준을 명확히 한다.',
        '',
        '※ 세부 내용은 붙임 자료를 참고하시기 바랍니다.',
      ].join('\n'),
    );
    assert.equal(page.date?.text, '등록일 : 2026.11.20');
  });
});

describe('import: dates in the first sentence', () => {
  test('"on 27 November 2024" is offered as the date, flagged as taken from the text', () => {
    const page = read('6-en-date-in-text.txt');
    assert.deepEqual(page.date?.local, { year: 2024, month: 11, day: 27, hour: 0, minute: 0 });
    assert.deepEqual(page.flags.map((f) => f.code), ['date_from_text']);
    assert.match(page.flags[0]!.message, /"27 November 2024" was taken from its first sentence/);
  });

  test('"2024년 3월 5일" in the first point is the date; "지난 3월 5일" without a year gives none', () => {
    assert.deepEqual(read('6-ko-date-in-text.txt').date?.local, { year: 2024, month: 3, day: 5, hour: 0, minute: 0 });
    const undated = read('6-ko-date-no-year.txt');
    assert.equal(undated.date, null);
    assert.deepEqual(undated.flags, []);
  });

  test('only the first sentence counts, and no day is invented', () => {
    assert.equal(dateInSentence(firstSentence('The drill ended on Friday. A second one is set for 3 March 2027.')), null);
    assert.equal(dateInSentence('on 31 February 2024 nothing happened'), null);
    assert.deepEqual(dateInSentence('Minister Lee met him on Saturday, July 15, 2023 in Seoul')?.local, { year: 2023, month: 7, day: 15, hour: 0, minute: 0 });
    assert.equal(dateInSentence('On the afternoon of Saturday, July 15, Defense Minister Lee met'), null);
  });
});

describe('import: pages that are not a release say what they look like', () => {
  test('a list page', () => assert.match(refusal('7-list-page.txt'), /looks like a board's list page \(4 rows of number, title and date\).*import the release pages it links to/));
  test('a flipbook page', () => assert.match(refusal('7-flipbook-page.txt'), /looks like a flipbook/));
  test('an unrelated page', () => assert.match(refusal('7-unrelated-page.txt'), /does not look like a press-release page.*--title TEXT/));
});

describe('import: blank lines and white space carry no meaning', () => {
  const OTHERS = new URL('../fixtures/import/', import.meta.url);
  const fixtures: { name: string; text: () => string }[] = [
    ...readdirSync(SHAPES)
      .filter((n) => n.endsWith('.txt') && !n.startsWith('7-') && !n.includes('numbered-no-title'))
      .sort()
      .map((name) => ({ name, text: () => shape(name) })),
    ...['ko-press-release.txt', 'en-news-cut128.txt'].map((name) => ({ name, text: () => readFileSync(new URL(name, OTHERS), 'utf8') })),
  ];
  const spaces = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u3000', '');
  /** The same lines, with 1 to 3 blank lines after each, odd spaces around them and either line ending. */
  const respaced = (text: string) => {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    return fc
      .record({
        gaps: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: lines.length, maxLength: lines.length }),
        pads: fc.array(fc.tuple(spaces, spaces), { minLength: lines.length, maxLength: lines.length }),
        eol: fc.constantFrom('\n', '\r\n'),
      })
      .map(({ gaps, pads, eol }) => lines.map((l, i) => `${pads[i]![0]}${l.trim()}${pads[i]![1]}${eol.repeat(gaps[i]! + 1)}`).join(''));
  };
  const check = (text: string) => {
    const expected = parseScrapedPage(text);
    fc.assert(
      fc.property(respaced(text), (variant) => {
        assert.deepEqual(parseScrapedPage(variant), expected);
      }),
      { numRuns: 40 },
    );
  };
  for (const { name, text } of fixtures) test(`${name} reads the same however it is spaced`, () => check(text()));
  test('the seed page reads the same however it is spaced', { skip: seedSkip }, () => check(readSeed()));
});
