import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, describeViolations, launchBrowser, listen, seriousViolations } from '../support/browser.js';
import { buildBoard, buildRelease } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const PASSWORD = 'a long enough test password';

/**
 * Issue #14's newcomer journey, as people do it: a reader subscribes from a board page, the editor
 * finds the confirmation in the admin outbox (no mail server), the reader confirms, the editor
 * publishes, and the alert is in the outbox. Every page on the way is axe-clean.
 */
describe('email alerts in Chromium: subscribe, confirm from the outbox, publish, see the alert', { skip: browserSkipReason() }, () => {
  let web: TestWeb;
  let origin: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    web = await createTestWeb();
    await buildBoard(web.system, { slug: 'press-releases' });
    await web.system.accounts.createUser({ email: 'editor@press.example', name: 'Lee Editor', role: 'editor', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
    origin = await listen(web);
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await web?.close();
  });

  async function newPage(): Promise<Page> {
    // axe-core is injected as a script; the site's CSP (script-src 'self') would refuse it.
    const context = await browser.newContext({ bypassCSP: true });
    contexts.push(context);
    return context.newPage();
  }

  async function axeClean(page: Page): Promise<void> {
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], `${page.url()}: ${describeViolations(violations)}`);
  }

  const click = (page: Page, target: ReturnType<Page['locator']>) => Promise.all([page.waitForEvent('load'), target.click()]);

  test('the whole journey works in the browser, without a mail server', async () => {
    const reader = await newPage();
    await reader.goto(`${origin}/en/press-releases`);
    await click(reader, reader.getByRole('link', { name: 'Get email alerts' }).first());
    assert.match(reader.url(), /\/en\/subscribe\?board=press-releases$/);
    await axeClean(reader);
    await reader.getByLabel('Email address').fill('reader@example.com');
    await reader.getByLabel('A daily digest').check();
    await reader.getByLabel('An email for each release, as soon as it is published').check();
    await click(reader, reader.getByRole('button', { name: 'Subscribe' }));
    assert.equal(await reader.getByRole('heading', { level: 1 }).innerText(), 'Check your inbox');

    const editor = await newPage();
    await editor.goto(`${origin}/admin/login`);
    await editor.getByLabel('Email address').fill('editor@press.example');
    await editor.getByLabel('Password').fill(PASSWORD);
    await click(editor, editor.getByRole('button', { name: 'Sign in' }));
    await editor.goto(`${origin}/admin/outbox`);
    await axeClean(editor);
    await click(editor, editor.getByRole('link', { name: 'Confirm your email alerts from Test Newsroom' }));
    await axeClean(editor);
    const confirm = /https:\/\/news\.example\.org(\/en\/subscriptions\/confirm\?token=[^\s"<]+)/.exec(await editor.content());
    assert.ok(confirm, 'the confirmation email shows its confirm link');
    await reader.goto(`${origin}${confirm[1]!.replace(/&amp;/g, '&')}`);
    assert.equal(await reader.getByRole('heading', { level: 1 }).innerText(), 'Your subscription is confirmed');
    await axeClean(reader);

    const { release } = await buildRelease(web.system, { boardSlug: 'press-releases', state: 'approved', title: 'Coast guard opens a station on Sel island' });
    await editor.goto(`${origin}/admin/releases/${release.id}`);
    await click(editor, editor.getByRole('button', { name: 'Publish now' }));
    assert.equal((await web.system.releases.getRelease(release.id))?.status, 'published');

    await web.system.distribution.run();
    await editor.goto(`${origin}/admin/outbox`);
    const alert = editor.getByRole('link', { name: 'Coast guard opens a station on Sel island' });
    assert.equal(await alert.count(), 1, 'the alert is in the outbox, once');
    await click(editor, alert);
    assert.match(await editor.locator('main').innerText(), /reader@example\.com/);
  });
});
