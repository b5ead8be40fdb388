import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pageCandidate } from '../../src/app/import/page-candidate.js';
import { parseScrapedPage, UnrecognisedPageError } from '../../src/app/import/parse-scraped-page.js';
import { boardForSourceName, guessLanguage, zonedInstant } from '../../src/app/import/import-item.js';
import { htmlPageText } from '../../src/adapters/import/html-page.js';
import { parseFeed } from '../../src/adapters/import/parse-feed.js';
import { parseWxr } from '../../src/adapters/import/parse-wxr.js';
import { detectFormat, MalformedSourceError, readImportSource } from '../../src/adapters/import/read-source.js';
import { characters } from '../../src/domain/release.js';
import { renderMarkdown } from '../../src/web/render/markdown.js';
import { readSeed, seedLines as seedLineList, seedSkip } from '../support/seed-fixture.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const codes = (flags: { code: string }[]) => flags.map((f) => f.code).sort();
/** Every paragraph-like line of the seed's article, as the reader sees it. */
const seedLines = seedLineList();

describe('scraped page (text)', () => {
  test('the seed: section, board, cut list title, full title, subtitle, seven paragraphs, no file, no flag', { skip: seedSkip }, () => {
    const page = parseScrapedPage(readSeed());
    assert.equal(page.section, 'News Zone');
    assert.equal(page.board, 'Press Release');
    assert.equal(page.listTitle, seedLines[2]);
    assert.equal(page.title, 'Defense Minister meets with Mark Milley, Chairman of US Joint Chiefs of Staff');
    assert.deepEqual(page.subtitle, ['Discussed ways to strengthen cooperation for policy against North Korea and extended deterrence']);
    const paragraphs = page.bodyMarkdown.split('\n\n');
    assert.equal(paragraphs.length, 7);
    assert.equal(paragraphs[0], seedLines.find((l) => l.startsWith('On the afternoon')));
    assert.equal(paragraphs[6], seedLines.find((l) => l.startsWith('After the meeting')));
    assert.doesNotMatch(page.bodyMarkdown, /Presentation and Follow-on|File/);
    assert.deepEqual(page.files, [], 'the File area bullet is template text, not an attachment');
    assert.deepEqual(page.flags, []);
    assert.equal(page.date, null, 'the seed has no date and none is made up');
  });

  test('Korean page: 64-character cut, dated, dash-wrapped subtitles, □ ◦ - as nested lists, photo placeholder removed, real file flagged', () => {
    const page = parseScrapedPage(fixture('ko-press-release.txt'));
    assert.equal(page.board, '보도자료');
    assert.equal(characters(page.listTitle!.replace(/\.\.\.$/, '')).length, 64);
    assert.ok(page.title.startsWith(page.listTitle!.replace(/\.\.\.$/, '')) && page.title.endsWith('방안 논의'));
    assert.deepEqual(page.subtitle, ['양국 국방정책실장 주관, 사이버 위협 정보 공유체계 구축 합의', '내년 상반기 연합 재난구호훈련 「세이프 하버」 정례 실시']);
    assert.deepEqual(page.date?.local, { year: 2026, month: 3, day: 14, hour: 0, minute: 0 });
    const lines = page.bodyMarkdown.split('\n');
    assert.match(lines[0]!, /^- 국방부는 3월 13일/);
    assert.ok(lines.includes('  - 사이버 위협 정보를 실시간으로 공유하는 핫라인을 연내 개설한다.'));
    assert.ok(lines.includes('    - 연 2회 공동 세미나를 개최한다.'));
    assert.ok(lines.includes('※ 세부 합의 내용은 첨부 자료를 참고하시기 바랍니다.'));
    assert.doesNotMatch(page.bodyMarkdown, /정례화\.\.\./, 'the image placeholder (title cut at 50) is not body text');
    const html = renderMarkdown(page.bodyMarkdown);
    assert.match(html, /<ul>\s*<li>국방부는/);
    assert.match(html, /<li>이번 회의에서 양측은 다음 사항에 합의했다\.\s*<ul>\s*<li>사이버/);
    assert.deepEqual(page.files, ['제3차_국방정책실무회의_결과.hwp']);
    assert.deepEqual(codes(page.flags), ['file_not_imported', 'photo_not_imported']);
  });

  test('news item: 128-character cut with no full title is kept and flagged; plain subtitle lines; byline and copyright close the body', () => {
    const page = parseScrapedPage(fixture('en-news-cut128.txt'));
    assert.equal(page.board, 'News');
    assert.equal(characters(page.title.replace(/\.\.\.$/, '')).length, 128);
    assert.ok(page.title.endsWith('...'));
    assert.deepEqual(page.subtitle, ['Drill practised night-time rescues in rough seas', 'Allied ships from two partner navies joined for the first time']);
    assert.equal(page.byline, 'By Han Seo-yeon, staff reporter');
    assert.equal(page.copyright, 'Copyright © Valdora Defence Daily. All rights reserved.');
    const paragraphs = page.bodyMarkdown.split('\n\n');
    assert.equal(paragraphs.length, 5);
    assert.match(paragraphs[0]!, /^The navy and the coast guard/);
    assert.deepEqual(paragraphs.slice(3), ['*By Han Seo-yeon, staff reporter*', '*Copyright © Valdora Defence Daily. All rights reserved.*']);
    assert.doesNotMatch(page.bodyMarkdown, /Navy and coast guard rescue units/, 'the photo placeholder is gone');
    assert.deepEqual(codes(page.flags), ['photo_not_imported', 'title_cut']);
  });

  test('plain text is escaped so it renders as it read; a page without a title is refused with the reason', () => {
    const page = parseScrapedPage('News Zone\n\nPress Release\n\nShort title\n\nShort title\n\n1. Not a list *really* [x]\n\n# not a heading');
    assert.equal(page.title, 'Short title');
    const html = renderMarkdown(page.bodyMarkdown);
    assert.match(html, /<p>1\. Not a list \*really\* \[x\]<\/p>/);
    assert.match(html, /<p># not a heading<\/p>/);
    assert.throws(() => parseScrapedPage('just one line of text\nand another'), UnrecognisedPageError);
    const refused = pageCandidate('', { format: 'page-text', name: 'empty.txt' });
    assert.match(refused.refusal!, /not a press-release page: the page is empty/);
  });
});

describe('scraped page (saved HTML)', () => {
  test('English page: article area only, canonical URL as identity, dated, subtitle element, photo and scripts dropped', () => {
    const page = htmlPageText(fixture('en-press-release.html'));
    assert.equal(page.url, 'https://mnd.example.org/en/press-release/view/4711');
    assert.equal(page.language, 'en');
    assert.equal(page.date?.instant?.toISOString(), '2026-03-20T06:30:00.000Z');
    const item = pageCandidate(page.text, { format: 'page-html', name: 'en.html', url: page.url, language: page.language, date: page.date });
    assert.equal(item.sourceKey, 'https://mnd.example.org/en/press-release/view/4711');
    assert.deepEqual(item.board, { name: 'Press Release' });
    assert.equal(item.content.title, 'Vice Minister of National Defense holds talks with the fictional Estmark delegation on peacekeeping training and cyber defence');
    assert.deepEqual(item.content.subtitle, ['Agreed to expand exchanges between peacekeeping training centres']);
    assert.equal(item.content.bodyMarkdown.split('\n\n').length, 3);
    assert.doesNotMatch(item.content.bodyMarkdown, /tracker|alert|hostile|Organization|site footer|Presentation/);
    assert.match(item.content.bodyMarkdown, /training & agreed/);
    assert.deepEqual(codes(item.flags), ['photo_not_imported']);
  });

  test('Korean page: list items keep their nesting, the image is not text, og:url identifies it', () => {
    const page = htmlPageText(fixture('ko-press-release.html'));
    assert.equal(page.language, 'ko');
    const item = pageCandidate(page.text, { format: 'page-html', name: 'ko.html', url: page.url, language: page.language });
    assert.equal(item.sourceKey, 'https://mnd.example.org/ko/press/view/9901');
    assert.deepEqual(item.content.subtitle, ['양국 함정 10여 척과 해상초계기 참가']);
    assert.ok(item.content.bodyMarkdown.includes('- 이번 훈련에서 양국 해군은 다음 훈련을 수행했다.\n  - 대잠전 훈련\n  - 해상사격 훈련'));
    assert.doesNotMatch(item.content.bodyMarkdown, /사진|국방부 홈/);
  });
});

describe('feeds', () => {
  test('RSS 2.0: GUIDs, dates with their offsets, categories as tags, untitled item refused, unreadable date flagged', () => {
    const parsed = parseFeed(fixture('feed.rss.xml'), 'feed.rss.xml');
    assert.equal(parsed.format, 'rss');
    const [first, second, third, fourth] = parsed.items;
    assert.equal(first!.sourceKey, 'https://mod.valdora.example/en/press/201');
    assert.equal(first!.date?.instant?.toISOString(), '2026-03-03T00:00:00.000Z');
    assert.deepEqual(first!.content.tags, ['Cyber', 'Minister']);
    assert.equal(first!.language, 'en');
    assert.match(first!.content.bodyMarkdown, /\*\*cyber defence centre\*\*/);
    assert.deepEqual(codes(first!.flags), ['enclosure_not_imported', 'inline_images_dropped']);
    assert.equal(second!.sourceKey, 'press-202');
    assert.equal(second!.content.title, 'Statement on the coastal incident');
    assert.match(third!.refusal!, /no title/);
    assert.equal(fourth!.date, null);
    assert.deepEqual(codes(fourth!.flags), ['date_unreadable']);
  });

  test('hostile HTML in a feed is sanitized: no script, handler, iframe, style or javascript: link survives', () => {
    const body = parseFeed(fixture('feed.rss.xml'), 'feed.rss.xml').items[1]!.content.bodyMarkdown;
    assert.doesNotMatch(body, /<script|cookie|stolen|onclick|onerror|javascript|iframe|evil|display:none|alert/i);
    assert.match(body, /\[a real link\]\(https:\/\/mod\.valdora\.example\/x\)/);
    assert.match(body, /After the script\./);
    const atom = parseFeed(fixture('feed.atom.xml'), 'feed.atom.xml');
    for (const item of atom.items) assert.doesNotMatch(item.content.bodyMarkdown, /script|alert|onmouseover|javascript/i);
  });

  test('Atom: xhtml, html and text content; published date, else updated (flagged); xml:lang', () => {
    const parsed = parseFeed(fixture('feed.atom.xml'), 'feed.atom.xml');
    assert.equal(parsed.format, 'atom');
    const [xhtml, html, text] = parsed.items;
    assert.equal(xhtml!.sourceKey, 'tag:mod.valdora.example,2026:press-301');
    assert.equal(xhtml!.language, 'ko');
    assert.equal(xhtml!.content.bodyMarkdown, '□ 국방부는 장병 급식 개선 방안을 발표했다.\n\n기본급식비를 *인상*한다.');
    assert.deepEqual(xhtml!.content.tags, ['급식']);
    assert.equal(html!.content.title, '합참, 동계 훈련 실시');
    assert.equal(html!.date?.instant?.toISOString(), '2026-03-10T00:00:00.000Z');
    assert.deepEqual(codes(html!.flags), ['date_from_updated']);
    assert.equal(text!.content.bodyMarkdown, 'First paragraph of a \\*plain\\* summary.\n\nSecond paragraph.');
  });

  test('malformed XML is refused with a clear message naming line and column', () => {
    assert.throws(
      () => parseFeed(fixture('malformed.xml'), 'malformed.xml'),
      (error: unknown) => error instanceof MalformedSourceError && /malformed\.xml is not well-formed XML \(line 3, column \d+\): .*title/.test(error.message),
    );
    assert.throws(() => parseFeed('<?xml version="1.0"?><html/>', 'x.xml'), /neither an RSS 2\.0/);
  });
});

describe('WordPress export (WXR)', () => {
  test('posts with categories as boards, tags, authors, drafts; pages refused; menus ignored; hostile HTML sanitized', () => {
    const parsed = parseWxr(fixture('wordpress/export.xml'), 'export.xml', null);
    assert.equal(parsed.format, 'wxr');
    assert.deepEqual(parsed.authors, [
      { login: 'jkim', name: 'Kim Ji-won', email: 'J.Kim@Coastguard.Valdora.example' },
      { login: 'intern', name: 'Summer Intern', email: '' },
    ]);
    assert.equal(parsed.items.length, 4, 'three posts and one page; attachments and menu items are not items');
    const [rescue, korean, draft, page] = parsed.items;
    assert.equal(rescue!.sourceKey, 'https://coastguard.valdora.example/?p=101');
    assert.deepEqual(rescue!.board, { name: 'Press Releases', slug: 'press-releases' });
    assert.deepEqual(rescue!.content.tags, ['Operations', 'rescue', 'winter']);
    assert.deepEqual(rescue!.content.subtitle, ['Two helicopters and three patrol ships joined the operation']);
    assert.equal(rescue!.content.bodyMarkdown, 'The coast guard rescued 14 fishermen from a capsized trawler on Monday.\n\nTwo helicopters and three patrol ships took part in the **six-hour** operation.');
    assert.equal(rescue!.date?.instant?.toISOString(), '2026-02-16T01:30:00.000Z');
    assert.equal(rescue!.authorLogin, 'jkim');
    assert.equal(rescue!.flags.filter((f) => f.code === 'attachment_missing').length, 3, 'no files beside a bare export: metadata only, flagged');
    assert.deepEqual(korean!.board, { name: '공지', slug: 'category-7' }, 'a Korean category slug falls back to its term id');
    assert.doesNotMatch(korean!.content.bodyMarkdown, /script|alert|onclick|javascript|iframe|evil/i);
    assert.equal(draft!.isDraftInSource, true);
    assert.equal(draft!.date, null, 'WordPress writes 0000-00-00 for never-published posts: no date');
    assert.match(page!.refusal!, /page, not a post/);
  });

  test('attachments beside the export are found, never outside it', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'wxr-'));
    copyFileSync(new URL('../fixtures/import/wordpress/export.xml', import.meta.url), join(dir, 'export.xml'));
    mkdirSync(join(dir, 'uploads', '2026', '02'), { recursive: true });
    writeFileSync(join(dir, 'uploads', '2026', '02', 'briefing.pdf'), '%PDF-1.4 test');
    const rescue = parseWxr(readFileSync(join(dir, 'export.xml'), 'utf8'), 'export.xml', dir).items[0]!;
    assert.deepEqual(rescue.files.map((f) => f.fileName), ['briefing.pdf']);
    assert.equal(Buffer.from(await rescue.files[0]!.read!()).toString(), '%PDF-1.4 test');
    assert.equal(rescue.flags.filter((f) => f.code === 'attachment_missing').length, 2);
  });
});

describe('source detection and helpers', () => {
  test('formats are told apart by content', () => {
    assert.equal(detectFormat(fixture('ko-press-release.txt'), 'x.txt'), 'page-text');
    assert.equal(detectFormat(fixture('en-news-cut128.txt'), 'x.txt'), 'page-text');
    assert.equal(detectFormat(fixture('en-press-release.html'), 'saved'), 'page-html');
    assert.equal(detectFormat(fixture('feed.rss.xml'), 'feed'), 'rss');
    assert.equal(detectFormat(fixture('feed.atom.xml'), 'feed'), 'atom');
    assert.equal(detectFormat(fixture('wordpress/export.xml'), 'export.xml'), 'wxr');
    assert.throws(() => detectFormat('not xml at all', 'data.xml'), MalformedSourceError);
  });

  test('boards by source name, language by script, wall-clock dates in the newsroom zone', () => {
    assert.equal(boardForSourceName({ name: 'Press Release' })?.slug, 'press-releases');
    assert.equal(boardForSourceName({ name: '보도자료' })?.slug, 'press-releases');
    assert.deepEqual(boardForSourceName({ name: 'Local Notices' }), { slug: 'local-notices', kind: 'news', name: { en: 'Local Notices', ko: 'Local Notices' } });
    assert.equal(boardForSourceName({ name: '공지' }), null);
    assert.equal(guessLanguage('국방부는 3월 13일 회의를 개최했다'), 'ko');
    assert.equal(guessLanguage('The ministry held talks (국방부)'), 'en');
    assert.equal(zonedInstant({ year: 2026, month: 3, day: 14, hour: 0, minute: 0 }, 'Asia/Seoul').toISOString(), '2026-03-13T15:00:00.000Z');
    assert.equal(zonedInstant({ year: 2026, month: 7, day: 1, hour: 12, minute: 0 }, 'Europe/London').toISOString(), '2026-07-01T11:00:00.000Z');
  });
});

describe('deeply nested HTML (a hostile or broken page)', () => {
  const nested = (depth: number, inner = 'text') => `${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}`;

  test('a saved page nesting 20,000 elements deep is refused with the reason, naming the file; an ordinary depth still reads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pressroom-nested-'));
    try {
      const file = join(dir, 'deep.html');
      writeFileSync(file, `<html><body><main><h1>Title</h1>${nested(20_000)}</main></body></html>`);
      await assert.rejects(readImportSource(file), (error: unknown) => {
        assert.ok(error instanceof MalformedSourceError, String(error));
        assert.match(error.message, /^deep\.html nests elements more than 256 deep; it does not look like a press release page/);
        return true;
      });
      assert.match(htmlPageText(`<html><body><main><h1>Title</h1>${nested(100, 'Body text')}</main></body></html>`).text, /Body text/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a feed item or WordPress post whose body nests too deep is refused alone; the others import', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><title>Deep</title><guid>a</guid><description><![CDATA[<p>${'<b>'.repeat(20_000)}x${'</b>'.repeat(20_000)}</p>]]></description></item>
      <item><title>Fine</title><guid>b</guid><description><![CDATA[<p>Fine body</p>]]></description></item></channel></rss>`;
    const [deep, fine] = parseFeed(rss, 'feed.xml').items;
    assert.match(deep!.refusal!, /the body nests elements more than 256 deep; it does not look like a press release/);
    assert.equal(fine!.refusal, null);
    assert.match(fine!.content.bodyMarkdown, /Fine body/);

    const wxr = fixture('wordpress/export.xml').replaceAll('<content:encoded><![CDATA[', `<content:encoded><![CDATA[${'<blockquote>'.repeat(20_000)}x${'</blockquote>'.repeat(20_000)}`);
    const parsed = parseWxr(wxr, 'export.xml', null);
    assert.ok(parsed.items.some((i) => /nests elements more than 256 deep/.test(i.refusal ?? '')));
  });

  test('XML nesting beyond the parser\'s limit is refused in words', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel>${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</channel></rss>`;
    assert.throws(() => parseFeed(xml, 'deep.xml'), (error: unknown) => error instanceof MalformedSourceError && /^deep\.xml nests XML elements too deep/.test(error.message));
  });
});
