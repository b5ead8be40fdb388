import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, contextIn, describeViolations, launchBrowser, listen, seriousViolations, signInAs } from '../support/browser.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

async function axeClean(page: Page, label: string) {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `${label}: ${describeViolations(violations)}`);
}

// The journalist pages (#14) in Chromium, in Korean and English: axe-clean, as the other admin pages.
describe('journalist lists and the embargoed send form in Chromium', { skip: browserSkipReason() }, () => {
  let web: TestWeb;
  let origin: string;
  let browser: Browser;
  let releaseId: number;
  before(async () => {
    web = await createTestWeb('sqlite');
    await buildBoard(web.system, { slug: 'press-releases' });
    releaseId = (await buildRelease(web.system, { boardSlug: 'press-releases', state: 'approved', embargoUntil: new Date(web.clock.now().getTime() + 7_200_000), title: 'Embargoed budget' })).release.id;
    await web.system.accounts.createUser({ email: 'park@press.example', name: '박편집', role: 'editor', password: 'correct horse battery staple' }, { userId: null, label: 'system:test', ip: null });
    origin = await listen(web);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  for (const [locale, lang] of [['ko-KR', 'ko'], ['en-GB', 'en']] as const) {
    test(`an editor (${lang}) creates a list, adds a journalist and sends under embargo; every page axe-clean`, async () => {
      const context = await contextIn(browser, locale, lang);
      const page = await context.newPage();
      await signInAs(page, origin, 'park@press.example', 'correct horse battery staple');
      await page.goto(`${origin}/admin/journalists`);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      await axeClean(page, `${lang} lists`);
      await page.locator('#field-name').fill(`Desk ${lang}`);
      await page.locator('form[action="/admin/journalists"] button[type="submit"]').click();
      await page.waitForURL(/\/admin\/journalists\/\d+/);
      await axeClean(page, `${lang} empty list`);
      await page.locator('#field-name').fill('Kim Minji');
      await page.locator('#field-outlet').fill('Hankook Daily');
      await page.locator('#field-email').fill(`minji-${lang}@hankook.example`);
      await page.locator('form[action$="/members"] button[type="submit"]').click();
      await page.waitForURL(/done=added/);
      await axeClean(page, `${lang} list with a journalist`);
      await page.locator('form[action$="/members"] button[type="submit"]').click();
      await page.locator('#error-summary').waitFor();
      await axeClean(page, `${lang} refused form`);
      await page.goto(`${origin}/admin/releases/${releaseId}/journalists`);
      await axeClean(page, `${lang} send form`);
      await page.locator(`label:has-text("Desk ${lang}")`).click();
      await page.locator(`form[action="/admin/releases/${releaseId}/journalists"] button[type="submit"]`).click();
      await page.locator('.success-notice').waitFor();
      await axeClean(page, `${lang} send report`);
      await context.close();
    });
  }
});
