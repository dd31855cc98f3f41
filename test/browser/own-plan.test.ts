import type { CentreSettings } from '@crux/domain/centre-settings';
import type { PlanPage } from '@crux/domain/wheel/schema';
import { signInWithPassword } from '@crux/local/idp/sign-in-flow';
import type { Runtime } from '@crux/local/runtime';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiFromPage, enterTotpCode, signIn, todayInOslo } from './support/app';
import { type AxeFinding, axeViolations } from './support/axe';
import { newContext, skipBrowser } from './support/browser';
import { pageOverflowsSideways } from './support/pages';
import { chromiumAndRuntime } from './support/runtime';
import { screenshot } from './support/screenshots';

/**
 * The participant's own view of Arbeidshjulet (*brukermedvirkning*) in Chromium at 360 px: once the
 * leader has turned participant sign-in on, the participant signs in on a phone, lands on their wheel
 * and plan, marks a step done, writes where they are now and a goal of their own, and sees who at the
 * centre has read their plan.
 * Staff give the participant their account from the participant's page (issue 12).
 */
let runtime: Runtime;
let browser: Browser;

const centre = 'ovre-eiker';
const username = 'deltaker.plan-test@eksempel.no';

async function pageAs(user: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, runtime, user);
  return page;
}

/**
 * Staff give the participant access from the participant's page, as staff do: the form's e-mail, the
 * button, and the answer saying what the participant needs to sign in. The participant's first sign-in
 * (the invitation's password, a new one, their authenticator) is then made over HTTP, as the accounts
 * e2e test does it, so the browser signs in as they do every day after.
 */
async function giveOwnAccess(
  staff: Page,
  participant: string,
): Promise<{ password: string; totpSecret: string }> {
  await staff.goto(`${runtime.url}/senter/${centre}/deltakere/${participant}`);
  await staff.getByLabel('Deltakerens e-post').fill(username);
  await staff.getByRole('button', { name: 'Gi tilgang til egen plan' }).click();
  await staff
    .getByRole('status')
    .filter({ hasText: `Invitasjonen er sendt til ${username}` })
    .waitFor();
  await staff.getByRole('status').filter({ hasText: 'midlertidige passordet' }).waitFor();
  // The page reads the account back: its status and the button that closes the access.
  await staff.getByText(`Deltakeren har en konto med brukernavnet ${username}. Status: Invitert.`).waitFor();
  await staff.getByRole('button', { name: 'Steng tilgangen' }).waitFor();
  expect(await axeViolations(staff, 'participant page, own access given (nb) @360')).toEqual([]);
  expect(await pageOverflowsSideways(staff)).toBe(false);
  const invitation = runtime.outbox.findLast((i) => i.to === username);
  if (!invitation) throw new Error(`no invitation to ${username}`);
  const password = `Nytt-${crypto.randomUUID()}`;
  const client = { baseUrl: runtime.url, clientId: runtime.clientId, redirectUri: runtime.redirectUri };
  const first = await signInWithPassword(client, username, {
    password: invitation.temporaryPassword,
    newPassword: password,
  });
  if (!first.totpSecret) throw new Error('the first sign-in set up no authenticator');
  return { password, totpSecret: first.totpSecret };
}

describe.skipIf(skipBrowser)("the participant's own plan in Chromium", () => {
  chromiumAndRuntime((started) => {
    ({ browser, runtime } = started);
  });

  test('the participant signs in at 360 px, marks a step done and writes their own view and goal', async () => {
    const staff = await pageAs('ansatt.ovre-eiker');
    // The demo data turned participant sign-in on at Øvre Eiker, as its leader would in the settings.
    const settings = await apiFromPage<CentreSettings>(staff, 'GET', `/api/centres/${centre}/settings`);
    expect(settings.body.participantSignIn).toBe(true);
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
    const credentials = await giveOwnAccess(staff, id);

    const page = await (await newContext(browser)).newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(runtime.url);
    await page.getByRole('button', { name: /^(Logg inn|Sign in)$/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/idp/'));
    await page.getByLabel(/^(Brukernavn|Username)$/).fill(username);
    await page.getByLabel(/^(Passord|Password)$/).fill(credentials.password);
    await page.getByRole('button', { name: /^(Logg inn|Sign in)$/ }).click();
    await enterTotpCode(page, runtime.url, username, credentials.totpSecret);
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
