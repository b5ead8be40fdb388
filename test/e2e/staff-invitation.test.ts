import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import jsQRModule from 'jsqr';
import { generateSync } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { browserSkipReason, describeViolations, launchBrowser, listen, allViolations } from '../support/browser.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

// jsqr is CommonJS with an ES-style `default` in its types: the function is the module itself at run time.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

const ADMIN_PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a long passphrase of my own';

async function axeClean(page: Page, label: string) {
  const violations = await allViolations(page);
  assert.deepEqual(violations, [], `${label}: ${describeViolations(violations)}`);
}

/** Reads the QR code the way a phone does: the page's SVG rasterized, then decoded. */
async function scanQr(page: Page): Promise<string> {
  const svg = await page.locator('#totp-qr svg').evaluate((el) => el.outerHTML);
  const { data, info } = await sharp(Buffer.from(svg)).resize(400, 400, { kernel: 'nearest' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
  assert.ok(decoded, 'the QR code decodes');
  return decoded.data;
}

// The invitation journey (#16) in Chromium, in Korean and English: an admin invites a writer; the
// writer opens the link, chooses a password, scans the QR code to set up two-factor sign-in, and
// signs in with password and code. Every new screen is axe-clean.
describe('inviting a writer who sets up a password and two-factor sign-in, in Chromium', { skip: browserSkipReason() }, () => {
  let web: TestWeb;
  let origin: string;
  let browser: Browser;
  before(async () => {
    web = await createTestWeb('sqlite');
    await web.system.accounts.createUser({ email: 'admin@press.example', name: '관리자 한', role: 'admin', password: ADMIN_PASSWORD }, { userId: null, label: 'system:test', ip: null });
    origin = await listen(web);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });

  for (const [locale, lang] of [['ko-KR', 'ko'], ['en-GB', 'en']] as const) {
    test(`an admin (${lang}) invites a writer who joins, scans the QR code and signs in with a code`, async () => {
      const contextOptions = { locale, extraHTTPHeaders: { 'Accept-Language': `${locale},${lang};q=0.9` }, bypassCSP: true };
      const adminContext = await browser.newContext(contextOptions);
      const admin = await adminContext.newPage();
      await admin.goto(`${origin}/admin/login`);
      await admin.locator('input[name="email"]').fill('admin@press.example');
      await admin.locator('input[name="password"]').fill(ADMIN_PASSWORD);
      await admin.locator('form button[type="submit"]').first().click();
      await admin.waitForURL(`${origin}/admin`);
      await admin.locator('a[href="/admin/staff"]').first().click();
      await admin.waitForURL(`${origin}/admin/staff`);
      assert.equal(await admin.locator('html').getAttribute('lang'), lang);
      await axeClean(admin, `${lang} staff list`);

      await admin.locator('form[action="/admin/staff/invitations"] button[type="submit"]').click();
      await admin.locator('#error-summary').waitFor();
      await axeClean(admin, `${lang} refused invitation`);
      const email = `writer-${lang}@press.example`;
      await admin.locator('#field-name').fill(lang === 'ko' ? '윤기자' : 'Yoon Writer');
      await admin.locator('#field-email').fill(email);
      await admin.locator('#field-role').selectOption('writer');
      await admin.locator('form[action="/admin/staff/invitations"] button[type="submit"]').click();
      await admin.locator('#invitation-link').waitFor();
      await axeClean(admin, `${lang} invitation created`);
      // The link starts with PRESSROOM_BASE_URL; the test server listens elsewhere.
      const link = new URL(await admin.locator('#invitation-link').inputValue());
      assert.match(link.pathname, /^\/admin\/invitations\/[A-Za-z0-9_-]{40,}$/);

      const writerContext = await browser.newContext(contextOptions);
      const writer = await writerContext.newPage();
      await writer.goto(`${origin}${link.pathname}`);
      await axeClean(writer, `${lang} invitation page`);
      await writer.locator('#newPassword').fill(NEW_PASSWORD);
      await writer.locator('#confirmPassword').fill(`${NEW_PASSWORD}!`);
      await writer.locator('form button[type="submit"]').last().click();
      await writer.locator('.error-summary').waitFor();
      await axeClean(writer, `${lang} refused password`);
      await writer.locator('#newPassword').fill(NEW_PASSWORD);
      await writer.locator('#confirmPassword').fill(NEW_PASSWORD);
      await writer.locator('form button[type="submit"]').last().click();
      await writer.waitForURL(`${origin}/admin/account/two-factor`);
      await axeClean(writer, `${lang} two-factor setup with the QR code`);

      const uri = new URL(await scanQr(writer));
      assert.equal(uri.protocol, 'otpauth:');
      assert.equal(uri.host, 'totp');
      assert.equal(decodeURIComponent(uri.pathname), `/Pressroom:${email}`);
      const secret = uri.searchParams.get('secret')!;
      assert.equal((await writer.locator('#totp-secret').innerText()).replace(/\s/g, ''), secret, 'the QR code holds the key shown beside it');
      // The test server's clock is fixed: the code the app shows now, as otplib computes it.
      const code = () => generateSync({ secret, epoch: Math.floor(web.clock.now().getTime() / 1000) });
      await writer.locator('#code').fill(code());
      await writer.locator('form[action="/admin/account/two-factor"] button[type="submit"]').click();
      await writer.locator('.recovery-codes').waitFor();
      await axeClean(writer, `${lang} recovery codes`);

      // A writer is not an administrator: the staff pages are refused.
      const refused = await writer.goto(`${origin}/admin/staff`);
      assert.equal(refused?.status(), 403);
      await axeClean(writer, `${lang} staff page refused`);

      // Sign out, then in with the password and a code: the first one after enabling is accepted.
      await writer.goto(`${origin}/admin`);
      await writer.locator('form[action="/admin/logout"] button').click();
      await writer.waitForURL(/\/admin\/login/);
      await writer.locator('input[name="email"]').fill(email);
      await writer.locator('input[name="password"]').fill(NEW_PASSWORD);
      await writer.locator('form button[type="submit"]').last().click();
      await writer.waitForURL(/\/admin\/login\/two-factor/);
      await writer.locator('input[name="code"]').fill(code());
      await writer.locator('form button[type="submit"]').last().click();
      await writer.waitForURL(`${origin}/admin`);
      assert.match(await writer.locator('.admin-header').innerText(), lang === 'ko' ? /윤기자/ : /Yoon Writer/);

      // The admin sees the new writer, with two-factor on, and opens their page.
      await admin.goto(`${origin}/admin/staff`);
      const row = admin.locator('tr', { hasText: email });
      assert.match(await row.innerText(), lang === 'ko' ? /켜짐/ : /On/);
      await row.locator('a').click();
      await admin.waitForURL(/\/admin\/staff\/\d+$/);
      await axeClean(admin, `${lang} staff member page`);
      await writerContext.close();
      await adminContext.close();
    });
  }
});
