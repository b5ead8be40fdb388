import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { allViolations, browserSkipReason, describeViolations, launchBrowser, listen, signInAs } from '../support/browser.js';
import { buildBoard, buildRelease, jpegBytes, TEST_ACTOR } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const PASSWORD = 'correct horse battery staple';

async function axeClean(page: Page, label: string) {
  const violations = await allViolations(page);
  assert.deepEqual(violations, [], `${label}: ${describeViolations(violations)}`);
}

/** Whether the page scrolls sideways at its width (the bug a cut table makes on a phone). */
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

// #16 items 7 and 9 in Chromium: the dashboard and release list on a 390 px phone (cards, no sideways
// scrolling), the press-contact directory and its picker, and tag links on a public release page.
describe('finding things and phones in Chromium', { skip: browserSkipReason() }, () => {
  let web: TestWeb;
  let origin: string;
  let browser: Browser;
  let taggedPath = '';

  before(async () => {
    web = await createTestWeb('sqlite');
    await buildBoard(web.system, { slug: 'press-releases' });
    await web.system.accounts.createUser({ email: 'park@press.example', name: '박편집', role: 'editor', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
    const long = '국방부장관이합동참모본부의장과함께겨울철대비태세를점검하고현장장병들을격려했다는소식을전하는아주긴제목입니다';
    await buildRelease(web.system, { boardSlug: 'press-releases', state: 'draft', language: 'ko', title: long, files: [{ fileName: '현장.jpg', bytes: await jpegBytes(1000, 700), altText: '현장 점검 사진' }] });
    await buildRelease(web.system, { boardSlug: 'press-releases', state: 'in_review', title: 'Winter readiness inspection with a rather long English headline that goes on' });
    await buildRelease(web.system, { boardSlug: 'press-releases', state: 'scheduled', title: 'Scheduled briefing' });
    const tagged = await buildRelease(web.system, { boardSlug: 'press-releases', language: 'ko', title: '겨울철 도로 안전 대책', tags: ['도로 안전', 'winter'] });
    taggedPath = `/ko/press-releases/${tagged.release.number}`;
    origin = await listen(web);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  async function signIn(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await signInAs(page, origin, 'park@press.example', PASSWORD);
    return page;
  }

  for (const [locale, lang] of [['ko-KR', 'ko'], ['en-GB', 'en']] as const) {
    test(`on a 390 px phone (${lang}) the dashboard and the release list show cards and never scroll sideways`, async () => {
      const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, extraHTTPHeaders: { 'Accept-Language': `${locale},${lang};q=0.9` }, bypassCSP: true });
      const page = await signIn(context);
      assert.ok((await scrollWidth(page)) <= 390, `dashboard is ${await scrollWidth(page)} px wide`);
      const rowDisplay = () => page.locator('table.release-cards tbody tr').first().evaluate((tr) => getComputedStyle(tr).display);
      assert.notEqual(await rowDisplay(), 'table-row', 'dashboard rows are cards');
      await axeClean(page, `${lang} dashboard at 390 px`);

      await page.goto(`${origin}/admin/releases`);
      assert.ok((await scrollWidth(page)) <= 390, `release list is ${await scrollWidth(page)} px wide`);
      assert.notEqual(await rowDisplay(), 'table-row', 'list rows are cards');
      assert.equal(await page.locator('table.release-cards thead').evaluate((el) => el.getBoundingClientRect().width <= 1), true, 'column headings are for screen readers only');
      // Each card names its fields, and the photo draft shows its thumbnail (loaded, staff-only URL).
      assert.match(await page.locator('table.release-cards tbody td[data-label]').first().evaluate((td) => getComputedStyle(td, '::before').content), /:/);
      const thumb = page.locator('img.thumbnail').first();
      await thumb.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('img.thumbnail');
        return img !== null && img.complete && img.naturalWidth > 0;
      });
      assert.match((await thumb.getAttribute('src')) ?? '', /^\/admin\/thumbnails\/[0-9a-f]{64}\//);
      await axeClean(page, `${lang} release list at 390 px`);

      // The filters work without JavaScript being needed: a GET form; the Korean title search finds the draft.
      await page.locator('#filter-q').fill('합동참모본부');
      await page.locator('form.release-filters button[type="submit"]').click();
      await page.waitForURL(/q=/);
      assert.equal(await page.locator('table.release-cards tbody tr').count(), 1);
      assert.ok((await scrollWidth(page)) <= 390);
      await context.close();
    });
  }

  test('an editor keeps a contact in the directory and picks it on a release; the public page shows it', async () => {
    const context = await browser.newContext({ locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' }, bypassCSP: true });
    const page = await signIn(context);
    await page.goto(`${origin}/admin/contacts`);
    await axeClean(page, 'empty directory');
    await page.locator('#field-language').selectOption('en');
    await page.locator('#field-name').fill('Jane Hong');
    await page.locator('#field-role').fill('Deputy Spokesperson');
    await page.locator('#field-phone').fill('+82 2-748-6000');
    await page.locator('#field-email').fill('jane.hong@mnd.example');
    await page.locator('form[action="/admin/contacts"] button[type="submit"]').click();
    await page.waitForURL(/done=added/);
    await axeClean(page, 'directory with a contact');

    await page.goto(`${origin}/admin/releases/new`);
    await page.locator('#field-title').fill('Ministry names new spokesperson office hours');
    await page.locator('#field-bodyMarkdown').fill('The office is open from nine.');
    await page.locator('#field-contactId').selectOption({ label: 'Jane Hong · Deputy Spokesperson · +82 2-748-6000' });
    await page.locator('button[name="intent"][value="save"]').click();
    await page.waitForURL(/\/admin\/releases\/\d+\?done=created/);
    await axeClean(page, 'draft with a picked contact');
    assert.equal(await page.locator('#field-contactName').inputValue(), 'Jane Hong');
    const releaseId = Number(/\/admin\/releases\/(\d+)/.exec(page.url())?.[1]);
    await web.system.commands.submitRelease(releaseId, TEST_ACTOR);
    await web.system.commands.approveRelease(releaseId, TEST_ACTOR);
    await web.system.commands.publishRelease(releaseId, TEST_ACTOR);
    const release = await web.system.releases.getRelease(releaseId);
    await page.goto(`${origin}/en/press-releases/${release!.number}`);
    const contact = page.locator('section.contact');
    assert.match(await contact.innerText(), /Jane Hong, Deputy Spokesperson/);
    assert.equal(await contact.locator('a[href^="mailto:"]').innerText(), 'jane.hong@mnd.example');
    await context.close();
  });

  test('a public release page links its tags to pages and feeds that answer', async () => {
    const context = await browser.newContext({ locale: 'ko-KR', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${origin}${taggedPath}`);
    const tagLinks = page.locator('section.release-tags a[rel="tag"]');
    assert.deepEqual(await tagLinks.allInnerTexts(), ['#도로 안전', '#winter']);
    await axeClean(page, 'release page with tags');
    const feedHref = await page.locator('section.release-tags a.tag-feed').first().getAttribute('href');
    const feed = await page.request.get(`${origin}${feedHref}`);
    assert.equal(feed.status(), 200);
    assert.match(await feed.text(), /겨울철 도로 안전 대책/);
    const [response] = await Promise.all([page.waitForNavigation(), tagLinks.first().click()]);
    assert.equal(response?.status(), 200);
    assert.equal(await page.locator('h1').innerText(), '‘도로 안전’ 태그');
    assert.equal(await page.locator('.tag-list a').first().innerText(), '겨울철 도로 안전 대책');
    await axeClean(page, 'tag page');
    await context.close();
  });
});
