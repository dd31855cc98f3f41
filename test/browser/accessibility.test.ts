import type { Participant } from '@crux/domain/participant';
import type { Plan, PlanPage } from '@crux/domain/wheel/schema';
import type { Runtime } from '@crux/local/runtime';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiFromPage, completeProviderSignIn } from './support/app';
import { type AxeFinding, axeViolations } from './support/axe';
import { newContext, skipBrowser } from './support/browser';
import { pageOverflowsSideways } from './support/pages';
import { chromiumAndRuntime } from './support/runtime';
import { screenshot } from './support/screenshots';

/**
 * Every page of the web client, in bokmål and in English, at desktop width and at 360 px: axe finds
 * no WCAG 2.1 A/AA violation, and the page itself never scrolls sideways. Pages are reached the way
 * a user reaches them (menus, buttons, a failed save for the error states).
 */
type Language = 'nb' | 'en';
type Visit = { name: string; reach: (page: Page) => Promise<void> };

const words = {
  nb: {
    signIn: 'Logg inn',
    save: 'Lagre',
    edit: 'Endre opplysninger',
    add: 'Legg til deltaker',
    more: 'Flere aktiviteter',
    correct: 'Rett – Antall besøk',
    addVisit: 'Legg til én – Antall besøk',
    months: 'Månedstall: Aktivitetstall Oppfølgingssenteret',
    addMeasure: 'Legg til tiltak',
    statement: 'Tilgjengelighetserklæring',
    addKind: 'Legg til',
    addVolunteer: 'Legg til frivillig',
    openRound: 'Åpne runden',
    makeCodes: 'Lag koder',
    saveDraft: 'Lagre utkastet',
    editPlan: 'Endre planen',
    addGoal: 'Legg til et mål',
    savePlan: 'Lagre planen',
  },
  en: {
    signIn: 'Sign in',
    save: 'Save',
    edit: 'Edit details',
    add: 'Add participant',
    more: 'More activities',
    correct: 'Correct – Visits',
    addVisit: 'Add one – Visits',
    months: 'Monthly figures: Follow-up centre activity',
    addMeasure: 'Add measure',
    statement: 'Accessibility statement',
    addKind: 'Add',
    addVolunteer: 'Add a volunteer',
    openRound: 'Open the round',
    makeCodes: 'Make codes',
    saveDraft: 'Save the draft',
    editPlan: 'Edit the plan',
    addGoal: 'Add a goal',
    savePlan: 'Save the plan',
  },
} as const;

let runtime: Runtime;
let browser: Browser;
/** What one test found: axe violations, and pages that scrolled sideways at 360 px. */
type Report = { findings: AxeFinding[]; overflowing: string[] };
const newReport = (): Report => ({ findings: [], overflowing: [] });

async function check(report: Report, page: Page, label: string, shot?: string): Promise<void> {
  const { findings, overflowing } = report;
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await expect.poll(() => page.locator('.progress').count(), { timeout: 30_000 }).toBe(0);
  findings.push(...(await axeViolations(page, `${label} @1280`)));
  if (shot) await screenshot(page, shot);
  await page.setViewportSize({ width: 360, height: 740 });
  findings.push(...(await axeViolations(page, `${label} @360`)));
  if (await pageOverflowsSideways(page)) overflowing.push(label);
  if (shot) await screenshot(page, `${shot}-360`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A fresh browser profile per user (the provider's session cookie is per profile), in the chosen language. */
async function openAs(language: Language, username: string | null): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await page.goto(runtime.url);
  if (language === 'en') await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: words[language].signIn }).waitFor();
  if (username) {
    await page.getByRole('button', { name: words[language].signIn }).click();
    await completeProviderSignIn(page, runtime, username);
  }
  return page;
}

async function visitAll(report: Report, page: Page, language: Language, visits: Visit[]): Promise<void> {
  for (const visit of visits) {
    await visit.reach(page);
    await check(report, page, `${visit.name} (${language})`, language === 'nb' ? visit.name : undefined);
  }
}

/** A stored plan as the body of `PUT …/plan` writes it (what the API adds to it left out). */
function planValuesOnly(plan: Plan) {
  const { participantId, updatedAt, updatedByRole, ...update } = plan;
  return update;
}

function staffVisits(language: Language): Visit[] {
  const w = words[language];
  return [
    { name: 'i-dag', reach: async (p) => void (await p.waitForURL(/\/i-dag$/)) },
    {
      name: 'i-dag-feil',
      reach: async (p) => {
        await p.getByRole('button', { name: w.save }).click();
        await p.locator('.ds-error-summary').waitFor();
      },
    },
    {
      name: 'deltakere',
      reach: async (p) => void (await p.goto(`${runtime.url}/senter/ovre-eiker/deltakere`)),
    },
    {
      name: 'ny-deltaker-feil',
      reach: async (p) => {
        await p.getByRole('link', { name: w.add }).click();
        await p.getByRole('button', { name: w.save }).click();
        await p.locator('.ds-error-summary').waitFor();
      },
    },
    {
      name: 'deltaker-endre',
      reach: async (p) => {
        const list = await apiFromPage<{ items: Participant[] }>(
          p,
          'GET',
          '/api/centres/ovre-eiker/participants',
        );
        const open = list.body.items.find((item) => !item.endDate);
        if (!open) throw new Error('the demo data has no open participation');
        await p.goto(`${runtime.url}/senter/ovre-eiker/deltakere/${open.id}`);
        await p.getByRole('button', { name: w.edit }).click();
      },
    },
    {
      name: 'deltaker-konflikt',
      reach: async (p) => {
        const id = p.url().split('/').pop() ?? '';
        const path = `/api/centres/ovre-eiker/participants/${id}`;
        const { body: current } = await apiFromPage<Participant>(p, 'GET', path);
        const {
          id: _,
          version,
          createdAt,
          updatedAt,
          endDate,
          outcome,
          measures,
          orders,
          ...fields
        } = current;
        await apiFromPage(p, 'PUT', path, { ...fields, birthYear: current.birthYear - 1, version });
        await p.locator('input[name="edit-participant-birthYear"]').fill(String(current.birthYear + 1));
        await p.getByRole('button', { name: w.save }).click();
        await p.locator('form.conflict').waitFor();
      },
    },
    {
      name: 'deltaker-tiltak-feil',
      reach: async (p) => {
        await p.getByRole('button', { name: w.addMeasure }).click();
        await p.locator('.ds-error-summary').first().waitFor();
      },
    },
    {
      // The participant's wheel and plan, the plan's editor open with an empty goal refused.
      name: 'hjul-plan-feil',
      reach: async (p) => {
        await p.goto(`${p.url()}/hjul`);
        await p.getByRole('button', { name: w.editPlan }).click();
        await p.getByRole('button', { name: w.addGoal }).click();
        await p.getByRole('button', { name: w.savePlan }).click();
        await p.locator('.ds-error-summary').waitFor();
      },
    },
    {
      // The plan for partners, with two domains shared so it shows the wheel, its table and the lists.
      name: 'samarbeidsplan',
      reach: async (p) => {
        const participant = p.url().split('/').at(-2) ?? '';
        const path = `/api/centres/ovre-eiker/participants/${participant}/plan`;
        const { body } = await apiFromPage<PlanPage>(p, 'GET', path);
        const shown = body.plan;
        const consent = { housing: '2024-03-01', economy: '2024-03-01' };
        const update = shown
          ? { ...planValuesOnly(shown), consent }
          : {
              version: 0,
              scale: { min: 1, max: 10 },
              positions: { participant: { housing: 4, economy: 3, health: 6 }, staff: {} },
              goals: [],
              steps: [],
              partners: [],
              consent,
            };
        expect((await apiFromPage(p, 'PUT', path, update)).status).toBe(200);
        await p.goto(`${runtime.url}/senter/ovre-eiker/deltakere/${participant}/samarbeidsplan`);
        await p.getByRole('table').first().waitFor();
      },
    },
    {
      name: 'i-dag-flere-og-retting',
      reach: async (p) => {
        await p.goto(`${runtime.url}/senter/ovre-eiker/i-dag`);
        await p.locator('summary', { hasText: w.more }).click();
        // A visit of its own to correct, whatever the demo data holds for today.
        await p.getByRole('button', { name: w.addVisit }).click();
        await p.getByRole('button', { name: w.save, exact: true }).click();
        await p.getByRole('button', { name: w.correct }).first().click();
      },
    },
    {
      name: 'fakta-og-tall',
      reach: async (p) => {
        await p.goto(`${runtime.url}/senter/ovre-eiker/tall?ar=2024`);
        await p.locator('summary', { hasText: w.months }).click();
      },
    },
    {
      // The volunteer register with the first volunteer open: the record, the account, the hours.
      name: 'frivillige',
      reach: async (p) => {
        await p.goto(`${runtime.url}/senter/ovre-eiker/frivillige`);
        await p.locator('tbody th button').first().click();
        await p.locator('#volunteer-detail-title').waitFor();
      },
    },
    {
      name: 'frivillige-feil',
      reach: async (p) => {
        await p.getByRole('button', { name: w.addVolunteer, exact: true }).click();
        await p.locator('.ds-error-summary').waitFor();
      },
    },
    { name: 'ikke-funnet', reach: async (p) => void (await p.goto(`${runtime.url}/senter/tromso/i-dag`)) },
  ];
}

describe.skipIf(skipBrowser)('accessibility of every page, in both languages', () => {
  chromiumAndRuntime((started) => {
    ({ browser, runtime } = started);
  });

  for (const language of ['nb', 'en'] as const) {
    test(`${language}: sign-in and failed sign-in pages`, async () => {
      const report = newReport();
      const page = await openAs(language, null);
      await check(report, page, `logg-inn (${language})`, language === 'nb' ? 'logg-inn' : undefined);
      // The accessibility statement is linked from every page's footer, signed in or not.
      await page.getByRole('link', { name: words[language].statement }).click();
      await check(
        report,
        page,
        `tilgjengelighet (${language})`,
        language === 'nb' ? 'tilgjengelighet' : undefined,
      );
      await page.goto(`${runtime.url}/auth/callback?code=stale&state=forged`);
      await check(report, page, `innlogging-feilet (${language})`);
      expect(report).toEqual(newReport());
    }, 120_000);

    test(`${language}: centre staff pages`, async () => {
      const report = newReport();
      await visitAll(report, await openAs(language, 'ansatt.ovre-eiker'), language, staffVisits(language));
      expect(report).toEqual(newReport());
    }, 300_000);

    test(`${language}: head office, experience network, and a role without pages`, async () => {
      const report = newReport();
      await visitAll(report, await openAs(language, 'hovedkontor'), language, [
        { name: 'hovedkontor', reach: async (p) => void (await p.getByRole('table').first().waitFor()) },
      ]);
      await visitAll(report, await openAs(language, 'erfaringsnettverket'), language, [
        {
          name: 'erfaringsnettverket',
          reach: async (p) => void (await p.getByRole('table').first().waitFor()),
        },
      ]);
      await visitAll(report, await openAs(language, 'frivillig.tromso'), language, [
        {
          name: 'velkommen',
          reach: async (p) => void (await p.getByRole('heading', { level: 1 }).waitFor()),
        },
      ]);
      expect(report).toEqual(newReport());
    }, 180_000);

    test(`${language}: the survey's pages: the leader's rounds and slips, the questionnaire`, async () => {
      const report = newReport();
      const w = words[language];
      await visitAll(report, await openAs(language, 'leder.ovre-eiker'), language, [
        {
          // The demo's closed 2024 round, with its results (the first test opens this year's).
          name: 'undersokelse',
          reach: async (p) => {
            await p.goto(`${runtime.url}/senter/ovre-eiker/undersokelse`);
            await p.locator('table').first().waitFor();
          },
        },
        {
          name: 'undersokelse-lapper',
          reach: async (p) => {
            const open = p.getByRole('button', { name: w.openRound });
            if (await open.isVisible()) await open.click();
            await p.getByRole('button', { name: w.makeCodes }).click();
            await p.locator('.slip').first().waitFor();
          },
        },
      ]);
      await visitAll(report, await openAs(language, 'hovedkontor'), language, [
        {
          name: 'sporreskjema-feil',
          reach: async (p) => {
            await p.goto(`${runtime.url}/hovedkontor/sporreskjema`);
            await p.locator('#q-0-text-nb').fill('');
            await p.getByRole('button', { name: w.saveDraft }).click();
            await p.locator('.ds-error-summary').waitFor();
          },
        },
      ]);
      await visitAll(report, await openAs(language, 'erfaringsnettverket'), language, [
        {
          name: 'sporreskjema-nettverk',
          reach: async (p) => {
            await p.goto(`${runtime.url}/erfaringsnettverket/sporreskjema`);
            await p.locator('form').waitFor();
          },
        },
      ]);
      expect(report).toEqual(newReport());
      // Three sign-ins and four pages, each checked four times: on a shared machine this takes minutes.
    }, 480_000);

    test(`${language}: the admin's catalogue and the leader's settings`, async () => {
      const report = newReport();
      const w = words[language];
      await visitAll(report, await openAs(language, 'admin'), language, [
        {
          // The admin lands on the onboarding page; the catalogue is the next entry of its menu.
          name: 'katalog',
          reach: async (p) => {
            await p.goto(`${runtime.url}/admin/katalog`);
            await p.getByRole('table').first().waitFor();
          },
        },
        {
          name: 'katalog-feil',
          reach: async (p) => {
            await p.getByRole('button', { name: w.addKind, exact: true }).click();
            await p.locator('.ds-error-summary').waitFor();
          },
        },
      ]);
      await visitAll(report, await openAs(language, 'leder.ovre-eiker'), language, [
        {
          name: 'innstillinger',
          reach: async (p) => void (await p.goto(`${runtime.url}/senter/ovre-eiker/innstillinger`)),
        },
      ]);
      expect(report).toEqual(newReport());
    }, 180_000);
  }
});
