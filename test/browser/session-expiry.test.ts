import type { Runtime } from '@crux/local/runtime';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accessToken, monthTotalFromApi, setStepper, signIn } from './support/app';
import { launchChromium, newContext, skipBrowser } from './support/browser';
import { eventually } from './support/pages';
import { startTestRuntime } from './support/runtime';
import { screenshot } from './support/screenshots';

/**
 * Sessions that really expire: a runtime of its own whose access tokens live 45 s. The client treats a
 * token as spent 30 s before its `exp`, so each token is usable here for about 15 s.
 */
const TOKEN_SECONDS = 45;
const CLIENT_MARGIN_SECONDS = 30;

let runtime: Runtime;
let browser: Browser;

/** Waits, in real time, until the client must consider the page's current token expired. */
async function untilTokenSpent(page: Page): Promise<void> {
  const [, payload] = (await accessToken(page)).split('.');
  const { exp } = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as { exp: number };
  const wait = (exp - CLIENT_MARGIN_SECONDS + 1) * 1000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

async function typedCounts(page: Page): Promise<[string, string]> {
  return [
    await page.getByLabel('Besøk', { exact: true }).inputValue(),
    await page.getByLabel('Kontaktpunkter (telefon og SMS)', { exact: true }).inputValue(),
  ];
}

describe.skipIf(skipBrowser)('an expired session in the web client', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    runtime = await startTestRuntime({
      lifetimes: { accessTokenSeconds: TOKEN_SECONDS, idTokenSeconds: TOKEN_SECONDS },
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
  });

  test('expiring while the user types: Save goes to sign in and back, nothing typed is lost', async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, runtime, 'ansatt.ovre-eiker');
    await page.waitForURL(/\/senter\/ovre-eiker\/i-dag$/);
    await setStepper(page, 'Besøk', 5);
    await setStepper(page, 'Kontaktpunkter (telefon og SMS)', 2);
    const before = await monthTotalFromApi(page, 'ovre-eiker', 'visit');
    await untilTokenSpent(page);

    // The provider still has the user's session, so it sends them straight back with a new code.
    const viaCallback = page.waitForURL(/\/auth\/callback\?/);
    await page.getByRole('button', { name: 'Lagre' }).click();
    await viaCallback;
    await page.waitForURL(/\/senter\/ovre-eiker\/i-dag$/);
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
    await eventually(() => typedCounts(page)).toEqual(['5', '2']);
    expect(await monthTotalFromApi(page, 'ovre-eiker', 'visit')).toBe(before);

    await page.getByRole('button', { name: 'Lagre' }).click();
    await eventually(() =>
      page.getByRole('status').filter({ hasText: 'Lagret for' }).textContent(),
    ).toContain('5 besøk og 2 kontaktpunkter');
    expect(await monthTotalFromApi(page, 'ovre-eiker', 'visit')).toBe(before + 5);
  }, 120_000);

  test('expired when the page opens: it says so, and signing in restores the draft', async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, runtime, 'leder.ovre-eiker');
    await page.waitForURL(/\/senter\/ovre-eiker\/i-dag$/);
    await setStepper(page, 'Besøk', 3);
    await untilTokenSpent(page);
    await page.reload();
    await page.getByText('Økten din er utløpt.', { exact: false }).waitFor();
    await screenshot(page, 'innlogging-utlopt');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(/\/auth\/callback\?/);
    await page.waitForURL(/\/senter\/ovre-eiker\/i-dag$/);
    await eventually(() => typedCounts(page)).toEqual(['3', '0']);
  }, 120_000);
});
