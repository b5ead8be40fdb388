import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, describeViolations, launchBrowser, listen, seriousViolations, signInAs } from '../support/browser.js';
import { buildBoard, jpegBytes, pdfBytes } from '../support/factories.js';
import { createTestWeb, type TestWeb } from '../support/web.js';

const PASSWORD = 'a long enough test password';
const WRITER = 'editor-writer@press.example';

/** What Word puts on the clipboard: mso styles, conditional comments, o:p, a data: image, a VML shape. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:v="urn:schemas-microsoft-com:vml">
<head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:10.0pt;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=KO style='tab-interval:40.0pt'><!--StartFragment-->
<h1 style='mso-style-name:"Heading 1"'>Coastal rescue centre<o:p></o:p></h1>
<p class=MsoNormal style='mso-margin-top-alt:auto'><b style='mso-bidi-font-weight:normal'><span lang=EN-US>Opening</span></b><span lang=EN-US style='mso-fareast-font-family:"Malgun Gothic"'> on <i>Monday</i> with <a href="https://gov.example/plan">the plan</a> and <a href="file:///C:/Users/kim/notes.docx">notes</a>.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span><![endif]><span lang=EN-US>Forty trainees<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;</span></span><![endif]><span lang=EN-US>Two boats<o:p></o:p></span></p>
<p class=MsoNormal><img width=20 height=20 src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" alt="logo"><v:shape id="_x0000_i1025" style='width:20pt'><v:imagedata src="file:///C:/image001.png" o:title=""/></v:shape><o:p>&nbsp;</o:p></p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse;mso-yfti-tbllook:1184'><tr><td style='mso-border-alt:solid windowtext .5pt'><p class=MsoNormal>Region</p></td><td><p class=MsoNormal><b>Crews</b></p></td></tr><tr><td><p class=MsoNormal>East</p></td><td><p class=MsoNormal>40</p></td></tr></table>
<!--EndFragment--></body></html>`;

describe('the editor enhancements in Chromium, under the real CSP', { skip: browserSkipReason() }, () => {
  let web: TestWeb;
  let origin: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async () => {
    web = await createTestWeb();
    await buildBoard(web.system, { slug: 'press-releases' });
    await web.system.accounts.createUser({ email: WRITER, name: 'Kim Writer', role: 'writer', password: PASSWORD }, { userId: null, label: 'system:test', ip: null });
    origin = await listen(web);
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await web?.close();
  });

  /** A signed-in writer; the CSP stays on unless axe-core must be injected. */
  async function signedIn(options: { bypassCSP: boolean }): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ bypassCSP: options.bypassCSP });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    await signInAs(page, origin, WRITER, PASSWORD);
    return { page, problems };
  }

  const body = (page: Page) => page.getByLabel('Body', { exact: true });
  const toolbarButton = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true });

  test('toolbar, live preview, paste from Word and uploads with progress', async () => {
    const { page, problems } = await signedIn({ bypassCSP: false });
    await page.goto(`${origin}/admin/releases/new`);
    await page.getByLabel('Title', { exact: true }).fill('Coastal rescue centre opens');

    // 1. Bold wraps the selection; the toolbar is one tab stop moved through with the arrow keys.
    await body(page).fill('The centre opens today.');
    await body(page).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(4, 10));
    await toolbarButton(page, 'Bold').click();
    assert.equal(await body(page).inputValue(), 'The **centre** opens today.');
    await toolbarButton(page, 'Bold').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Italic');
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Quote');
    await page.keyboard.press('Enter');
    assert.equal(await body(page).inputValue(), '> The **centre** opens today.', 'Enter on a toolbar button runs it on the body');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-bodyMarkdown', 'focus returns to the body');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+I');
    assert.equal(await body(page).inputValue(), '*> The **centre** opens today.*', 'Ctrl+I is the Italic shortcut');

    // 2. The live preview follows the typing, rendered and sanitized by the server.
    await body(page).fill('## Plan\n\nSome **bold** words <script>window.__pwned = 1</script>');
    const preview = page.locator('#live-preview');
    assert.equal(await preview.getAttribute('aria-live'), 'polite');
    await preview.locator('h2', { hasText: 'Plan' }).waitFor();
    await preview.locator('strong', { hasText: 'bold' }).waitFor();
    assert.equal(await preview.locator('script').count(), 0);
    assert.match(await preview.innerText(), /<script>window\.__pwned = 1<\/script>/);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);

    // 3. Paste from Word becomes clean Markdown at the cursor (the table's first row is no header:
    // only one cell of it is bold, so the pipe table gets an empty header row, #16).
    await body(page).fill('Intro.\n\n');
    await body(page).evaluate((el: HTMLTextAreaElement, html: string) => {
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Coastal rescue centre Opening on Monday');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, WORD_HTML);
    const pasted = await body(page).inputValue();
    assert.match(pasted, /^Intro\.\n\n# Coastal rescue centre\n\n\*\*Opening\*\* on \*Monday\* with \[the plan\]\(https:\/\/gov\.example\/plan\) and notes\.\n\n- Forty trainees\n- Two boats\n\n\| {2}\| {2}\|\n\| --- \| --- \|\n\| Region \| Crews \|\n\| East \| 40 \|$/, pasted);
    assert.doesNotMatch(pasted, /mso|<|data:|file:|Symbol|·|&nbsp;|\u00a0/);
    // A plain-text paste is the browser's own.
    const plainHandled = await body(page).evaluate((el: HTMLTextAreaElement) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'just text');
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      el.dispatchEvent(event);
      return event.defaultPrevented;
    });
    assert.equal(plainHandled, false);

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Create draft' }).click()]);
    assert.match(page.url(), /\/admin\/releases\/\d+\?done=created$/);
    const editUrl = page.url().replace(/\?.*$/, '');
    // The preview is drawn by the page's script once it has loaded: wait for it (bounded) rather than read at once.
    await page.locator('#live-preview', { hasText: 'Coastal rescue centre' }).waitFor({ timeout: 10_000 });
    assert.match(await page.locator('#live-preview').innerText(), /Coastal rescue centre/, 'the preview starts with the saved body');

    // 4. Two files on the XHR path, each with its progress bar; then the page shows them.
    // Progress bars are gone once the page reloads; remember them across it. (A string, so that
    // no compiled helper names leak into the page.)
    await page.evaluate(`new MutationObserver(() => sessionStorage.setItem('progress', JSON.stringify(
      Array.from(document.querySelectorAll('.upload-progress progress'), (p) => ({ label: p.getAttribute('aria-label'), value: p.value, max: p.max }))
    ))).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })`);
    await page.getByLabel('Alt text (required for photos before publishing)').fill('Trainees on the rescue boat');
    await page.locator('form[data-upload-form] input[type=file]').setInputFiles([
      { name: 'rescue-boat.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(await jpegBytes(320, 200)) },
      { name: '훈련센터_개요.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdfBytes('centre')) },
    ]);
    await Promise.all([page.waitForURL(/\?done=attached/), page.getByRole('button', { name: 'Upload' }).click()]);
    const bars = JSON.parse((await page.evaluate(() => sessionStorage.getItem('progress'))) ?? '[]') as { label: string; value: number; max: number }[];
    assert.deepEqual(
      bars.map((b) => [b.label, b.value === b.max && b.max > 1]),
      [
        ['Upload of rescue-boat.jpg', true],
        ['Upload of 훈련센터_개요.pdf', true],
      ],
    );
    const files = page.locator('#field-attachments table');
    assert.ok(await files.getByRole('cell', { name: 'rescue-boat.jpg', exact: true }).isVisible());
    assert.ok(await files.getByRole('cell', { name: '훈련센터_개요.pdf', exact: true }).isVisible());

    // A dropped file that is refused shows the server's reason and stays on the page.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['<html><script>alert(1)</script></html>'], 'page.pdf', { type: 'application/pdf' }));
      document.querySelector('form[data-upload-form] fieldset')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    const refused = page.locator('.upload-refused');
    await refused.waitFor();
    assert.match(await refused.innerText(), /page\.pdf[\s\S]*not attached: .*page\.pdf/);
    assert.match(await page.locator('.upload-summary').innerText(), /1 of 1 files were not attached/);
    assert.equal(page.url().replace(/\?.*$/, ''), editUrl);
    assert.equal((await web.system.editions.latestEdition(Number(/\d+$/.exec(editUrl)![0])))!.id > 0, true);

    assert.deepEqual(problems, [], 'no script errors or CSP refusals');
  });

  test('the enhanced editor has no serious accessibility problems (axe-core)', async () => {
    const { page } = await signedIn({ bypassCSP: true });
    await page.goto(`${origin}/admin/releases/new`);
    await page.getByRole('toolbar', { name: 'Formatting' }).waitFor();
    await body(page).fill('## Heading\n\n- one\n- two');
    await page.locator('#live-preview li').first().waitFor();
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
  });
});
