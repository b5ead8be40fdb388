import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { allViolations, browserSkipReason, describeViolations, launchBrowser, listen, signInAs, submitAndWait } from '../support/browser.js';
import { buildBoard, jpegBytes } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const PASSWORD = 'a long enough test password';
const PEOPLE = [
  ['writer@review.example', 'writer', 'Kim Writer'],
  ['editor@review.example', 'editor', 'Lee Editor'],
  ['chief@review.example', 'editor', 'Park Chief'],
] as const;

// The review loop of #16 as people go through it in Chromium (the fake clock is at 10:00 Seoul time):
// fixing alt text and an embargo in review, then publishing; recalling; a sent-back comment on the
// dashboard; a correction's changes against the live text; a withdrawal that asks for confirmation.
describe('the review loop in Chromium', { skip: browserSkipReason() }, () => {
  let web: TestWeb;
  let origin: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const actors: Record<string, StaffActor> = {};

  before(async () => {
    web = await createTestWeb();
    await buildBoard(web.system, { slug: 'press-releases' });
    for (const [email, role, name] of PEOPLE) {
      const user = await web.system.accounts.createUser({ email, name, role, password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
      actors[email] = { userId: user.id, label: email, ip: null, role };
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

  async function noViolations(page: Page, where: string): Promise<void> {
    const violations = await allViolations(page);
    assert.deepEqual(violations, [], `${where}: ${describeViolations(violations)}`);
  }

  async function draft(page: Page, title: string, embargo?: string): Promise<string> {
    await page.goto(`${origin}/admin/releases/new`);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Body', { exact: true }).fill('The ministry announced the plan today.');
    if (embargo) await page.getByLabel('Embargoed until (optional)').fill(embargo);
    await submitAndWait(page, page.getByRole('button', { name: 'Create draft' }));
    return page.url().replace(/\?.*$/, '');
  }

  const idOf = (url: string) => Number(/\/admin\/releases\/(\d+)/.exec(url)?.[1]);

  test('an editor fixes alt text and the embargo in review, shown before anyone presses Publish; another editor approves; it is published', async () => {
    const writer = await signedIn('writer@review.example');
    const url = await draft(writer, 'Port reopening plan', '2026-11-20T09:00');
    await writer.locator('input[type=file]').setInputFiles([{ name: 'port.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await jpegBytes(320, 200)) }]);
    await submitAndWait(writer, writer.getByRole('button', { name: 'Upload' }));
    const checks = writer.locator('#publication-checks');
    assert.match(await checks.innerText(), /embargo time has already passed[\s\S]*Add alt text to the image "port.jpg"/, 'shown on saving, long before publishing');
    await submitAndWait(writer, writer.getByRole('button', { name: 'Send for review' }));
    assert.equal(await checks.locator('li').count(), 2, 'and still shown after submitting');

    const editor = await signedIn('editor@review.example');
    await editor.goto(url);
    await noViolations(editor, 'the review page with its checks and the fix-in-review form');
    await editor.locator('#publication-checks').getByRole('link', { name: /Add alt text/ }).click();
    const altId = await editor.evaluate(() => location.hash.slice(1));
    assert.match(altId, /^field-attachment-\d+-altText$/, 'the message leads to the alt-text field');
    await editor.locator(`#${altId}`).fill('Cranes at the reopened port');
    await submitAndWait(editor, editor.locator(`form:has(#${altId})`).getByRole('button', { name: /Save/ }));
    await editor.locator('#publication-checks').getByRole('link', { name: /embargo/ }).click();
    assert.equal(await editor.evaluate(() => location.hash), '#field-embargoUntil');
    await editor.getByLabel('Embargoed until (optional)').fill('2026-11-20T15:00');
    await submitAndWait(editor, editor.getByRole('button', { name: 'Save the fix' }));
    assert.match(await editor.locator('main').innerText(), /Your fix is saved as a revision/);
    assert.equal(await editor.locator('#publication-checks').count(), 0, 'nothing blocks publication any more');
    assert.equal(await editor.getByRole('button', { name: 'Approve' }).count(), 0, 'the editor who fixed it is an author now');
    assert.equal((await web.system.editions.latestEdition(idOf(url)))?.state, 'in_review', 'it was not sent back');

    const chief = await signedIn('chief@review.example');
    await chief.goto(url);
    await submitAndWait(chief, chief.getByRole('button', { name: 'Approve' }));
    await editor.goto(url);
    await submitAndWait(editor, editor.getByRole('button', { name: 'Publish now' }));
    const release = await web.system.releases.getRelease(idOf(url));
    assert.equal(release?.status, 'published');
    assert.deepEqual(release?.publicAt, new Date('2026-11-20T06:00:00Z'), 'public at the fixed embargo');
  });

  test('a writer recalls a submitted edition; a sent-back comment is on the writer’s dashboard', async () => {
    const writer = await signedIn('writer@review.example');
    const url = await draft(writer, 'Recall and resend');
    await submitAndWait(writer, writer.getByRole('button', { name: 'Send for review' }));
    await noViolations(writer, 'the page with the recall form');
    await submitAndWait(writer, writer.getByRole('button', { name: 'Recall from review' }));
    assert.match(await writer.locator('main').innerText(), /Recalled: the edition is a draft again\./);
    assert.ok(await writer.getByRole('button', { name: 'Save draft' }).isVisible(), 'editable again');
    await submitAndWait(writer, writer.getByRole('button', { name: 'Send for review' }));

    const chief = await signedIn('chief@review.example');
    assert.match(await chief.locator('#awaiting-my-review').locator('xpath=..').innerText(), /Recall and resend/);
    await noViolations(chief, 'the editor’s dashboard');
    await chief.goto(url);
    await chief.getByLabel('What needs to change').fill('Add the opening hours.');
    await submitAndWait(chief, chief.getByRole('button', { name: 'Send back to the writer' }));

    await writer.goto(`${origin}/admin`);
    const sentBack = writer.locator('section[aria-labelledby="sent-back"]');
    assert.match(await sentBack.innerText(), /Recall and resend\s*Sent back: Add the opening hours\./);
    await noViolations(writer, 'the writer’s dashboard with a sent-back edition');
    await submitAndWait(writer, sentBack.getByRole('link', { name: 'Recall and resend' }));
    assert.equal(writer.url(), url);
  });

  test('a correction shows its changes against the live text; withdrawing asks for confirmation', async () => {
    const c = web.system.commands;
    const writerActor = actors['writer@review.example']!;
    const { release, edition } = await c.createRelease({ boardSlug: 'press-releases', language: 'en', title: 'Ferry timetable', bodyMarkdown: 'Ferries leave from the north pier.' }, writerActor);
    await c.submitRelease(release.id, writerActor, { version: edition.lockVersion });
    await c.approveRelease(release.id, actors['chief@review.example']!);
    await c.publishRelease(release.id, actors['chief@review.example']!);
    const url = `${origin}/admin/releases/${release.id}`;

    const writer = await signedIn('writer@review.example');
    await writer.goto(url);
    await submitAndWait(writer, writer.getByRole('button', { name: 'Start a correction' }));
    await writer.getByLabel('Body', { exact: true }).fill('Ferries leave from the south pier.');
    await submitAndWait(writer, writer.getByRole('button', { name: 'Save draft' }));
    await submitAndWait(writer, writer.getByRole('button', { name: 'Send for review' }));

    const editor = await signedIn('editor@review.example');
    await editor.goto(url);
    const diff = editor.locator('#correction-diff');
    const texts = async (selector: string) => (await diff.locator(selector).allTextContents()).map((x) => x.replace(/\s+/g, ' '));
    assert.deepEqual(await texts('del'), ['[Removed: north End of change.]']);
    assert.deepEqual(await texts('ins'), ['[Added: south End of change.]']);
    assert.ok(((await diff.locator('del .visually-hidden').first().boundingBox())?.width ?? 0) <= 1, 'the labels are for screen readers only');
    await noViolations(editor, 'the review page with the correction’s changes');

    // Withdrawal (of another, live release): the confirmation box is required, so the form does not go without it.
    const live = await c.createRelease({ boardSlug: 'press-releases', language: 'en', title: 'Bus timetable', bodyMarkdown: 'Buses leave at 8:00.' }, writerActor);
    await c.submitRelease(live.release.id, writerActor);
    await c.approveRelease(live.release.id, actors['chief@review.example']!);
    await c.publishRelease(live.release.id, actors['chief@review.example']!);
    await editor.goto(`${origin}/admin/releases/${live.release.id}`);
    await editor.getByLabel('Public reason for the withdrawal').fill('Timetable withdrawn pending review.');
    await editor.getByRole('button', { name: 'Withdraw' }).click();
    assert.equal(await editor.locator('#field-confirm').evaluate((el) => (el as HTMLInputElement).validity.valueMissing), true);
    assert.equal((await web.system.releases.getRelease(live.release.id))?.status, 'published', 'nothing happened');
    await editor.getByLabel(/I understand: the release leaves lists/).check();
    await submitAndWait(editor, editor.getByRole('button', { name: 'Withdraw' }));
    assert.equal((await web.system.releases.getRelease(live.release.id))?.status, 'withdrawn');
  });
});
