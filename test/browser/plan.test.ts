import type { PlanPage } from '@crux/domain/wheel/schema';
import type { Runtime } from '@crux/local/runtime';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiFromPage, signIn } from './support/app';
import { type AxeFinding, axeViolations } from './support/axe';
import { newContext, skipBrowser } from './support/browser';
import { pageOverflowsSideways } from './support/pages';
import { chromiumAndRuntime } from './support/runtime';
import { screenshot } from './support/screenshots';

/**
 * The plan of Arbeidshjulet in Chromium at 360 px: staff write goals, steps, partners and consent in the
 * plan's editor; a change saved by someone else meanwhile is offered side by side, not overwritten; and
 * the plan for NAV prints as one A4 page holding only the domains the participant agreed to share.
 */
let runtime: Runtime;
let browser: Browser;

const centre = 'ovre-eiker';
const scale = { min: 1, max: 10 };

async function staffPage(): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, runtime, 'ansatt.ovre-eiker');
  return page;
}

/** A participant with one conversation on every domain, so the wheel has a shape. */
async function participantWithConversation(page: Page, name: string): Promise<string> {
  const made = await apiFromPage<{ id: string }>(
    page,
    'POST',
    `/api/centres/${centre}/participants`,
    { displayName: name, birthYear: 1988, startDate: '2024-01-15', referralSource: 'nav' },
    crypto.randomUUID(),
  );
  expect(made.status).toBe(201);
  const positions = { housing: 3, work_activity: 4, network_family: 6, economy: 2, health: 5 };
  const conversation = await apiFromPage(
    page,
    'POST',
    `/api/centres/${centre}/participants/${made.body.id}/conversations`,
    {
      date: '2024-02-01',
      planVersion: 0,
      attendees: [name, 'Kari (CRUX)'],
      scale,
      positions: { participant: positions, staff: positions },
    },
    crypto.randomUUID(),
  );
  expect(conversation.status).toBe(201);
  return made.body.id;
}

const planOf = async (page: Page, id: string) =>
  (await apiFromPage<PlanPage>(page, 'GET', `/api/centres/${centre}/participants/${id}/plan`)).body.plan;

describe.skipIf(skipBrowser)('the plan of Arbeidshjulet in Chromium', () => {
  chromiumAndRuntime((started) => {
    ({ browser, runtime } = started);
  });

  test('staff write the plan at 360 px; a change saved meanwhile is chosen, not overwritten; it prints for NAV on one page', async () => {
    const page = await staffPage();
    const id = await participantWithConversation(page, 'Plan Testesen');
    await page.goto(`${runtime.url}/senter/${centre}/deltakere/${id}/hjul`);
    await page.getByRole('button', { name: 'Endre planen' }).click();

    // An empty goal is refused at its fields before any request.
    await page.getByRole('button', { name: 'Legg til et mål' }).click();
    await page.getByRole('button', { name: 'Lagre planen' }).click();
    await page.locator('.ds-error-summary').waitFor();
    expect(await page.locator('#plan-goals-0-text').getAttribute('aria-invalid')).toBe('true');
    const findings: AxeFinding[] = [...(await axeViolations(page, 'plan editor errors (nb) @360'))];

    await page.locator('#plan-goals-0-domain').selectOption({ label: 'Bolig' });
    await page.locator('#plan-goals-0-text').fill('Ha min egen leilighet før sommeren');
    await page.getByRole('button', { name: 'Legg til et mål' }).click();
    await page.locator('#plan-goals-1-domain').selectOption({ label: 'Helse' });
    await page.locator('#plan-goals-1-text').fill('Komme i gang med behandling');
    await page.getByRole('button', { name: 'Legg til et tiltak' }).click();
    await page.locator('#plan-steps-0-domain').selectOption({ label: 'Bolig' });
    await page.locator('#plan-steps-0-what').fill('Søke kommunal bolig');
    await page.locator('#plan-steps-0-who').fill('NAV-veilederen');
    await page.locator('#plan-steps-0-due').fill('2026-12-20');
    await page.getByRole('button', { name: 'Legg til et tiltak' }).click();
    await page.locator('#plan-steps-1-domain').selectOption({ label: 'Helse' });
    await page.locator('#plan-steps-1-what').fill('Time hos fastlegen');
    await page.locator('#plan-steps-1-who').fill('Deltakeren');
    await page.getByRole('button', { name: 'Legg til en samarbeidspartner' }).click();
    await page.locator('#plan-partners-0-type').selectOption({ label: 'NAV' });
    await page.locator('#plan-partners-0-organisation').fill('NAV Øvre Eiker');
    await page.locator('#plan-partners-0-contact').fill('Ola Veileder');
    await page.getByRole('checkbox', { name: 'Bolig', exact: true }).check();
    await page.getByLabel('Deltakeren samtykker til å dele Bolig').check();
    await page.getByLabel('Deltakeren samtykker til å dele Økonomi').check();
    await page.getByLabel('Dato for samtykket – Bolig').fill('2024-03-01');
    findings.push(...(await axeViolations(page, 'plan editor (nb) @360')));
    expect(await pageOverflowsSideways(page)).toBe(false);
    await page.getByRole('button', { name: 'Lagre planen' }).click();
    await page.getByRole('status').filter({ hasText: 'Planen er lagret.' }).waitFor();

    const saved = await planOf(page, id);
    expect(saved?.goals.map((g) => [g.domain, g.text])).toEqual([
      ['housing', 'Ha min egen leilighet før sommeren'],
      ['health', 'Komme i gang med behandling'],
    ]);
    expect(saved?.steps.map((s) => [s.what, s.who, s.due ?? null])).toEqual([
      ['Søke kommunal bolig', 'NAV-veilederen', '2026-12-20'],
      ['Time hos fastlegen', 'Deltakeren', null],
    ]);
    expect(saved?.partners.map((p) => [p.type, p.organisation, p.contact, p.domains])).toEqual([
      ['nav', 'NAV Øvre Eiker', 'Ola Veileder', ['housing']],
    ]);
    expect(Object.keys(saved?.consent ?? {}).sort()).toEqual(['economy', 'housing']);
    expect(saved?.consent.housing).toBe('2024-03-01');
    // The editor never touches the positions the conversation recorded.
    expect(saved?.positions.participant.housing).toBe(3);

    // Someone else changes a goal while this user sets the next conversation.
    await page.getByRole('button', { name: 'Endre planen' }).click();
    await page.locator('#plan-nextConversation').fill('2026-12-30');
    if (!saved) throw new Error('no plan saved');
    const { participantId, updatedAt, updatedByRole, ...update } = saved;
    const theirs = await apiFromPage(page, 'PUT', `/api/centres/${centre}/participants/${id}/plan`, {
      ...update,
      goals: [{ ...saved.goals[0], text: 'Egen leilighet innen august' }, saved.goals[1]],
    });
    expect(theirs.status).toBe(200);
    await page.getByRole('button', { name: 'Lagre planen' }).click();
    const conflict = page.locator('form.conflict');
    await conflict.getByRole('heading', { name: 'Noen andre har endret planen' }).waitFor();
    // Only their goals and my next conversation differ; each side's own change is chosen already.
    expect(await conflict.locator('legend').allInnerTexts()).toEqual(['Mål', 'Neste samtale']);
    expect(await conflict.getByLabel(/^Bruk lagret: Egen leilighet innen august/).isChecked()).toBe(true);
    expect(await conflict.getByLabel(/^Behold min: 30\./).isChecked()).toBe(true);
    findings.push(...(await axeViolations(page, 'plan conflict (nb) @360')));
    await conflict.getByRole('button', { name: 'Lagre valgene mine' }).click();
    await page.getByRole('status').filter({ hasText: 'Planen er lagret.' }).waitFor();
    const merged = await planOf(page, id);
    expect(merged?.goals[0]?.text).toBe('Egen leilighet innen august');
    expect(merged?.nextConversation).toBe('2026-12-30');
    expect(merged?.version).toBe(saved.version + 2);

    // The plan for NAV: one A4 page, only the shared domains.
    await page.getByRole('link', { name: 'Plan til samarbeidspartnere (for utskrift)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan for Plan Testesen' }).waitFor();
    findings.push(...(await axeViolations(page, 'partner plan (nb) @360')));
    expect(await pageOverflowsSideways(page)).toBe(false);
    await screenshot(page, 'samarbeidsplan-360');
    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('main').innerText();
    for (const shown of [
      'Bolig',
      'Økonomi',
      'Egen leilighet innen august',
      'Søke kommunal bolig',
      'NAV Øvre Eiker',
    ])
      expect(printed).toContain(shown);
    for (const hidden of ['Helse', 'Arbeid/aktivitet', 'Nettverk/familie', 'behandling', 'fastlegen'])
      expect(printed).not.toContain(hidden);
    expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Chromium writes one page object per page, `/Type /Page`; the tree's root is `/Type /Pages`.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
    expect(findings).toEqual([]);
  }, 240_000);
});
