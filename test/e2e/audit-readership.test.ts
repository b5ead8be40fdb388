import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { allViolations, browserSkipReason, contextIn, describeViolations, launchBrowser, listen, signInAs } from '../support/browser.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

/** No axe violation of any impact (WCAG 2.2 AA and best practice). */
async function axeClean(page: Page, label: string) {
  const violations = await allViolations(page);
  assert.deepEqual(violations, [], `${label}: ${describeViolations(violations)}`);
}

const PASSWORD = 'correct horse battery staple';

// The readable audit log and the readership pages (#16) in Chromium, in Korean and English: the
// filters work with the browser's own pickers (no script), the chart renders, axe finds nothing.
describe('audit filters and readership in Chromium', { skip: browserSkipReason() }, () => {
  let web: TestWeb;
  let origin: string;
  let browser: Browser;
  let releaseId: number;
  let editorId: number;
  before(async () => {
    web = await createTestWeb('sqlite');
    await buildBoard(web.system, { slug: 'press-releases' });
    await web.system.accounts.createUser({ email: 'han@press.example', name: '한관리', role: 'admin', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
    const editor = await web.system.accounts.createUser({ email: 'oh@press.example', name: '오편집', role: 'editor', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
    editorId = editor.id;
    const actor = { userId: editor.id, label: editor.email, ip: null, role: 'editor' as const };
    releaseId = (await buildRelease(web.system, { boardSlug: 'press-releases', language: 'ko', title: '국방부 장관 담화문', state: 'approved' })).release.id;
    await web.system.commands.publishRelease(releaseId, actor);
    await buildRelease(web.system, { boardSlug: 'press-releases', title: 'Someone else’s release' });
    // Readers on the day of publication (20 November in Seoul) and two days later (today).
    for (let i = 0; i < 3; i++) web.system.views.record(releaseId);
    web.clock.set(new Date('2026-11-22T01:00:00Z'));
    for (let i = 0; i < 7; i++) web.system.views.record(releaseId);
    await web.system.views.flush();
    origin = await listen(web);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  for (const [locale, lang] of [['ko-KR', 'ko'], ['en-GB', 'en']] as const) {
    test(`an administrator (${lang}) filters the audit log with the pickers and opens a release's readership chart`, async () => {
      const context = await contextIn(browser, locale, lang);
      const page = await context.newPage();
      await signInAs(page, origin, 'han@press.example', PASSWORD);

      await page.goto(`${origin}/admin/audit`);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      await axeClean(page, `${lang} audit log`);
      await page.locator('#filter-person').selectOption(String(editorId));
      await page.locator('#filter-action').selectOption('release.published');
      await page.locator('#filter-from').fill('2026-11-20');
      await page.locator('#filter-to').fill('2026-11-20');
      await page.locator('form[action="/admin/audit"] button[type="submit"]').click();
      await page.waitForURL(/\/admin\/audit\?person=\d+&release=&action=release\.published&from=2026-11-20&to=2026-11-20/);
      const rows = page.locator('table.admin-table tbody tr');
      assert.equal(await rows.count(), 1);
      assert.match(await rows.first().innerText(), lang === 'ko' ? /오편집[\s\S]*게시[\s\S]*국방부 장관 담화문[\s\S]*제1호, 1판/ : /오편집[\s\S]*Published[\s\S]*국방부 장관 담화문[\s\S]*No\. 1, edition 1/);
      assert.equal(await page.locator('#filter-person').inputValue(), String(editorId), 'the picker keeps the choice');
      await axeClean(page, `${lang} filtered audit log`);
      await page.locator('#filter-to').fill('2026-11-19');
      await page.locator('form[action="/admin/audit"] button[type="submit"]').click();
      await page.waitForURL(/to=2026-11-19/);
      assert.equal(await rows.count(), 0);

      await page.goto(`${origin}/admin/readership`);
      await axeClean(page, `${lang} readership`);
      await page.locator(`#top-week ~ table a[href="/admin/readership/releases/${releaseId}"], section[aria-labelledby="top-week"] a[href="/admin/readership/releases/${releaseId}"]`).first().click();
      await page.waitForURL(new RegExp(`/admin/readership/releases/${releaseId}$`));
      const chart = page.locator('figure.chart svg[role="img"]');
      assert.ok(await chart.isVisible());
      const box = await chart.boundingBox();
      assert.ok(box && box.width > 300 && box.height > 100, 'the chart is drawn at a readable size');
      assert.equal(await page.locator('figure.chart svg rect').count(), 2);
      assert.match((await page.locator('#views-per-day').innerText()).replace(/\s+/g, ' '), /2026-11-20 3 2026-11-21 0 2026-11-22 7/);
      await axeClean(page, `${lang} readership chart`);
      await context.close();
    });
  }
});
