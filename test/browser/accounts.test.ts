import { randomUUID } from 'node:crypto';
import type { Runtime } from '@crux/local/runtime';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { signIn } from './support/app';
import { type AxeFinding, axeViolations } from './support/axe';
import { newContext, skipBrowser } from './support/browser';
import { eventually, pageOverflowsSideways, shownTexts } from './support/pages';
import { chromiumAndRuntime } from './support/runtime';
import { screenshot } from './support/screenshots';

/**
 * The leader's accounts page and the admin's onboarding page in Chromium against the embedded runtime:
 * each form refuses what the API would (in plain words, in an error summary), does what it says (the
 * invitation is in the runtime's outbox, the account's status changes), and both pages pass axe and
 * stay within 360 px, in bokmål and in English.
 */
let runtime: Runtime;
let browser: Browser;

async function signedIn(username: string, path: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await signIn(page, runtime, username, path);
  return page;
}

/** axe at desktop width and at 360 px, and whether the page scrolls sideways there. */
async function checked(page: Page, label: string): Promise<{ findings: AxeFinding[]; overflows: boolean }> {
  await page.locator('.progress').waitFor({ state: 'detached' });
  const findings = await axeViolations(page, `${label} @1280`);
  await screenshot(page, label);
  await page.setViewportSize({ width: 360, height: 740 });
  findings.push(...(await axeViolations(page, `${label} @360`)));
  const overflows = await pageOverflowsSideways(page);
  await screenshot(page, `${label}-360`);
  await page.setViewportSize({ width: 1280, height: 900 });
  return { findings, overflows };
}

const row = (page: Page, name: string) =>
  page.locator('tr', { has: page.getByRole('rowheader', { name, exact: true }) });

describe.skipIf(skipBrowser)('accounts in the web client', () => {
  chromiumAndRuntime((started) => {
    ({ browser, runtime } = started);
  });

  test('a leader invites a staff member, deactivates and reactivates the account, in bokmål and English', async () => {
    const page = await signedIn('leder.ovre-eiker', '/senter/ovre-eiker/kontoer');
    await page.getByRole('heading', { level: 1, name: 'Kontoer' }).waitFor();
    // The staff member's row has a button; the leader's own row none: a leader manages staff and volunteers only.
    const staff = 'Kari Nordmann (ansatt, Øvre Eiker)';
    await row(page, staff)
      .getByRole('button', { name: `Deaktiver ${staff}` })
      .waitFor();
    expect(await row(page, 'Ola Hansen (virksomhetsleder, Øvre Eiker)').getByRole('button').count()).toBe(0);

    const create = page.getByRole('button', { name: 'Lag konto' });
    await create.click();
    await eventually(() => page.locator('.ds-error-summary').textContent()).toContain('Feltet må fylles ut.');
    const email = `kari.${randomUUID().slice(0, 6)}@eksempel.no`;
    const name = `Kari Testesen ${randomUUID().slice(0, 4)}`;
    await page.getByLabel('Navn', { exact: true }).fill(name);
    await page.getByLabel('E-post', { exact: true }).fill('kari@eksempel');
    await create.click();
    await eventually(() => page.locator('.ds-error-summary').textContent()).toContain(
      'Skriv en gyldig e-postadresse',
    );
    const before = await checked(page, 'kontoer-feil');
    await page.getByLabel('E-post', { exact: true }).fill(email);
    await page.getByLabel('Frivillig', { exact: true }).check();
    await create.click();
    await page.getByText(`Invitasjonen er sendt til ${email}.`).waitFor();
    expect(runtime.outbox.at(-1)).toMatchObject({ to: email });
    await eventually(() => shownTexts(row(page, name).locator('td'))).toEqual([
      email,
      'Frivillig',
      'Invitert',
      `Deaktiver ${name}`,
    ]);

    await page.getByRole('button', { name: `Deaktiver ${name}` }).click();
    await page.getByText(`${name} er deaktivert og kan ikke logge inn.`).waitFor();
    await eventually(() => row(page, name).locator('td').nth(2).textContent()).toBe('Deaktivert');
    await page.getByRole('button', { name: `Aktiver ${name} igjen` }).click();
    await eventually(() => row(page, name).locator('td').nth(2).textContent()).toBe('Invitert');
    const nb = await checked(page, 'kontoer');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    await eventually(() => row(page, name).locator('td').nth(2).textContent()).toBe('Invited');
    const en = await checked(page, 'accounts-en');

    expect([...before.findings, ...nb.findings, ...en.findings]).toEqual([]);
    expect([before.overflows, nb.overflows, en.overflows]).toEqual([false, false, false]);
  }, 180_000);

  test('the admin onboards a centre with its leader; a taken id is refused in plain words', async () => {
    const page = await signedIn('admin', '/');
    await page.waitForURL(/\/admin\/nye-sentre$/);
    await page.getByRole('heading', { level: 1, name: 'Nye sentre' }).waitFor();
    const id = `nordby-${randomUUID().slice(0, 6)}`;
    const leaderEmail = `leder.${id}@eksempel.no`;
    const fill = async (centreId: string, email: string) => {
      await page.getByLabel('Id', { exact: true }).fill(centreId);
      await page
        .getByRole('group', { name: 'Senteret' })
        .getByLabel('Navn', { exact: true })
        .fill('CRUX Nordby');
      await page.getByLabel('Sted', { exact: true }).fill('Nordby');
      await page
        .getByRole('group', { name: 'Virksomhetslederen' })
        .getByLabel('Navn', { exact: true })
        .fill('Lene Leder');
      await page.getByLabel('E-post', { exact: true }).fill(email);
      await page.getByRole('button', { name: 'Registrer senteret' }).click();
    };
    await fill(id, leaderEmail);
    await page.getByText(`CRUX Nordby er registrert. Invitasjonen er sendt til ${leaderEmail}.`).waitFor();
    expect(runtime.outbox.at(-1)).toMatchObject({ to: leaderEmail });
    await page.getByRole('listitem').filter({ hasText: 'CRUX Nordby (Nordby)' }).first().waitFor();

    const outboxBefore = runtime.outbox.length;
    await fill(id, `annen.${id}@eksempel.no`);
    await eventually(() => page.locator('.ds-error-summary').textContent()).toContain('Id-en er i bruk.');
    expect(runtime.outbox.length).toBe(outboxBefore);
    const nb = await checked(page, 'nye-sentre-feil');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'New centres' }).waitFor();
    const en = await checked(page, 'new-centres-en');
    expect([...nb.findings, ...en.findings]).toEqual([]);
    expect([nb.overflows, en.overflows]).toEqual([false, false]);
  }, 180_000);

  test("the provider's sign-in page is in the language the user chose in the client", async () => {
    const page = await (await newContext(browser)).newPage();
    await page.goto(runtime.url);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/idp/'));
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByLabel('Username', { exact: true }).waitFor();
    await page.context().close();
  }, 60_000);
});
