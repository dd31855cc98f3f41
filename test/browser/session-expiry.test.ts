import type { Runtime } from '@crux/local/runtime';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { accessToken, monthTotalFromApi, setStepper, signIn } from './support/app';
import { newContext, skipBrowser } from './support/browser';
import { eventually } from './support/pages';
import { chromiumAndRuntime } from './support/runtime';
import { screenshot } from './support/screenshots';

/**
 * Sessions that really expire: a runtime of its own whose access tokens live 60 s and whose refresh
 * tokens 50 s. The client treats a token as spent 30 s before its `exp` and renews it 10 s before that,
 * so here every 20 s, until the refresh token is refused: the session ends about 70 s after sign-in.
 */
const TOKEN_SECONDS = 60;
const REFRESH_SECONDS = 50;
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

/** Waits until the refresh token is spent and then the last access token: the session has ended. */
async function untilSessionEnds(page: Page, signedInAt: number): Promise<void> {
  const wait = signedInAt + (REFRESH_SECONDS + 1) * 1000 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  await untilTokenSpent(page);
}

async function typedCounts(page: Page): Promise<[string, string]> {
  return [
    await page.getByLabel('Antall besøk', { exact: true }).inputValue(),
    await page.getByLabel('Antall kontaktpunkt (telefon + SMS)', { exact: true }).inputValue(),
  ];
}

describe.skipIf(skipBrowser)('an expired session in the web client', () => {
  chromiumAndRuntime(
    (started) => {
      ({ browser, runtime } = started);
    },
    {
      lifetimes: {
        accessTokenSeconds: TOKEN_SECONDS,
        idTokenSeconds: TOKEN_SECONDS,
        refreshTokenSeconds: REFRESH_SECONDS,
      },
    },
  );

  test('while the session lasts, the access token is renewed before it runs out: no sign-in, nothing lost', async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, runtime, 'ansatt.ovre-eiker');
    await page.waitForURL(/\/senter\/ovre-eiker\/i-dag$/);
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    await setStepper(page, 'Antall besøk', 4);
    const first = await accessToken(page);
    const before = await monthTotalFromApi(page, 'ovre-eiker', 'visit');
    await untilTokenSpent(page);
    // The first token is past its use, and the page holds a newer one it fetched by itself.
    const renewed = await accessToken(page);
    expect(renewed).not.toBe(first);
    await page.getByRole('button', { name: 'Lagre' }).click();
    await eventually(() =>
      page.getByRole('status').filter({ hasText: 'Lagret for' }).textContent(),
    ).toContain('Antall besøk 4');
    expect(await monthTotalFromApi(page, 'ovre-eiker', 'visit')).toBe(before + 4);
    expect(navigations).toEqual([]);
  }, 120_000);

  test('the session ending while the user types: Save goes to sign in and back, nothing typed is lost', async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, runtime, 'ansatt.ovre-eiker');
    const signedInAt = Date.now();
    await page.waitForURL(/\/senter\/ovre-eiker\/i-dag$/);
    await setStepper(page, 'Antall besøk', 5);
    await setStepper(page, 'Antall kontaktpunkt (telefon + SMS)', 2);
    const before = await monthTotalFromApi(page, 'ovre-eiker', 'visit');
    await untilSessionEnds(page, signedInAt);

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
    ).toContain('Antall besøk 5, Antall kontaktpunkt (telefon + SMS) 2');
    expect(await monthTotalFromApi(page, 'ovre-eiker', 'visit')).toBe(before + 5);
  }, 180_000);

  test('expired when the page opens: it says so, and signing in restores the draft', async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, runtime, 'leder.ovre-eiker');
    const signedInAt = Date.now();
    await page.waitForURL(/\/senter\/ovre-eiker\/i-dag$/);
    await setStepper(page, 'Antall besøk', 3);
    await untilSessionEnds(page, signedInAt);
    await page.reload();
    await page.getByText('Økten din er utløpt.', { exact: false }).waitFor();
    await screenshot(page, 'innlogging-utlopt');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(/\/auth\/callback\?/);
    await page.waitForURL(/\/senter\/ovre-eiker\/i-dag$/);
    await eventually(() => typedCounts(page)).toEqual(['3', '0']);
  }, 180_000);
});
