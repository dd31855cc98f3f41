import type { HeadOfficeYear, NetworkYear } from '@crux/domain/figure-set';
import type { VolunteerFollowUp } from '@crux/domain/registers/follow-up';
import type { Volunteer } from '@crux/domain/registers/volunteers';
import type { Runtime } from '@crux/local/runtime';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiFromPage, nbNumber, signIn, todayInOslo } from './support/app';
import { newContext, skipBrowser } from './support/browser';
import { eventually, pageOverflowsSideways, rowCells, shownTexts } from './support/pages';
import { chromiumAndRuntime } from './support/runtime';
import { screenshot } from './support/screenshots';

/**
 * The registers' pages in Chromium at 360 px, against the embedded runtime with its demo data: a
 * volunteer logs hours in two taps, the leader adds a position and a year's income, staff register the
 * shop's kilos and download the waste company's report, and nobody but the leader reaches the leader's
 * pages. Then Øvre Eiker's published register lines, as the head office and the network read them.
 */
const CENTRE = 'ovre-eiker';
const phone = { width: 360, height: 780 };
const noAccess = 'Fant ikke siden';

let runtime: Runtime;
let browser: Browser;

async function onPhone(username: string, path = '/'): Promise<Page> {
  const page = await (await newContext(browser, phone)).newPage();
  await signIn(page, runtime, username, path);
  return page;
}

const hoursIn = async (page: Page, testId: string) =>
  Number(((await page.getByTestId(testId).textContent()) ?? '').replace(/[^\d,]/g, '').replace(',', '.'));

describe.skipIf(skipBrowser)("the centre's registers in Chromium on a phone", () => {
  chromiumAndRuntime((started) => {
    ({ browser, runtime } = started);
  });

  test('a volunteer logs two hours in the shop in two taps and sees them in their month', async () => {
    const page = await onPhone('frivillig.ovre-eiker');
    await page.waitForURL(/\/senter\/ovre-eiker\/mine-timer$/);
    await page.getByTestId('month-hours').waitFor();
    const month = await hoursIn(page, 'month-hours');
    const year = await hoursIn(page, 'year-hours');
    expect(await page.getByLabel('Dato', { exact: true }).inputValue()).toBe(todayInOslo());

    await page.getByRole('radio', { name: 'Bruktbutikk og kafé' }).check();
    await page.getByRole('button', { name: '2 t: lagre 2 timer – Bruktbutikk og kafé' }).click();
    await eventually(() => page.getByRole('status').filter({ hasText: 'Lagret:' }).textContent()).toMatch(
      /2 timer – Bruktbutikk og kafé/,
    );
    await eventually(() => hoursIn(page, 'month-hours')).toBe(month + 2);
    expect(await hoursIn(page, 'year-hours')).toBe(year + 2);
    expect(await pageOverflowsSideways(page)).toBe(false);
    await screenshot(page, 'mine-timer-360');

    // The menu holds their own page only; a leader's or staff's URL is "no access".
    const menu = await page.getByRole('navigation').getByRole('link').allInnerTexts();
    expect(menu).toEqual(['Mine timer']);
    for (const path of ['okonomi', 'stillinger', 'deltakere', 'ombruk', 'i-dag', 'frivillige']) {
      await page.goto(`${runtime.url}/senter/${CENTRE}/${path}`);
      await page.getByRole('heading', { name: noAccess }).waitFor();
    }
  }, 120_000);

  test('the leader adds a 50 % position and the year’s income from a new grant', async () => {
    const page = await onPhone('leder.ovre-eiker', `/senter/${CENTRE}/stillinger`);
    const menu = await page.getByRole('navigation').getByRole('link').allInnerTexts();
    expect(menu).toEqual(expect.arrayContaining(['Stillinger', 'Økonomi']));
    await page.getByRole('heading', { name: 'Stillinger', level: 1 }).waitFor();
    const title = `Prosjektmedarbeider ${Date.now()}`;
    await page.getByLabel('Stillingstittel').fill(title);
    await page.getByLabel('Stillingsprosent').fill('50');
    await page.getByLabel('Fra', { exact: true }).fill(todayInOslo());
    await page.getByRole('button', { name: 'Legg til stilling' }).click();
    await page.getByRole('status').filter({ hasText: 'Stillingen er lagt til.' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(title) });
    await eventually(() => row.locator('td').first().textContent()).toBe('50 %');
    expect(await pageOverflowsSideways(page)).toBe(false);

    await page.getByRole('link', { name: 'Økonomi' }).click();
    await page.getByRole('heading', { name: 'Økonomi', level: 1 }).waitFor();
    const grant = page.getByLabel('Andre tilskudd');
    await grant.waitFor();
    const before = Number((await grant.inputValue()) || 0);
    const turnover = async () =>
      Number(((await page.getByTestId('turnover').textContent()) ?? '').replace(/\D/g, ''));
    const sum = await turnover();
    await grant.fill(String(before + 25_000));
    expect(await turnover()).toBe(sum + 25_000);
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('status').filter({ hasText: 'Inntektene er lagret.' }).waitFor();
    const year = todayInOslo().slice(0, 4);
    const stored = await apiFromPage<{ amounts: Record<string, number> }>(
      page,
      'GET',
      `/api/centres/${CENTRE}/economy/${year}`,
    );
    expect(stored.body.amounts.other_grants).toBe(before + 25_000);
    expect(await pageOverflowsSideways(page)).toBe(false);
    await screenshot(page, 'okonomi-360');
  }, 120_000);

  test("staff register the month's kilos, download the report, and reach no leader page", async () => {
    const page = await onPhone('ansatt.ovre-eiker', `/senter/${CENTRE}/ombruk`);
    const menu = await page.getByRole('navigation').getByRole('link').allInnerTexts();
    expect(menu).not.toContain('Stillinger');
    expect(menu).not.toContain('Økonomi');
    await page.getByRole('heading', { name: 'Ombruk i bruktbutikken' }).waitFor();
    const month = todayInOslo().slice(0, 7);
    await page.getByLabel('Kilo solgt').fill('2100');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('status').filter({ hasText: 'Lagret for' }).waitFor();
    await eventually(async () => {
      const cells = await shownTexts(page.getByRole('row'));
      return cells.some((row) => row.includes(nbNumber(2100)));
    }).toBe(true);
    expect(await pageOverflowsSideways(page)).toBe(false);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /\(CSV\)$/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`ombruk-${CENTRE}-${month.slice(0, 4)}.csv`);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString('utf8')).toContain(`${CENTRE};${month};2100\r\n`);

    for (const path of ['stillinger', 'okonomi']) {
      await page.goto(`${runtime.url}/senter/${CENTRE}/${path}`);
      await page.getByRole('heading', { name: noAccess }).waitFor();
      const refused = await apiFromPage(
        page,
        'GET',
        `/api/centres/${CENTRE}/${path === 'okonomi' ? 'economy/2024' : 'positions'}`,
      );
      expect(refused.status).toBe(403);
    }
  }, 120_000);

  test('staff keep the volunteer register: add, correct against a change made meanwhile, hours, follow-up', async () => {
    const page = await onPhone('ansatt.ovre-eiker');
    await page.getByRole('navigation').getByRole('link', { name: 'Frivillige' }).click();
    await page.getByRole('heading', { name: 'Frivillige', level: 1 }).waitFor();
    const name = `Frivillig ${Date.now()}`;
    const today = todayInOslo();
    const add = page.locator('form', { has: page.getByRole('heading', { name: 'Legg til frivillig' }) });
    await add.getByLabel('Navn').fill(name);
    await add.getByLabel('Kontakt').fill('900 00 000');
    await add.getByRole('checkbox', { name: 'Bruktbutikk og kafé' }).check();
    await add.getByRole('button', { name: 'Legg til frivillig' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${name} er lagt til.` })
      .waitFor();
    await page.getByRole('button', { name, exact: true }).click();
    const detail = page.locator('#volunteer-detail');

    // Hours for a volunteer with no account: logged by date and arena, then deleted again.
    await detail.getByText('Ingen konto knyttet.', { exact: false }).waitFor();
    await detail.getByLabel('Hvor', { exact: true }).selectOption({ label: 'Bruktbutikk og kafé' });
    await detail.getByLabel('Timer', { exact: true }).fill('1,5');
    await detail.getByRole('button', { name: 'Før timene' }).click();
    await page.getByRole('status').filter({ hasText: 'Ført: 1,5 timer' }).waitFor();
    await eventually(() => page.getByTestId('volunteer-year-hours').textContent()).toBe(
      'Sum i år: 1,5 timer',
    );
    expect(await pageOverflowsSideways(page)).toBe(false);
    await screenshot(page, 'frivillige-360');
    await detail.getByRole('button', { name: /^Slett: / }).click();
    await eventually(() => page.getByTestId('volunteer-year-hours').textContent()).toBe('Sum i år: 0 timer');

    // An account linked and unlinked.
    const account = `konto-${Date.now()}`;
    await detail.getByLabel('Kontoens id').fill(account);
    await detail.getByRole('button', { name: 'Knytt til konto' }).click();
    await detail.getByText(`Knyttet til kontoen ${account}.`, { exact: false }).waitFor();
    await detail.getByRole('button', { name: 'Fjern koblingen til kontoen' }).click();
    await detail.getByText('Ingen konto knyttet.', { exact: false }).waitFor();

    // Someone else changes the contact while this user ends the volunteer's time: neither is lost.
    const list = await apiFromPage<{ items: Volunteer[] }>(
      page,
      'GET',
      `/api/centres/${CENTRE}/volunteers?limit=100`,
    );
    const stored = list.body.items.find((v) => v.name === name);
    if (!stored) throw new Error('the new volunteer is not in the list');
    const {
      id,
      version,
      createdAt,
      updatedAt,
      updatedBy,
      account: _,
      linkedAt,
      linkedBy,
      ...fields
    } = stored;
    const path = `/api/centres/${CENTRE}/volunteers/${id}`;
    const meanwhile = await apiFromPage(page, 'PUT', path, { ...fields, contact: '911 11 111', version });
    expect(meanwhile.status).toBe(200);
    const edit = page.locator('form', { has: page.getByRole('heading', { name: `Endre ${name}` }) });
    await edit.getByLabel('Til', { exact: true }).fill(today);
    await edit.getByRole('button', { name: 'Lagre' }).click();
    await page.locator('form.conflict').waitFor();
    expect(await page.getByRole('radio', { name: 'Bruk lagret: 911 11 111' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Lagre valgene mine' }).click();
    await page.getByRole('status').filter({ hasText: 'Endringene er lagret.' }).waitFor();
    const after = await apiFromPage<{ items: Volunteer[] }>(
      page,
      'GET',
      `/api/centres/${CENTRE}/volunteers?limit=100`,
    );
    expect(after.body.items.find((v) => v.id === id)).toMatchObject({
      contact: '911 11 111',
      endDate: today,
    });

    // The year's follow-up: a well-being talk planned, and who came to the first gathering.
    const followUp = page.locator('form', { has: page.getByRole('heading', { name: /^Oppfølging i / }) });
    await followUp.getByRole('group', { name, exact: true }).getByLabel('Planlagt').fill(today);
    const first = followUp.getByRole('group', { name: 'Samling 1' });
    await first.getByLabel('Dato', { exact: true }).fill(today);
    await first.getByRole('checkbox', { name, exact: true }).check();
    await followUp.getByRole('button', { name: 'Lagre oppfølgingen' }).click();
    await page.getByRole('status').filter({ hasText: 'Oppfølgingen er lagret.' }).waitFor();
    const year = today.slice(0, 4);
    const doc = await apiFromPage<VolunteerFollowUp>(
      page,
      'GET',
      `/api/centres/${CENTRE}/volunteer-follow-up/${year}`,
    );
    expect(doc.body.talks).toContainEqual({ volunteerId: id, plannedDate: today });
    expect(doc.body.gatherings[0]).toMatchObject({ date: today, attendees: [id] });
    expect(await pageOverflowsSideways(page)).toBe(false);
  }, 180_000);

  test("after the job, the head office and the network read Øvre Eiker's published register lines", async () => {
    await runtime.runFiguresJob();
    const hq = await onPhone('hovedkontor');
    const office = await apiFromPage<HeadOfficeYear>(hq, 'GET', '/api/headoffice/figures/2024');
    const row = office.body.centres.find((c) => c.centre === CENTRE);
    expect(row?.figures).toMatchObject({
      volunteers: 23,
      'volunteers.new': 6,
      'volunteers.hours': 3401,
      'staff.positions': 5,
      'staff.substitutes': 1,
      turnover: 4_375_000,
      'income.helsedirektoratet': 1_050_000,
      'income.kriminalomsorgsdirektoratet': 50_000,
      'income.municipal_operating': 865_000,
      'income.municipal_project': 350_000,
      'income.other_grants': 177_000,
      'income.sales': 1_448_000,
      'income.gifts': 112_000,
      'income.other_income': 323_000,
    });
    expect(row?.previous).toMatchObject({ volunteers: 17, 'volunteers.new': 4, 'volunteers.hours': 2090 });
    // The FTE lines are derived from those figures where they are shown: the head office's table.
    await hq.goto(`${runtime.url}/hovedkontor?ar=2024`);
    await hq.getByRole('table').first().waitFor();
    const heads = async (caption: RegExp) =>
      (
        await shownTexts(
          hq
            .locator('table')
            .filter({ has: hq.locator('caption', { hasText: caption }) })
            .locator('thead th'),
        )
      ).slice(1);
    const ovreEiker = async (caption: RegExp, line: string) =>
      (await rowCells(hq, caption, line))[(await heads(caption)).indexOf('CRUX Øvre Eiker')];
    await eventually(() => ovreEiker(/^Frivillige$/, 'Årsverk frivillige')).toBe('1,94 (1,19)');
    expect(await ovreEiker(/^Ansatte$/, 'Antall ansatte (stillinger)')).toBe('5 + 1 vikar (5 + 1 vikar)');
    expect(await ovreEiker(/^Ansatte$/, 'Årsverk ansatte')).toBe('4 (4)');
    const network = await onPhone('erfaringsnettverket');
    const shared = await apiFromPage<NetworkYear>(network, 'GET', '/api/network/figures/2024');
    // The network sees each register line either as the head office does or hidden, with a reason:
    // which cells the disclosure control hides is its choice (issue 10), never a different number.
    const seen = shared.body.centres.find((c) => c.centre === CENTRE)?.figures ?? {};
    for (const id of ['volunteers', 'volunteers.hours', 'turnover']) {
      const cell = seen[id];
      if (typeof cell === 'number') expect(cell, id).toBe(row?.figures[id]);
      else expect(cell, id).toMatchObject({ suppressed: expect.any(String) });
    }
  });
});
