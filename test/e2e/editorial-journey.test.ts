import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, describeViolations, launchBrowser, listen, seriousViolations, signInAs, submitAndWait } from '../support/browser.js';
import { buildBoard, jpegBytes, pdfBytes } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const PASSWORD = 'a long enough test password';
const artifacts = process.env.PRESSROOM_TEST_ARTIFACTS ?? 'test-artifacts';

describe('the press office in Chromium', { skip: browserSkipReason() }, () => {
  let web: TestWeb;
  let origin: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    web = await createTestWeb();
    await buildBoard(web.system, { slug: 'press-releases' });
    for (const [email, role] of [['writer@press.example', 'writer'], ['editor@press.example', 'editor']] as const) {
      await web.system.accounts.createUser({ email, name: role === 'writer' ? 'Kim Writer' : 'Lee Editor', role, password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
    }
    origin = await listen(web);
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await web?.close();
  });

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ bypassCSP: true });
    contexts.push(context);
    const page = await context.newPage();
    await signInAs(page, origin, email, PASSWORD);
    return page;
  }

  async function draft(page: Page, fields: { title: string; body: string; subtitle?: string; embargo?: string }): Promise<string> {
    await page.goto(`${origin}/admin/releases/new`);
    await page.getByLabel('Title', { exact: true }).fill(fields.title);
    if (fields.subtitle) await page.getByLabel('Subtitle lines (optional)').fill(fields.subtitle);
    await page.getByLabel('Body', { exact: true }).fill(fields.body);
    if (fields.embargo) await page.getByLabel('Embargoed until (optional)').fill(fields.embargo);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Create draft' }).click()]);
    if (!/\/admin\/releases\/\d+(\?|$)/.test(page.url())) throw new Error(`the draft was not created (${page.url()}): ${(await page.locator('main').innerText()).slice(0, 600)}`);
    return page.url().replace(/\?.*$/, '');
  }

  test('a writer drafts with a photo and a PDF and submits; an editor approves and schedules; it goes public at its time, is corrected and withdrawn', async () => {
    const writer = await signedIn('writer@press.example');
    const violations = await seriousViolations(writer);
    assert.deepEqual(violations, [], describeViolations(violations));
    const editUrl = await draft(writer, { title: 'Ministry opens coastal rescue training centre', subtitle: '- First intake of 40 trainees in March', body: 'The centre opens today.\n\nIt trains rescue crews.' });

    await writer.getByLabel('Alt text (required for photos before publishing)').fill('Trainees on the rescue boat');
    await writer.locator('input[type=file]').setInputFiles([
      { name: 'rescue-boat.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await jpegBytes(320, 200)) },
      { name: '훈련센터_개요.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdfBytes('centre')) },
    ]);
    await submitAndWait(writer, writer.getByRole('button', { name: 'Upload' }));
    assert.ok(await writer.getByText('rescue-boat.jpg').first().isVisible());
    assert.ok(await writer.getByText('훈련센터_개요.pdf').first().isVisible());
    await submitAndWait(writer, writer.getByRole('button', { name: 'Send for review' }));
    assert.equal(await writer.getByRole('button', { name: 'Approve' }).count(), 0, 'a writer is not offered approval');

    const editor = await signedIn('editor@press.example');
    await editor.goto(editUrl);
    await submitAndWait(editor, editor.getByRole('button', { name: 'Approve' }));
    await editor.getByLabel('Publish at').fill('2026-11-20T11:00'); // Seoul time; the fake clock is at 10:00 Seoul
    await submitAndWait(editor, editor.getByRole('button', { name: 'Schedule' }));
    assert.match(await editor.locator('main').innerText(), /scheduled/i);

    const reader = await browser.newPage({ bypassCSP: true });
    await reader.goto(`${origin}/en/press-releases`);
    assert.doesNotMatch(await reader.locator('main').innerText(), /coastal rescue/);

    web.clock.advance(60 * 60_000 + 1000);
    assert.equal(await web.system.commands.runDueJobs(), 1);
    await reader.goto(`${origin}/en/press-releases`);
    await reader.getByRole('link', { name: 'Ministry opens coastal rescue training centre' }).click();
    assert.equal(await reader.locator('h1').textContent(), 'Ministry opens coastal rescue training centre');
    assert.ok(await reader.getByRole('img', { name: 'Trainees on the rescue boat' }).isVisible());
    assert.ok(await reader.getByRole('link', { name: '훈련센터_개요.pdf' }).isVisible());
    const publicUrl = reader.url();

    // A correction with a public change note.
    await writer.goto(editUrl);
    await submitAndWait(writer, writer.getByRole('button', { name: 'Start a correction' }));
    await writer.getByLabel('Body', { exact: true }).fill('The centre opens today.\n\nIt trains 40 rescue crews a year.');
    await submitAndWait(writer, writer.locator('button[name=intent][value=save]'));
    await submitAndWait(writer, writer.getByRole('button', { name: 'Send for review' }));
    await editor.goto(editUrl);
    await submitAndWait(editor, editor.getByRole('button', { name: 'Approve' }));
    await editor.getByRole('textbox', { name: 'Change note' }).fill('Added the yearly number of crews trained.');
    await submitAndWait(editor, editor.getByRole('button', { name: 'Publish the correction' }));
    await reader.goto(publicUrl);
    assert.match(await reader.locator('.change-notes').innerText(), /Updated .+: Added the yearly number of crews trained\./);
    assert.match(await reader.locator('.release-body').innerText(), /40 rescue crews a year/);
    const readerViolations = await seriousViolations(reader);
    assert.deepEqual(readerViolations, [], describeViolations(readerViolations));

    // Withdrawal keeps the page with its notice.
    await editor.goto(editUrl);
    await editor.getByLabel('Public reason for the withdrawal').fill('The opening has been postponed.');
    await editor.getByLabel(/I understand: the release leaves lists/).check();
    await submitAndWait(editor, editor.getByRole('button', { name: 'Withdraw' }));
    await reader.goto(publicUrl);
    assert.match(await reader.locator('.notice').innerText(), /This release was withdrawn[\s\S]*The opening has been postponed\./);
    await reader.screenshot({ path: join(artifacts, 'withdrawn-release.png') });
    await reader.close();
  });

  test('an embargo preview link works for a journalist while the public URL answers 404', async () => {
    const writer = await signedIn('writer@press.example');
    const editUrl = await draft(writer, { title: 'Defence budget for 2027', body: 'The budget rises by 3 percent.', embargo: '2026-11-30T09:00' });
    await submitAndWait(writer, writer.getByRole('button', { name: 'Send for review' }));
    const editor = await signedIn('editor@press.example');
    await editor.goto(editUrl);
    await submitAndWait(editor, editor.getByRole('button', { name: 'Approve' }));
    await submitAndWait(editor, editor.getByRole('button', { name: 'Publish now' }));
    await editor.getByLabel('Journalist or outlet').fill('Evening Post newsdesk');
    await submitAndWait(editor, editor.getByRole('button', { name: 'Create preview link' }));
    const previewUrl = (await editor.locator('main').innerText()).match(/https?:\/\/\S+\/preview\/[A-Za-z0-9_-]{43}/)?.[0];
    assert.ok(previewUrl, 'the new link is shown once');

    const journalist = await browser.newPage();
    const path = new URL(previewUrl).pathname;
    await journalist.goto(`${origin}${path}`);
    assert.equal(await journalist.locator('h1').textContent(), 'Defence budget for 2027');
    assert.match(await journalist.locator('.notice.embargo').innerText(), /Embargoed until 30 November 2026 at 09:00 \(GMT\+9\)/);
    const number = (await web.system.admin.list({ limit: 10, offset: 0 })).rows.find((r) => r.title === 'Defence budget for 2027')!.number;
    const publicResponse = await journalist.goto(`${origin}/en/press-releases/${number}`);
    assert.equal(publicResponse?.status(), 404);
    await journalist.goto(`${origin}/en/press-releases`);
    assert.doesNotMatch(await journalist.locator('main').innerText(), /Defence budget/);
    await journalist.close();
  });
});
