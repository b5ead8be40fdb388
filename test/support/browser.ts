import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestWeb } from './web.js';

const require = createRequire(import.meta.url);

/** Why the browser suites cannot run here, or false when they can. */
export function browserSkipReason(): string | false {
  return process.env.PRESSROOM_CHROMIUM_PATH ? false : 'Chromium not available (run through `npm test` with Debian chromium installed)';
}

/** Debian's Chromium, headless, with the flags these machines need (no background networking). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PRESSROOM_CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Serves a test web app on a loopback port and returns its origin. */
export async function listen(web: TestWeb): Promise<string> {
  await web.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = web.app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run();
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}

/**
 * Whether two Hangul syllables draw as different glyphs in the font of the page's h1. Missing fonts
 * draw every syllable as the same empty box (tofu), so fonts-nanum must be installed for this to hold.
 * (A string, not a function: tsx's name-keeping helper does not exist inside the page.)
 */
export async function hangulGlyphsDistinct(page: Page, first = '한', second = '국'): Promise<boolean> {
  return page.evaluate(`(() => {
    const font = getComputedStyle(document.querySelector('h1')).font.replace(/\\d+(\\.\\d+)?px/, '48px');
    const pixels = (text) => {
      const canvas = document.createElement('canvas');
      canvas.width = 80;
      canvas.height = 80;
      const ctx = canvas.getContext('2d');
      ctx.font = font;
      ctx.fillText(text, 10, 60);
      return Array.from(ctx.getImageData(0, 0, 80, 80).data).join(',');
    };
    return pixels(${JSON.stringify(first)}) !== pixels(${JSON.stringify(second)}) && pixels(${JSON.stringify(first)}) !== pixels('\\u{10FFFD}');
  })()`) as Promise<boolean>;
}

/** The axe rule sets the public pages are held to (#17): WCAG 2.2 A and AA, and best practice. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe-core with the WCAG 2.2 AA and best-practice rules and returns every violation, whatever its impact. */
export async function allViolations(page: Page, tags: string[] = AXE_TAGS): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(async (runOnly) => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: runOnly } });
  }, tags);
  return result.violations;
}

/** Signs in on the admin login page (by field names, so in either UI language) and waits for the dashboard. */
export async function signInAs(page: Page, origin: string, email: string, password: string): Promise<void> {
  await page.goto(`${origin}/admin/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').first().click();
  await page.waitForURL(`${origin}/admin`);
}

/** Clicks a form's button and waits for the page it leads to. */
export async function submitAndWait(page: Page, button: ReturnType<Page['locator']>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), button.click()]);
}

/** A browser context in one UI language (locale and Accept-Language); CSP bypassed so axe can be injected. */
export function contextIn(browser: Browser, locale: string, lang: string): Promise<BrowserContext> {
  return browser.newContext({ locale, extraHTTPHeaders: { 'Accept-Language': `${locale},${lang};q=0.9` }, bypassCSP: true });
}
