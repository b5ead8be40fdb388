import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import type { StaffActor } from '../../src/app/workflow/actor.js';
import { allViolations, browserSkipReason, describeViolations, launchBrowser, listen, signInAs } from '../support/browser.js';
import { buildBoard, buildRelease, jpegBytes, pdfBytes } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const PASSWORD = 'a long enough test password';
const WRITER = 'autosave-writer@press.example';
const LONG_TITLE = 'Coastal rescue centre opens with forty trainees and two new boats for the southern coast';
// Generous hang guards: the autosave waits 3 s after typing stops.
const SAVED = { timeout: 20_000 };

describe('autosave, the leave warning and the full-page preview in Chromium (#16)', { skip: browserSkipReason() }, () => {
  let web: TestWeb;
  let origin: string;
  let browser: Browser;
  let writer: StaffActor;
  const contexts: BrowserContext[] = [];

  before(async () => {
    web = await createTestWeb();
    await buildBoard(web.system, { slug: 'press-releases' });
    const user = await web.system.accounts.createUser({ email: WRITER, name: 'Kim Writer', role: 'writer', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
    writer = { userId: user.id, label: user.name, ip: null, role: 'writer' };
    origin = await listen(web);
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await web?.close();
  });

  async function signedIn(options: { bypassCSP?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ bypassCSP: options.bypassCSP ?? false });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    await signInAs(page, origin, WRITER, PASSWORD);
    return { context, page, problems };
  }

  const draft = async (title: string, bodyMarkdown: string) => (await buildRelease(web.system, { boardSlug: 'press-releases', state: 'draft', title, bodyMarkdown, actor: writer })).release.id;
  const body = (page: Page) => page.getByLabel('Body', { exact: true });
  const status = (page: Page) => page.locator('#autosave-status');

  test('typed text is autosaved ("Saved at"), leaving with unsaved changes asks first, and the text is there on return', async () => {
    const id = await draft('Autosave journey', 'The centre opens today.');
    const { page, problems } = await signedIn();
    await page.goto(`${origin}/admin/releases/${id}`);

    // Unsaved: leaving asks (the beforeunload dialog); staying keeps the page and the text.
    await body(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Forty trainees start on Monday.');
    const dialogs: Dialog[] = [];
    const onDialog = (dialog: Dialog) => {
      dialogs.push(dialog);
      void dialog.dismiss();
    };
    page.on('dialog', onDialog);
    await page.getByRole('link', { name: 'All releases', exact: true }).click({ noWaitAfter: true });
    await page.waitForTimeout(300);
    assert.equal(dialogs[0]?.type(), 'beforeunload', 'the leave warning shows for unsaved changes');
    assert.equal(page.url(), `${origin}/admin/releases/${id}`, 'dismissing it stays on the page');

    // A few seconds after typing stops: saved, shown with the time (10:00 in Seoul on the test clock).
    await status(page).getByText('Saved at 10:00').waitFor(SAVED);
    assert.equal(await status(page).getAttribute('aria-live'), 'polite');
    assert.equal((await web.system.editions.latestEdition(id))!.bodyMarkdown, 'The centre opens today. Forty trainees start on Monday.');

    // Saved: leaving asks nothing; coming back, the text is there.
    dialogs.length = 0;
    await page.getByRole('link', { name: 'All releases', exact: true }).click();
    await page.waitForURL(`${origin}/admin/releases`);
    assert.equal(dialogs.length, 0, 'no warning once saved');
    await page.goto(`${origin}/admin/releases/${id}`);
    assert.equal(await body(page).inputValue(), 'The centre opens today. Forty trainees start on Monday.');

    // Typed and saved by hand at once: the autosave that leaving the field starts is waited for, so
    // the save goes with the version it answered instead of conflicting with it.
    await body(page).fill('The centre opens today. Forty trainees start on Monday.\n\nSaved by hand.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor(SAVED);
    assert.equal(await page.getByRole('heading', { name: /Someone else saved this release/ }).count(), 0, 'no conflict with its own autosave');
    await body(page).fill('The centre opens today. Forty trainees start on Monday.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved.', { exact: true }).waitFor(SAVED);

    // Typed and sent for review at once: the text is saved first, and the step (holding the version
    // the autosave answered) is not refused as stale.
    await body(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Two boats.');
    await page.getByRole('button', { name: 'Send for review' }).click();
    await page.getByText('Sent for review.').waitFor(SAVED);
    const edition = (await web.system.editions.latestEdition(id))!;
    assert.equal(edition.state, 'in_review');
    assert.equal(edition.bodyMarkdown, 'The centre opens today. Forty trainees start on Monday. Two boats.');
    assert.equal(dialogs.length, 0);
    page.off('dialog', onDialog);
    assert.deepEqual(problems, []);
  });

  test('two pages of one draft: no conflict from a page that changed nothing; a real change conflicts and keeps the typed text', async () => {
    const id = await draft('Two tabs', 'Original text.');
    const { context, page: first } = await signedIn();
    await first.goto(`${origin}/admin/releases/${id}`);
    const second = await context.newPage();
    await second.goto(`${origin}/admin/releases/${id}`);

    // The first page is touched but its text ends as it was: nothing is saved, no version moves.
    await body(first).click();
    await first.keyboard.press('End');
    await first.keyboard.type('x');
    await first.keyboard.press('Backspace');
    await first.getByLabel('Title', { exact: true }).click();
    await first.waitForTimeout(3500);
    assert.equal(await status(first).textContent(), '');

    // The second page really changes the text: saved, no conflict.
    await body(second).fill('Text from the second page.');
    await second.getByLabel('Title', { exact: true }).click();
    await status(second).getByText(/Saved at/).waitFor(SAVED);

    // Now the first page types: a real conflict, said clearly, and its text stays in the form.
    await body(first).fill('Text from the first page.');
    await first.getByLabel('Title', { exact: true }).click();
    await status(first).getByText(/Someone else changed this release/).waitFor(SAVED);
    assert.equal(await body(first).inputValue(), 'Text from the first page.');
    assert.equal((await web.system.editions.latestEdition(id))!.bodyMarkdown, 'Text from the second page.', 'never silently overwritten');
    // Save draft shows both versions to merge, with the typed text kept in the form.
    first.on('dialog', (d) => void d.dismiss());
    await first.getByRole('button', { name: 'Save draft' }).click();
    await first.getByRole('heading', { name: 'Someone else saved this release while you were editing it' }).waitFor(SAVED);
    assert.equal(await body(first).inputValue(), 'Text from the first page.');
  });

  test('a writer previews the full page in a new tab: banner, subtitle, photo with caption, attachment, cut list title; axe finds nothing; logged out it is refused', async () => {
    const { release } = await buildRelease(web.system, {
      boardSlug: 'press-releases',
      state: 'draft',
      title: LONG_TITLE,
      subtitle: ['Forty trainees in the first year'],
      bodyMarkdown: 'The centre opens **today**.',
      actor: writer,
      files: [
        { fileName: 'rescue-boat.jpg', bytes: await jpegBytes(1200, 800), caption: 'The new rescue boat', credit: 'Coast Guard', altText: 'An orange rescue boat at sea' },
        { fileName: 'training-plan.pdf', bytes: await pdfBytes('Training plan') },
      ],
    });
    const { context, page } = await signedIn({ bypassCSP: true });
    await page.goto(`${origin}/admin/releases/${release.id}`);
    const thumbnail = page.locator('img.thumbnail');
    await thumbnail.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img.thumbnail');
      return img !== null && img.complete && img.naturalWidth > 0;
    }, undefined, SAVED);

    const [preview] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /Preview the full page/ }).click()]);
    await preview.waitForLoadState('load');
    assert.equal(await preview.evaluate(() => window.opener), null, 'opened with noopener');
    assert.ok(await preview.getByRole('heading', { name: 'Preview - not published' }).isVisible());
    assert.ok(await preview.getByText('- Forty trainees in the first year').isVisible());
    const photo = preview.locator('figure.photo img');
    assert.equal(await photo.getAttribute('alt'), 'An orange rescue boat at sea');
    await photo.scrollIntoViewIfNeeded();
    await preview.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('figure.photo img');
      return img !== null && img.complete && img.naturalWidth > 0;
    }, undefined, SAVED);
    assert.match((await preview.locator('figure.photo figcaption').textContent()) ?? '', /The new rescue boat.*Coast Guard/);
    assert.ok(await preview.getByRole('link', { name: 'training-plan.pdf' }).isVisible());
    const row = preview.locator('table.preview-list-row td.title');
    assert.equal((await row.locator('[aria-hidden="true"]').textContent())?.trim(), `${[...LONG_TITLE].slice(0, 64).join('')}...`);
    const violations = await allViolations(preview);
    assert.equal(violations.length, 0, describeViolations(violations));

    const stranger = await browser.newContext();
    contexts.push(stranger);
    const anonymous = await stranger.newPage();
    await anonymous.goto(preview.url());
    assert.match(anonymous.url(), /\/admin\/login/);
    assert.equal(await anonymous.getByText('The new rescue boat').count(), 0);
  });
});
