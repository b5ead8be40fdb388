import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, describeViolations, hangulGlyphsDistinct, launchBrowser, listen, seriousViolations } from '../support/browser.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const artifacts = process.env.PRESSROOM_TEST_ARTIFACTS ?? 'test-artifacts';

describe('a reader in Chromium', { skip: browserSkipReason() }, () => {
  let web: TestWeb;
  let origin: string;
  let browser: Browser;
  let page: Page;

  before(async () => {
    web = await createTestWeb('sqlite', { demo: true });
    web.clock.set(new Date());
    await web.system.commands.seedDemo();
    origin = await listen(web);
    browser = await launchBrowser();
    // bypassCSP lets the test inject axe-core; the site's own CSP forbids inline scripts.
    page = await browser.newPage({ acceptDownloads: true, bypassCSP: true, viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  test('opens home, a board, page 2, a release, and downloads its attachment; axe finds nothing serious', async () => {
    await page.goto(`${origin}/en/`);
    assert.equal(await page.locator('h1').textContent(), 'News Zone');
    assert.deepEqual(await seriousViolations(page), [], describeViolations(await seriousViolations(page)));

    await page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: 'Press Release' }).click();
    await page.waitForURL(`${origin}/en/press-releases`);
    assert.equal(await page.locator('h1').textContent(), 'Press Release');
    const violationsOnList = await seriousViolations(page);
    assert.deepEqual(violationsOnList, [], describeViolations(violationsOnList));

    const firstOnPage1 = await page.locator('table.board-list td.num').first().textContent();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: /^Page 2 of/ }).click();
    await page.waitForURL(`${origin}/en/press-releases?page=2`);
    const firstOnPage2 = await page.locator('table.board-list td.num').first().textContent();
    assert.ok(Number(firstOnPage2) < Number(firstOnPage1), 'page 2 continues with older numbers');

    // Open a release that has a file to download.
    await page.goto(`${origin}/en/press-releases`);
    const rows = page.locator('table.board-list tbody tr');
    const withFile = rows.filter({ has: page.locator('[aria-label="Has attachments"]') }).first();
    const title = await withFile.locator('td.title a').getAttribute('title') ?? (await withFile.locator('td.title a').textContent());
    await withFile.locator('td.title a').click();
    await page.waitForURL(/\/en\/press-releases\/\d+$/);
    assert.equal((await page.locator('h1').textContent())?.trim(), title?.trim());
    assert.ok(await page.locator('.release-meta time').getAttribute('datetime'));
    const violationsOnRelease = await seriousViolations(page);
    assert.deepEqual(violationsOnRelease, [], describeViolations(violationsOnRelease));

    const link = page.locator('section.files a').first();
    const expectedName = (await link.textContent())!.trim();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), expectedName);
    const bytes = await readFile((await download.path())!);
    assert.ok(bytes.length > 0);
    if (expectedName.endsWith('.pdf')) assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  });

  test('a Korean release renders with real Hangul glyphs, and its pages pass axe', async () => {
    await page.goto(`${origin}/ko/press-releases`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
    assert.deepEqual(await seriousViolations(page), []);
    await page.locator('table.board-list td.title a').first().click();
    await page.waitForURL(/\/ko\/press-releases\/\d+$/);
    const heading = (await page.locator('h1').textContent()) ?? '';
    assert.match(heading, /[가-힣]/);
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.screenshot({ path: join(artifacts, 'korean-release.png'), fullPage: false });

    // Missing fonts draw every syllable as the same empty box.
    const distinct = await hangulGlyphsDistinct(page, '국', '방');
    assert.ok(distinct, 'Hangul syllables render as distinct glyphs (fonts-nanum installed)');
  });

  test('the list stays usable at 360 px wide', async () => {
    const narrow = await browser.newPage({ bypassCSP: true, viewport: { width: 360, height: 740 } });
    await narrow.goto(`${origin}/en/press-releases`);
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
    assert.ok(await narrow.locator('table.board-list td.title a').first().isVisible());
    await narrow.screenshot({ path: join(artifacts, 'board-360px.png') });
    await narrow.close();
  });
});
