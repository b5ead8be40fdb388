import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, describeViolations, hangulGlyphsDistinct, launchBrowser, listen, seriousViolations } from '../support/browser.js';
import { buildRelease } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const artifacts = process.env.PRESSROOM_TEST_ARTIFACTS ?? 'test-artifacts';

async function axeClean(page: Page, label: string) {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `${label}: ${describeViolations(violations)}`);
}

describe('a Korean reader switches a release to English in Chromium', { skip: browserSkipReason() }, () => {
  let web: TestWeb;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pair: { ko: string; en: string };
  let koreanFirst: string;

  before(async () => {
    web = await createTestWeb('sqlite', { demo: true });
    web.clock.set(new Date());
    await web.system.commands.seedDemo();
    await mkdir(artifacts, { recursive: true });
    // A demo pair with both versions public, and the Korean release whose English version is in review.
    const groups = await web.system.publicVersions.listedGroups();
    const both = [...groups.values()].find((g) => g.some((v) => v.language === 'ko') && g.some((v) => v.language === 'en' && v.boardSlug === 'press-releases'))!;
    const path = (v: (typeof both)[number]) => `/${v.language}/${v.boardSlug}/${v.number}`;
    pair = { ko: path(both.find((v) => v.language === 'ko')!), en: path(both.find((v) => v.language === 'en')!) };
    const inReview = (await web.system.admin.list({ language: 'en', state: 'in_review', limit: 20, offset: 0 })).rows.find((r) => r.title.includes('meals'))!;
    const ko = (await web.system.translations.versionsOf(inReview.releaseId)).find((v) => v.language === 'ko')!;
    koreanFirst = `/ko/${ko.boardSlug}/${ko.number}`;
    origin = await listen(web);
    browser = await launchBrowser();
    // A Korean browser; bypassCSP lets the test inject axe-core (the site's CSP forbids inline scripts).
    context = await browser.newContext({ locale: 'ko-KR', extraHTTPHeaders: { 'Accept-Language': 'ko-KR,ko;q=0.9' }, bypassCSP: true, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  test('/ opens Korean; the Korean release offers English, renders real Hangul and passes axe', async () => {
    await page.goto(`${origin}/`);
    await page.waitForURL(`${origin}/ko/`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
    await axeClean(page, 'Korean home');

    await page.goto(`${origin}${pair.ko}`);
    assert.match((await page.locator('h1').textContent()) ?? '', /[가-힣]/);
    const alsoIn = page.getByRole('navigation', { name: '다른 언어' });
    assert.equal(await alsoIn.getByRole('link', { name: 'English' }).getAttribute('href'), pair.en);
    assert.ok(await hangulGlyphsDistinct(page), 'Hangul syllables render as distinct glyphs (fonts-nanum installed)');
    assert.equal(await page.locator('h1').evaluate((h) => getComputedStyle(h).wordBreak), 'keep-all');
    await axeClean(page, 'Korean release');
    await page.screenshot({ path: join(artifacts, 'bilingual-korean-release.png') });
  });

  test('the Korean release whose English version is still in review links to no English version', async () => {
    await page.goto(`${origin}${koreanFirst}`);
    assert.equal(await page.getByRole('navigation', { name: '다른 언어' }).count(), 0);
    assert.equal(await page.locator('link[hreflang="en"]').count(), 0);
    assert.equal(await page.getByRole('navigation', { name: '언어', exact: true }).getByRole('link', { name: 'English' }).getAttribute('href'), '/language?to=en&next=%2Fen%2F');
  });

  test('the switcher opens the English version, and the choice persists on the next visit to /', async () => {
    await page.goto(`${origin}${pair.ko}`);
    await page.getByRole('navigation', { name: '언어', exact: true }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${origin}${pair.en}`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.getByRole('navigation', { name: 'Language', exact: true }).locator('[aria-current="true"]').textContent(), 'English');
    await axeClean(page, 'English release');
    await page.screenshot({ path: join(artifacts, 'bilingual-english-release.png') });

    // The browser still prefers Korean, but the remembered choice wins.
    await page.goto(`${origin}/`);
    await page.waitForURL(`${origin}/en/`);
    const fresh = await context.newPage();
    await fresh.goto(`${origin}/`);
    await fresh.waitForURL(`${origin}/en/`);
    await fresh.close();

    // And back to Korean from an English page, again remembered.
    await page.getByRole('navigation', { name: 'Language', exact: true }).getByRole('link', { name: '한국어' }).click();
    await page.waitForURL(`${origin}/ko/`);
    await page.goto(`${origin}/`);
    await page.waitForURL(`${origin}/ko/`);
  });

  test('the press office in Korean: dashboard lists the release missing a translation; axe-clean', async () => {
    await web.system.accounts.createUser({ email: 'kim@press.example', name: '김기자', role: 'writer', password: 'correct horse battery staple' }, { userId: null, label: 'system:test', ip: null });
    await page.goto(`${origin}/admin/login`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
    await page.getByLabel('이메일 주소').fill('kim@press.example');
    await page.getByLabel('비밀번호').fill('correct horse battery staple');
    await page.getByRole('button', { name: '로그인' }).click();
    await page.waitForURL(`${origin}/admin`);
    const missing = page.locator('section[aria-labelledby="missing-translations"]');
    assert.match((await missing.locator('h2').textContent()) ?? '', /번역이 필요한 보도자료/);
    assert.ok((await missing.locator('tbody tr').count()) >= 1, 'the Korean-only demo release flagged for translation');
    await axeClean(page, 'Korean dashboard');
    await page.screenshot({ path: join(artifacts, 'bilingual-admin-dashboard-ko.png'), fullPage: true });
    await page.getByRole('navigation', { name: '언어', exact: true }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${origin}/admin`);
    assert.equal(await page.locator('h1').textContent(), 'Dashboard');
    await axeClean(page, 'English dashboard');
  });

  test('an editor in Korean pairs two releases published separately; the public pages link them; axe-clean', async () => {
    const ko = await buildRelease(web.system, { boardSlug: 'press-releases', language: 'ko', title: '국방부, 해양 안전 점검 결과 발표' });
    const en = await buildRelease(web.system, { boardSlug: 'press-releases', language: 'en', title: 'Ministry announces maritime safety audit results' });
    await web.system.accounts.createUser({ email: 'park@press.example', name: '박편집', role: 'editor', password: 'correct horse battery staple' }, { userId: null, label: 'system:test', ip: null });
    const editorContext = await browser.newContext({ locale: 'ko-KR', extraHTTPHeaders: { 'Accept-Language': 'ko-KR,ko;q=0.9' }, bypassCSP: true });
    const editor = await editorContext.newPage();
    await editor.goto(`${origin}/admin/login`);
    await editor.getByLabel('이메일 주소').fill('park@press.example');
    await editor.getByLabel('비밀번호').fill('correct horse battery staple');
    await editor.getByRole('button', { name: '로그인' }).click();
    await editor.waitForURL(`${origin}/admin`);

    await editor.goto(`${origin}/admin/releases/${ko.release.id}/pair`);
    assert.equal(await editor.locator('h1').textContent(), '기존 보도자료와 연결');
    await axeClean(editor, 'Korean pairing page');
    await editor.getByLabel('번역이 연결되지 않은 최근 영어 보도자료').selectOption(String(en.release.id));
    await editor.getByRole('button', { name: '계속' }).click();
    await editor.getByRole('group', { name: '어느 버전이 원문입니까?' }).waitFor();
    await axeClean(editor, 'Korean pairing confirmation');
    await editor.getByRole('button', { name: '언어 버전으로 연결' }).click();
    await editor.waitForURL(new RegExp(`/admin/releases/${ko.release.id}\\?done=translations_paired`));
    assert.match((await editor.locator('body').textContent()) ?? '', /두 보도자료를 서로의 언어 버전으로 연결했습니다/);
    await editorContext.close();

    await page.goto(`${origin}/ko/press-releases/${ko.release.number}`);
    const alsoIn = page.getByRole('navigation', { name: '다른 언어' });
    assert.equal(await alsoIn.getByRole('link', { name: 'English' }).getAttribute('href'), `/en/press-releases/${en.release.number}`);
  });
});
