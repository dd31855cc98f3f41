import AxeBuilder from '@axe-core/playwright';
import { signInLanguageParam } from '@crux/api/identity-settings';
import { newPkce, nextTotpCode } from '@crux/local/idp/sign-in-flow';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumArgs, skipBrowser } from '../browser/support/browser';
import { startTestRuntime, type TestRuntime } from './harness';

/**
 * The local identity provider's sign-in page in Debian's Chromium: axe finds nothing, at 360 px and
 * on a desktop, in both languages, with and without errors; the error summary takes focus; and a
 * person can sign in with the keyboard alone and lands back at the app with a code.
 */
const skip = skipBrowser;

let t: TestRuntime;
let browser: Browser;

beforeAll(async () => {
  if (skip) return;
  t = await startTestRuntime({ seedDemo: false });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await t?.runtime.stop();
});

function authorizeUrl(locale?: 'en'): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: t.runtime.clientId,
    redirect_uri: t.runtime.redirectUri,
    scope: 'openid',
    state: 'browser-state',
    code_challenge: newPkce().challenge,
    code_challenge_method: 'S256',
    ...(locale ? { [signInLanguageParam]: locale } : {}),
  });
  return `${t.runtime.issuer}/authorize?${query}`;
}

async function openPage(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'nb-NO' });
  return context.newPage();
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe.skipIf(skip)('the sign-in page in a browser', () => {
  it.each([360, 1280])(
    'has no axe violations and no sideways scrolling at %i px, in bokmål and English',
    async (width) => {
      const page = await openPage(width);
      for (const locale of [undefined, 'en'] as const) {
        await page.goto(authorizeUrl(locale));
        expect(await page.getAttribute('html', 'lang')).toBe(locale ?? 'nb');
        await expectNoAxeViolations(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      }
      await page.context().close();
    },
  );

  it('shows an error summary that takes focus and links to the fields, with no axe violations', async () => {
    const page = await openPage(360);
    await page.goto(authorizeUrl());
    await page.getByRole('button', { name: 'Logg inn' }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await page.getByLabel('Brukernavn').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Skriv inn passordet ditt.' }).click();
    expect(page.url()).toMatch(/#password$/);
    await page.context().close();
  });

  it('lets a person sign in with the keyboard alone, with a visible focus ring, and returns a code', async () => {
    const page = await openPage(360);
    await page.goto(authorizeUrl());
    // The username field has focus from the start.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('username');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return getComputedStyle(el).outlineStyle;
    });
    expect(outline).toBe('solid');
    await page.keyboard.type('ansatt.ovre-eiker');
    await page.keyboard.press('Tab');
    await page.keyboard.type(t.runtime.demoPassword);
    await page.keyboard.press('Enter');
    // Then the code from the authenticator (every account has TOTP), its field focused as the page opens.
    await page.getByLabel(/^Kode fra appen/).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('code');
    await page.keyboard.type(
      await nextTotpCode(t.runtime.url, 'ansatt.ovre-eiker', t.runtime.demoTotpSecret),
    );
    const back = page.waitForURL((url) => url.href.startsWith(t.runtime.redirectUri));
    await page.keyboard.press('Enter');
    await back;
    const url = new URL(page.url());
    expect(url.searchParams.get('state')).toBe('browser-state');
    expect(url.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.context().close();
  });
});
