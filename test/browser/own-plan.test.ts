import type { CentreSettings } from '@crux/domain/centre-settings';
import type { PlanPage } from '@crux/domain/wheel/schema';
import { localCredentials, localRegion } from '@crux/local/dynamodb';
import { hashPassword } from '@crux/local/idp/passwords';
import type { Runtime } from '@crux/local/runtime';
import { createDocumentClient } from '@crux/store/client';
import { localUsersRepo } from '@crux/store/local-users-repo';
import { table } from '@crux/store/table';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiFromPage, signIn, todayInOslo } from './support/app';
import { type AxeFinding, axeViolations } from './support/axe';
import { launchChromium, newContext, skipBrowser } from './support/browser';
import { pageOverflowsSideways } from './support/pages';
import { startTestRuntime } from './support/runtime';
import { screenshot } from './support/screenshots';

/**
 * The participant's own view of Arbeidshjulet (*brukermedvirkning*) in Chromium at 360 px: once the
 * leader has turned participant sign-in on, the participant signs in on a phone, lands on their wheel
 * and plan, marks a step done, writes where they are now and a goal of their own, and sees who at the
 * centre has read their plan.
 *
 * Staff cannot make a participant's account through the accounts API yet, so the test puts the account
 * in the local user pool itself, as the accounts API would, linked to the participant.
 */
let runtime: Runtime;
let browser: Browser;

const centre = 'ovre-eiker';
const username = 'deltaker.plan-test';

async function pageAs(user: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, runtime, user);
  return page;
}

async function participantAccount(participant: string): Promise<void> {
  const doc = createDocumentClient({
    endpoint: runtime.database.endpoint,
    region: localRegion,
    credentials: localCredentials,
  });
  const created = await localUsersRepo(doc, table.defaultName).create({
    sub: crypto.randomUUID(),
    username,
    name: 'Deltaker Testesen',
    role: 'participant',
    centre,
    ...{ participant },
    passwordHash: await hashPassword(runtime.demoPassword),
    passwordTemporary: false,
    totpSecret: runtime.demoTotpSecret,
    enabled: true,
    createdAt: new Date().toISOString(),
  });
  expect(created).toBe('created');
}

describe.skipIf(skipBrowser)("the participant's own plan in Chromium", () => {
  beforeAll(async () => {
    browser = await launchChromium();
    runtime = await startTestRuntime();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await runtime?.stop();
  });

  test('the participant signs in at 360 px, marks a step done and writes their own view and goal', async () => {
    const leader = await pageAs('leder.ovre-eiker');
    const settingsPath = `/api/centres/${centre}/settings`;
    const { body: settings } = await apiFromPage<CentreSettings>(leader, 'GET', settingsPath);
    const turnedOn = await apiFromPage(leader, 'PUT', settingsPath, {
      todayKinds: settings.todayKinds,
      version: settings.version,
      participantSignIn: true,
    });
    expect(turnedOn.status).toBe(200);

    const staff = await pageAs('ansatt.ovre-eiker');
    const made = await apiFromPage<{ id: string }>(
      staff,
      'POST',
      `/api/centres/${centre}/participants`,
      { displayName: 'Deltaker Testesen', birthYear: 1995, startDate: '2024-01-15', referralSource: 'nav' },
      crypto.randomUUID(),
    );
    expect(made.status).toBe(201);
    const id = made.body.id;
    const planPath = `/api/centres/${centre}/participants/${id}/plan`;
    const written = await apiFromPage(staff, 'PUT', planPath, {
      version: 0,
      scale: { min: 1, max: 10 },
      positions: { participant: { housing: 3 }, staff: { housing: 4 } },
      goals: [],
      steps: [{ id: crypto.randomUUID(), domain: 'housing', what: 'Ringe boligkontoret', who: 'Deltakeren' }],
      partners: [],
      consent: {},
    });
    expect(written.status).toBe(200);
    await participantAccount(id);

    const page = await pageAs(username);
    // The participant's home is their own wheel and plan.
    await page.waitForURL(`${runtime.url}/senter/${centre}/deltakere/${id}/hjul`);
    await page.getByRole('img', { name: 'Arbeidshjulet for Deltaker Testesen' }).waitFor();
    const findings: AxeFinding[] = [...(await axeViolations(page, 'own plan (nb) @360'))];
    expect(await pageOverflowsSideways(page)).toBe(false);

    await page.getByRole('button', { name: 'Merk som gjort: Ringe boligkontoret' }).click();
    await page.getByRole('status').filter({ hasText: 'Tiltaket er oppdatert.' }).waitFor();
    const marked = await apiFromPage<PlanPage>(page, 'GET', planPath);
    expect(marked.body.plan?.steps[0]?.done).toBe(todayInOslo());

    await page.getByLabel('Bolig', { exact: true }).selectOption('6');
    await page.getByRole('button', { name: 'Legg til et mål' }).click();
    await page.locator('#plan-goals-0-domain').selectOption({ label: 'Bolig' });
    await page.locator('#plan-goals-0-text').fill('Jeg vil bo for meg selv');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Det du skrev, er lagret.' }).waitFor();
    const own = (await apiFromPage<PlanPage>(page, 'GET', planPath)).body.plan;
    expect(own?.positions).toEqual({ participant: { housing: 6 }, staff: { housing: 4 } });
    expect(own?.goals.map((g) => [g.domain, g.text])).toEqual([['housing', 'Jeg vil bo for meg selv']]);
    expect(own?.updatedByRole).toBe('participant');
    await screenshot(page, 'egen-plan-360');

    // Who at the centre has read the plan: the staff member who wrote it is in the participant's report.
    await page.getByRole('link', { name: 'Hvem på senteret har lest planen din' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hvem har lest journalen din' }).waitFor();
    const readers = page.locator('table tbody tr').filter({ hasText: 'ansatt.ovre-eiker (Ansatt)' });
    // The report comes in its own request after the heading.
    await page.locator('table').waitFor();
    await expect.poll(() => readers.count()).toBeGreaterThan(0);
    findings.push(...(await axeViolations(page, 'own access report (nb) @360')));
    await page.goBack();
    await page.getByRole('img', { name: 'Arbeidshjulet for Deltaker Testesen' }).waitFor();

    // Nothing of the staff's: no editor, no conversation form, no printout.
    expect(await page.getByRole('button', { name: 'Endre planen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lagre samtalen' }).count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('img', { name: 'The work wheel of Deltaker Testesen' }).waitFor();
    findings.push(...(await axeViolations(page, 'own plan (en) @360')));
    await page.setViewportSize({ width: 1280, height: 900 });
    findings.push(...(await axeViolations(page, 'own plan (en) @1280')));
    expect(findings).toEqual([]);
  }, 240_000);
});
