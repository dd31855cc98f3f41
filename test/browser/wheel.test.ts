import type { Runtime } from '@crux/local/runtime';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiFromPage, signIn, todayInOslo } from './support/app';
import { type AxeFinding, axeViolations } from './support/axe';
import { newContext, skipBrowser } from './support/browser';
import { pageOverflowsSideways, shownTexts } from './support/pages';
import { chromiumAndRuntime } from './support/runtime';
import { screenshot } from './support/screenshots';

/**
 * Arbeidshjulet in Chromium against the embedded runtime, on a phone-sized screen: a staff member of
 * Øvre Eiker opens a participant's wheel (one earlier conversation already recorded), records a new
 * conversation with the keyboard alone, and the wheel shows it over the earlier one, with the same
 * numbers in the table; the page has no axe finding in bokmål or English and never scrolls sideways.
 */
let runtime: Runtime;
let browser: Browser;

const centre = 'ovre-eiker';
const scale = { min: 1, max: 10 };

async function staffPage(): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, runtime, 'ansatt.ovre-eiker');
  return page;
}

/** Presses Tab until the element with this id has focus (keyboard only, as a person without a mouse). */
async function tabToId(page: Page, id: string, maxStops = 80): Promise<void> {
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
  }
  throw new Error(`never reached #${id} with Tab`);
}

describe.skipIf(skipBrowser)('Arbeidshjulet in Chromium', () => {
  chromiumAndRuntime((started) => {
    ({ browser, runtime } = started);
  });

  test('staff record a conversation by keyboard at 360 px; the wheel shows it over the earlier one', async () => {
    const page = await staffPage();
    const made = await apiFromPage<{ id: string }>(
      page,
      'POST',
      `/api/centres/${centre}/participants`,
      {
        displayName: 'Hjul Testesen',
        birthYear: 1990,
        gender: 'man',
        startDate: '2024-01-15',
        referralSource: 'nav',
      },
      crypto.randomUUID(),
    );
    expect(made.status).toBe(201);
    const id = made.body.id;
    const earlier = await apiFromPage(
      page,
      'POST',
      `/api/centres/${centre}/participants/${id}/conversations`,
      {
        date: '2024-02-01',
        planVersion: 0,
        attendees: ['Hjul', 'Kari (CRUX)'],
        scale,
        positions: { participant: { housing: 2, health: 4 }, staff: { housing: 3 } },
      },
      crypto.randomUUID(),
    );
    expect(earlier.status).toBe(201);

    await page.goto(`${runtime.url}/senter/${centre}/deltakere/${id}/hjul`);
    const wheel = page.getByRole('img', { name: 'Arbeidshjulet for Hjul Testesen' });
    await wheel.waitFor();
    // On a phone the wheel is the first thing under the heading, before the table.
    const wheelBox = await wheel.boundingBox();
    const tableBox = await page.locator('table').first().boundingBox();
    expect(wheelBox && tableBox && wheelBox.y < tableBox.y).toBe(true);
    expect(await page.locator('svg.wheel .wheel-earlier').count()).toBe(0);

    // Keyboard only: the date stays today; Tab to each field, type, and press Enter to save.
    await page.locator('h1').click();
    await tabToId(page, 'conversation-attendees');
    await page.keyboard.type('Hjul, Kari (CRUX)');
    await tabToId(page, 'conversation-participant-housing');
    await page.keyboard.type('7');
    await tabToId(page, 'conversation-participant-economy');
    await page.keyboard.type('5');
    await tabToId(page, 'conversation-notes');
    await page.keyboard.type('Fikk leilighet.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Lagre samtalen');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Samtalen er lagret.' }).waitFor();

    const housing = page.locator('table tr').filter({ has: page.getByRole('rowheader', { name: 'Bolig' }) });
    await expect.poll(() => shownTexts(housing.locator('td'))).toEqual(['7', '3', '2']);
    expect(await page.locator('svg.wheel .wheel-earlier').count()).toBe(1);
    expect(await page.locator('svg.wheel .wheel-latest').count()).toBe(1);
    const history = page.getByRole('heading', { level: 3 });
    expect(await history.count()).toBe(2);

    const stored = await apiFromPage<{ conversations: { date: string; notes?: string }[] }>(
      page,
      'GET',
      `/api/centres/${centre}/participants/${id}/plan`,
    );
    expect(stored.body.conversations.map((c) => [c.date, c.notes ?? null]).sort()).toEqual([
      ['2024-02-01', null],
      [todayInOslo(), 'Fikk leilighet.'],
    ]);
    await screenshot(page, 'arbeidshjulet-360');

    const findings: AxeFinding[] = [...(await axeViolations(page, 'wheel (nb) @360'))];
    expect(await pageOverflowsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('img', { name: 'The work wheel of Hjul Testesen' }).waitFor();
    findings.push(...(await axeViolations(page, 'wheel (en) @360')));
    await page.setViewportSize({ width: 1280, height: 900 });
    findings.push(...(await axeViolations(page, 'wheel (en) @1280')));
    expect(findings).toEqual([]);
  }, 180_000);
});
