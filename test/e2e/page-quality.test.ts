import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Language } from '../../src/domain/language.js';
import { allViolations, browserSkipReason, describeViolations, launchBrowser, listen } from '../support/browser.js';
import { docxDocument, hwp5Document, hwpxDocument, koreanPdf } from '../support/document-fixtures.js';
import { buildRelease, jpegBytes } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const artifacts = process.env.PRESSROOM_TEST_ARTIFACTS ?? 'test-artifacts';
const QUERY: Record<Language, string> = { en: 'defence', ko: '국방' };
/** A list with a second page in each language (the Korean demo needs more statements for one). */
const PAGE_TWO: Record<Language, string> = { en: '/en/press-releases?page=2', ko: '/ko/statements?page=2' };

/** The first release linked from a board's first page. */
async function firstRelease(page: Page, origin: string, lang: Language, board: string): Promise<string> {
  await page.goto(`${origin}/${lang}/${board}`);
  const href = await page.locator(board === 'photos' ? '.photo-grid a' : 'table.board-list td.title a').first().getAttribute('href');
  assert.ok(href, `${board} lists a release`);
  return href;
}

/** Per language, a release with document attachments and photos and its text views ("Read online", #19), made in before(). */
const textViews: Record<Language, string[]> = { en: [], ko: [] };

/** Every public page type in one language (#17): home, lists, page 2, release, print, photos, search, statements, text views (#19). */
async function pagesOf(page: Page, origin: string, lang: Language): Promise<string[]> {
  const release = await firstRelease(page, origin, lang, 'press-releases');
  const photo = await firstRelease(page, origin, lang, 'photos');
  return [
    `/${lang}/`,
    `/${lang}/press-releases`,
    PAGE_TWO[lang],
    `/${lang}/news`,
    release,
    `${release}/print`,
    `/${lang}/photos`,
    photo,
    `/${lang}/search`,
    `/${lang}/search?q=${encodeURIComponent(QUERY[lang])}`,
    `/${lang}/search?q=${encodeURIComponent(QUERY[lang])}&from=2026-12-31&to=2020-01-01`,
    `/${lang}/privacy`,
    `/${lang}/accessibility`,
    ...textViews[lang],
  ];
}

describe('page quality in Chromium (#17)', { skip: browserSkipReason() }, () => {
  let web: TestWeb;
  let origin: string;
  let browser: Browser;
  let page: Page;

  before(async () => {
    web = await createTestWeb('sqlite', { demo: true });
    web.clock.set(new Date());
    await web.system.commands.seedDemo();
    for (let i = 1; i <= 12; i++) {
      await buildRelease(web.system, { boardSlug: 'statements', language: 'ko', title: `국방부 대변인 정례 브리핑 입장문 제${i}호`, bodyMarkdown: '국방부는 오늘 정례 브리핑에서 입장을 밝혔습니다.' });
    }
    // Releases whose attachments have text views with headings, lists, wide tables and a partial notice (#19).
    const wide = [['구분', '추진 과제', '세부 내용', '예산(억 원)', '담당 부서'], ['1단계', '드론방호체계구축사업추진', '주요 기지 12곳에 탐지 레이더와 재밍 장비를 배치한다', '1,200', '국방부 전력정책관실']];
    const en = await buildRelease(web.system, {
      boardSlug: 'news',
      title: 'Mobilisation plan annexes',
      files: [
        { fileName: 'mobilisation-plan.docx', bytes: docxDocument({ heading: 'Mobilisation Plan', paragraph: 'The plan has three steps.', items: ['First step', 'Second step'], cells: [['Year', 'Budget', 'Responsible directorate'], ['2027', '120', 'Directorate of Reserve Forces Policy and Training']] }) },
        { fileName: 'old-format.hwp', bytes: hwp5Document('Preview text of an old Hangul file') },
        { fileName: 'briefing.jpg', bytes: await jpegBytes(1200, 800), altText: 'The minister at the podium', caption: 'The briefing', credit: 'Ministry' },
      ],
    });
    const ko = await buildRelease(web.system, {
      boardSlug: 'news',
      language: 'ko',
      title: '해역 경계 강화 계획 브리핑',
      files: [
        { fileName: '붙임1_세부계획.hwpx', bytes: hwpxDocument({ heading: '붙임1 세부 추진계획', paragraphs: ['드론방호체계 구축을 단계적으로 추진한다.'], cells: wide }) },
        { fileName: '붙임2_감시체계.pdf', bytes: koreanPdf() },
      ],
    });
    await web.system.texts.extraction.runAll();
    for (const { release, edition } of [en, ko]) {
      textViews[release.language].push(`/${release.language}/news/${release.number}`);
      for (const a of await web.system.attachments.attachmentsOf(edition.id)) {
        if (!a.mimeType.startsWith('image/')) textViews[release.language].push(`/${release.language}/news/${release.number}/files/${a.id}`);
      }
    }
    await web.settled();
    origin = await listen(web);
    browser = await launchBrowser();
    // bypassCSP lets the test inject axe-core; the site's own CSP forbids inline scripts.
    page = await browser.newPage({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  for (const lang of ['en', 'ko'] as const) {
    test(`axe (WCAG 2.2 AA and best practice) finds nothing on any ${lang} page type`, async () => {
      const problems: string[] = [];
      for (const path of await pagesOf(page, origin, lang)) {
        const response = await page.goto(`${origin}${path}`);
        assert.equal(response?.status(), 200, path);
        const violations = await allViolations(page);
        if (violations.length > 0) problems.push(`${path}:\n${describeViolations(violations)}`);
        const description = await page.locator('meta[name="description"]').getAttribute('content');
        assert.ok(description && description.length > 20, `${path} has a meta description`);
      }
      assert.deepEqual(problems, [], problems.join('\n\n'));
    });

    test(`no ${lang} page scrolls sideways at 320 px (400% zoom)`, async () => {
      const narrow = await browser.newPage({ viewport: { width: 320, height: 640 } });
      const overflowing: string[] = [];
      for (const path of await pagesOf(narrow, origin, lang)) {
        await narrow.goto(`${origin}${path}`);
        const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) overflowing.push(`${path}: ${width}px`);
      }
      await narrow.close();
      assert.deepEqual(overflowing, []);
    });

    test(`on a 390x844 phone the ${lang} release headline is in the first screen, and its photo loads first`, async () => {
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
      for (const board of ['press-releases', 'photos']) {
        await phone.goto(`${origin}${await firstRelease(phone, origin, lang, board)}`);
        const box = await phone.locator('h1').boundingBox();
        assert.ok(box && box.y + box.height <= 844, `${board}: the headline ends at ${box ? box.y + box.height : '?'}px`);
        // The header's search is visible, with its label and button.
        assert.ok(await phone.locator('.site-search label').isVisible());
        assert.ok(await phone.locator('.site-search button').isVisible());
      }
      const photos = phone.locator('figure.photo img');
      assert.ok((await photos.count()) > 0, 'the photo release has a photo');
      assert.equal(await photos.first().getAttribute('loading'), 'eager');
      assert.equal(await photos.first().getAttribute('fetchpriority'), 'high');
      await phone.screenshot({ path: join(artifacts, `release-390-${lang}.png`) });
      await phone.close();
    });
  }

  test('text views style their tables, lists and notices; print drops the download-only links (#19)', async () => {
    const [release, docx, hwp] = textViews.en;
    await page.goto(`${origin}${docx}`);
    const th = page.locator('.attachment-text .release-body td').first();
    assert.equal(await th.evaluate((e) => getComputedStyle(e).borderTopStyle), 'solid', 'table cells have borders');
    assert.equal(await page.locator('.release-body ul').evaluate((e) => getComputedStyle(e).listStyleType), 'disc');
    await page.goto(`${origin}${hwp}`);
    const partial = page.locator('.text-partial');
    assert.ok(await partial.isVisible());
    assert.equal(await partial.evaluate((e) => getComputedStyle(e).fontWeight), '600', 'the partial-text notice stands out');
    await page.goto(`${origin}${release}`);
    assert.ok(await page.locator('.media-kit a').isVisible());
    assert.ok(await page.locator('.read-online').first().isVisible());
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await page.locator('.media-kit').isVisible(), false, 'no zip download on paper');
      assert.equal(await page.locator('.read-online').first().isVisible(), false);
      assert.equal(await page.locator('.photo-original').first().isVisible(), false);
      await page.goto(`${origin}${hwp}`);
      assert.equal(await page.locator('.text-partial').evaluate((e) => getComputedStyle(e).borderTopStyle), 'solid', 'the notice keeps a border when backgrounds are not printed');
      assert.equal(await page.locator('.release-actions').isVisible(), false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  test('Korean page links are named with their visible number; the file icon is an SVG with a name', async () => {
    await page.goto(`${origin}/ko/statements`);
    const link = page.getByRole('navigation', { name: '페이지' }).getByRole('link', { name: /2\s?쪽$/ });
    // What shows is the number alone; the words around it are for screen readers.
    const shown = await link.first().evaluate((a) => Array.from(a.childNodes, (n) => (n.nodeType === 3 ? n.textContent : '')).join(''));
    assert.equal(shown.trim(), '2');
    assert.equal(await link.first().getAttribute('aria-label'), null);
    await page.goto(`${origin}/ko/press-releases`);
    const icon = page.locator('td.file svg[role="img"]').first();
    assert.equal(await icon.getAttribute('aria-label'), '첨부파일 있음');
    assert.equal(await page.locator('td.file').filter({ hasText: '📎' }).count(), 0);
  });
});
