import {
  figureOf,
  type HeadOfficeYear,
  headlineFigures,
  type NetworkCell,
  type NetworkYear,
} from '@crux/domain/figure-set';
import type { Participant } from '@crux/domain/participant';
import type { Runtime } from '@crux/local/runtime';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiFromPage, monthTotalFromApi, nbNumber, setStepper, signIn, todayInOslo } from './support/app';
import { newContext, skipBrowser } from './support/browser';
import { eventually, isFocused, leadingNumber, shownTexts, tabTo, todayFigures } from './support/pages';
import { chromiumAndRuntime } from './support/runtime';
import { screenshot } from './support/screenshots';

/**
 * The web client's journeys in Debian's Chromium against the embedded runtime: the real build, the real
 * identity provider, the API handlers on DynamoDB Local, and the figures job. Tests run in order and
 * share one runtime; each one measures before and after instead of assuming the demo data's numbers.
 */
const year = Number(todayInOslo().slice(0, 4));
const OVRE_EIKER = 'CRUX Øvre Eiker';

let runtime: Runtime;
let browser: Browser;

async function signedIn(username: string, path = '/'): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, runtime, username, path);
  return page;
}

/** The Øvre Eiker row of the head-office year table: [participants, new, visits, contact points]. */
async function headOfficeRow(page: Page, centreName: string): Promise<string[]> {
  const row = page.locator('table', { has: page.locator('caption') }).locator('tr', {
    has: page.getByRole('rowheader', { name: centreName, exact: true }),
  });
  await row.waitFor();
  return shownTexts(row.locator('td'));
}

describe.skipIf(skipBrowser)('the web client in Chromium, against the embedded runtime', () => {
  chromiumAndRuntime((started) => {
    ({ browser, runtime } = started);
  });

  test('a staff user registers visits; after the figures job the head office sees them', async () => {
    const hq = await signedIn('hovedkontor');
    await hq.waitForURL(/\/hovedkontor$/);
    const before = leadingNumber((await headOfficeRow(hq, OVRE_EIKER))[2] ?? '');

    const staff = await signedIn('ansatt.ovre-eiker');
    await staff.waitForURL(/\/senter\/ovre-eiker\/i-dag$/);
    const figuresBefore = await todayFigures(staff, 'Antall besøk');
    await staff.getByRole('button', { name: 'Legg til én – Antall besøk' }).click();
    await staff.getByRole('button', { name: 'Legg til én – Antall besøk' }).click();
    await staff.getByRole('button', { name: 'Legg til én – Antall besøk' }).click();
    await staff.getByRole('button', { name: 'Legg til én – Antall kontaktpunkt (telefon + SMS)' }).click();
    await staff.getByRole('button', { name: 'Lagre' }).click();
    await expect
      .poll(() => staff.getByRole('status').filter({ hasText: 'Lagret for' }).textContent())
      .toMatch(/Antall besøk 3, Antall kontaktpunkt \(telefon \+ SMS\) 1/);
    // The day's column counts the save at once; the month's is the figures job's count, until it runs.
    await expect
      .poll(() => todayFigures(staff, 'Antall besøk'))
      .toEqual({
        day: figuresBefore.day + 3,
        month: figuresBefore.month,
      });
    expect(await staff.getByLabel('Antall besøk', { exact: true }).inputValue()).toBe('0');
    await screenshot(staff, 'i-dag-after-save');

    await runtime.runFiguresJob();
    await staff.reload();
    await expect
      .poll(() => todayFigures(staff, 'Antall besøk'))
      .toEqual({
        day: figuresBefore.day + 3,
        month: figuresBefore.month + 3,
      });
    await hq.reload();
    const after = await headOfficeRow(hq, OVRE_EIKER);
    expect(leadingNumber(after[2] ?? '')).toBe(before + 3);
    await screenshot(hq, 'hovedkontor');
  }, 120_000);

  test('the head office table writes the previous year in parentheses, and nothing where it is empty', async () => {
    const hq = await signedIn('hovedkontor');
    let sawEmptyPrevious = false;
    let sawPrevious = false;
    // Back from this year until a year whose previous year is empty (the demo data's first).
    for (let shown = year; shown >= year - 5 && !(sawPrevious && sawEmptyPrevious); shown--) {
      await hq.getByLabel('År', { exact: true }).first().selectOption(String(shown));
      await hq.waitForURL(new RegExp(`ar=${shown}`));
      const { body } = await apiFromPage<HeadOfficeYear>(hq, 'GET', `/api/headoffice/figures/${shown}`);
      const rows = [...body.centres, { name: 'Hele stiftelsen', ...body.total }];
      for (const row of rows) {
        const expected = headlineFigures.map((k) =>
          row.previous === null
            ? nbNumber(figureOf(row.figures, k))
            : `${nbNumber(figureOf(row.figures, k))} (${nbNumber(figureOf(row.previous, k))})`,
        );
        await expect.poll(() => headOfficeRow(hq, row.name)).toEqual(expected);
        if (row.previous === null) sawEmptyPrevious = true;
        else sawPrevious = true;
      }
    }
    // Each row above is written as the API's previous year says: in parentheses, or without them where
    // it is empty. The demo's registers reach back past the years the picker offers, so an empty previous
    // year may not be among them; packages/web/src/i18n/format.test.ts covers that case.
    expect(sawPrevious).toBe(true);
    // The chart has a table beside it with the same numbers, month by month.
    await hq.getByLabel('År', { exact: true }).first().selectOption(String(year));
    await hq.getByRole('img', { name: `Besøk per måned i ${year}, per senter` }).waitFor();
    await hq.getByRole('heading', { name: `Besøk per måned i ${year} (tabell)` }).waitFor();
  }, 120_000);

  test('the experience network sees the suppressed figures, each hidden cell named in words', async () => {
    const net = await signedIn('erfaringsnettverket');
    await net.waitForURL(/\/erfaringsnettverket$/);
    // The latest year with a hidden headline cell (small figures are what the rules hide).
    const hidden = (y: NetworkYear) =>
      [...y.centres, y.total].some((c) => headlineFigures.some((k) => typeof c.figures[k] === 'object'));
    let shown = year;
    let answer = await apiFromPage<NetworkYear>(net, 'GET', `/api/network/figures/${shown}`);
    while (!hidden(answer.body) && shown > year - 5) {
      shown--;
      answer = await apiFromPage<NetworkYear>(net, 'GET', `/api/network/figures/${shown}`);
    }
    const { status, body } = answer;
    expect(status).toBe(200);
    await net.getByLabel('År', { exact: true }).first().selectOption(String(shown));
    await net.waitForURL(new RegExp(`ar=${shown}`));
    const reasons = {
      small: 'under 5',
      ratio: 'under 5 personer',
      secondary: 'skjult',
      line: 'linje skjult',
    };
    const words = (cell: NetworkCell | undefined = 0) =>
      typeof cell === 'number' ? nbNumber(cell) : cell === null ? '–' : reasons[cell.suppressed];
    let suppressed = 0;
    for (const c of [...body.centres, { name: 'Hele stiftelsen', ...body.total }]) {
      const cells = headlineFigures.map((k) => c.figures[k]);
      suppressed += cells.filter((cell) => typeof cell !== 'number').length;
      const row = net.locator('tr', { has: net.getByRole('rowheader', { name: c.name, exact: true }) });
      // The year's table replaces the last one when its answer comes: a loaded machine may take seconds.
      await expect.poll(() => shownTexts(row.locator('td')), { timeout: 15_000 }).toEqual(cells.map(words));
    }
    expect(suppressed).toBeGreaterThan(0);
    await net.getByText('«under 5»: tallet er mellom 1 og 4.', { exact: false }).waitFor();
    await net.getByText('skjult for å beskytte et annet tall', { exact: false }).waitFor();
    // The network's token opens no head-office figures, and the page for them is not offered.
    expect((await apiFromPage(net, 'GET', `/api/headoffice/figures/${year}`)).status).toBeGreaterThanOrEqual(
      403,
    );
    await screenshot(net, 'erfaringsnettverket');
  }, 120_000);

  test('a Tromsø user typing an Øvre Eiker URL gets "not found" and no data', async () => {
    const tromso = await signedIn('leder.tromso');
    await tromso.waitForURL(/\/senter\/tromso\/i-dag$/);
    const asked: string[] = [];
    tromso.on('request', (r) => {
      if (r.url().includes('/api/')) asked.push(r.url());
    });
    for (const path of ['/senter/ovre-eiker/i-dag', '/senter/ovre-eiker/deltakere', '/hovedkontor']) {
      await tromso.goto(runtime.url + path);
      await eventually(() => tromso.getByRole('heading', { level: 1 }).textContent()).toBe('Fant ikke siden');
      await tromso.getByText('Siden finnes ikke, eller du har ikke tilgang til den.').waitFor();
    }
    expect(asked.filter((u) => u.includes('ovre-eiker') || u.includes('headoffice'))).toEqual([]);
    await screenshot(tromso, 'ikke-funnet');
    // The API refuses as well: the same 404 for a foreign centre as for one that does not exist.
    const foreign = await apiFromPage(tromso, 'GET', '/api/centres/ovre-eiker/participants');
    expect(foreign.status).toBe(404);
    expect(await tromso.locator('body').textContent()).not.toContain('Øvre Eiker');
  }, 120_000);

  test('the language switch turns the page to English, sets <html lang>, and is remembered', async () => {
    const page = await signedIn('ansatt.ovre-eiker');
    await eventually(() => page.locator('html').getAttribute('lang')).toBe('nb');
    await page.getByRole('button', { name: 'English' }).click();
    await eventually(() => page.locator('html').getAttribute('lang')).toBe('en');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(
      "Register today's work",
    );
    await page.getByRole('link', { name: 'Participants' }).waitFor();
    await page.reload();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(
      "Register today's work",
    );
    await eventually(() => page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, 'today-english');
    await page.getByRole('button', { name: 'Norsk' }).click();
    await eventually(() => page.locator('html').getAttribute('lang')).toBe('nb');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Registrer dagens arbeid',
    );
  }, 120_000);

  test('keyboard alone registers a visit, with visible focus at every stop', async () => {
    const page = await signedIn('ansatt.ovre-eiker');
    await page.waitForURL(/\/i-dag$/);
    const before = await todayFigures(page, 'Antall besøk');
    await page.locator('body').focus();
    await tabTo(page, 'the + button for visits', (el) => el.label === 'Legg til én – Antall besøk');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await eventually(() => page.getByLabel('Antall besøk', { exact: true }).inputValue()).toBe('2');
    await tabTo(page, 'the Save button', (el) => el.tag === 'button' && el.text === 'Lagre');
    await page.keyboard.press('Enter');
    await eventually(() =>
      page.getByRole('status').filter({ hasText: 'Lagret for' }).textContent(),
    ).toContain('Antall besøk 2');
    await expect
      .poll(() => todayFigures(page, 'Antall besøk'))
      .toEqual({ day: before.day + 2, month: before.month });
  }, 120_000);

  test('a save whose answer was lost keeps the form, and the retry registers the work once', async () => {
    const page = await signedIn('ansatt.ovre-eiker');
    await page.waitForURL(/\/i-dag$/);
    const before = await monthTotalFromApi(page, 'ovre-eiker', 'visit');
    const keys: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/activities'))
        keys.push(r.headers()['idempotency-key'] ?? '');
    });
    let dropped = 0;
    await page.route('**/api/centres/ovre-eiker/activities', async (route) => {
      if (route.request().method() !== 'POST' || dropped > 0) return route.fallback();
      dropped++;
      // The API gets the request and registers it; the browser never hears back.
      await route.fetch();
      await route.abort('connectionreset');
    });
    await setStepper(page, 'Antall besøk', 4);
    await page.getByRole('button', { name: 'Lagre' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain(
      'Fikk ikke kontakt med tjenesten',
    );
    await eventually(() => page.getByLabel('Antall besøk', { exact: true }).inputValue()).toBe('4');
    await screenshot(page, 'i-dag-network-error');
    await page.getByRole('button', { name: 'Prøv igjen' }).click();
    await eventually(() =>
      page.getByRole('status').filter({ hasText: 'Lagret for' }).textContent(),
    ).toContain('Antall besøk 4');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await monthTotalFromApi(page, 'ovre-eiker', 'visit')).toBe(before + 4);
  }, 120_000);

  test('participants: add with field errors first, find by search, and end with an outcome', async () => {
    const page = await signedIn('leder.ovre-eiker', '/senter/ovre-eiker/deltakere');
    await page.getByRole('link', { name: 'Legg til deltaker' }).click();
    await page.getByRole('button', { name: 'Lagre' }).click();
    const summary = page.locator('.ds-error-summary');
    await eventually(() => isFocused(summary)).toBe(true);
    await eventually(() => summary.getByRole('link').allInnerTexts()).toEqual([
      'Feltet må fylles ut.',
      'Feltet må fylles ut.',
      'Velg et alternativ.',
    ]);
    await screenshot(page, 'ny-deltaker-feil');
    await summary.getByRole('link').nth(1).click();
    await eventually(() => isFocused(page.getByLabel('Fødselsår'))).toBe(true);
    await page.getByLabel('Fødselsår').fill('19x0');
    await page.getByLabel('Navn').fill('Åse Testesen');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Skriv fødselsåret med fire sifre.').first().waitFor();
    await page.getByLabel('Fødselsår').fill('1980');
    await page.getByLabel('Kjønn').selectOption('woman');
    await page.getByLabel('Henvist fra').selectOption('nav');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Åse Testesen');
    await page.getByText('Deltakeren er lagt til.').waitFor();
    const id = page.url().split('/').pop()?.split('?')[0] ?? '';

    await page
      .getByRole('link', { name: /Deltakere$/ })
      .first()
      .click();
    await page.getByLabel('Søk på navn').fill('Åse');
    await page.getByRole('button', { name: 'Søk' }).click();
    await page.getByRole('link', { name: 'Åse Testesen' }).waitFor();
    await screenshot(page, 'deltakere');
    await page.getByRole('link', { name: 'Åse Testesen' }).click();

    // The API's own rule comes back next to the field, in the user's language.
    await page.locator('#end-date').fill('2000-01-01');
    await page.getByLabel('Behandling').check();
    await page.getByRole('button', { name: 'Avslutt deltakelsen' }).click();
    await eventually(() => page.locator('#end-date-error').textContent()).toBe(
      'Sluttdatoen kan ikke være før startdatoen.',
    );
    await page.locator('#end-date').fill(todayInOslo());
    await page.getByRole('button', { name: 'Avslutt deltakelsen' }).click();
    await page.getByText('Deltakelsen er avsluttet.').waitFor();
    await page.getByText('gikk videre til: Behandling').waitFor();
    await screenshot(page, 'deltaker');
    const stored = await apiFromPage<Participant>(page, 'GET', `/api/centres/ovre-eiker/participants/${id}`);
    expect(stored.body).toMatchObject({ displayName: 'Åse Testesen', birthYear: 1980, outcome: 'treatment' });
  }, 120_000);

  test('a conflicting edit shows both values and saves only what the user chose', async () => {
    const page = await signedIn('ansatt.ovre-eiker');
    const created = await apiFromPage<Participant>(
      page,
      'POST',
      '/api/centres/ovre-eiker/participants',
      { displayName: 'Konflikt Person', birthYear: 1970, startDate: todayInOslo(), referralSource: 'self' },
      crypto.randomUUID(),
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    await page.goto(`${runtime.url}/senter/ovre-eiker/deltakere/${id}`);
    await page.getByRole('button', { name: 'Endre opplysninger' }).click();
    await page.getByLabel('Navn').fill('Navn fra meg');

    // Someone else saves first: a new name and a new birth year.
    const theirs = await apiFromPage<Participant>(page, 'PUT', `/api/centres/ovre-eiker/participants/${id}`, {
      displayName: 'Navn fra en annen',
      birthYear: 1971,
      startDate: created.body.startDate,
      referralSource: 'self',
      version: created.body.version,
    });
    expect(theirs.status).toBe(200);

    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('heading', { name: 'Noen andre har endret deltakeren' }).waitFor();
    // Only they changed the birth year: theirs is chosen. Both changed the name: the user must choose.
    expect(await page.getByLabel('Bruk lagret: 1971').isChecked()).toBe(true);
    expect(await page.getByLabel('Behold min: Navn fra meg').isChecked()).toBe(false);
    expect(await page.getByLabel('Bruk lagret: Navn fra en annen').isChecked()).toBe(false);
    await screenshot(page, 'deltaker-konflikt');
    await page.getByRole('button', { name: 'Lagre valgene mine' }).click();
    await eventually(() => page.locator('.ds-error-summary').textContent()).toContain(
      'Velg hvilken verdi som skal gjelde.',
    );
    await page.getByLabel('Behold min: Navn fra meg').check();
    await page.getByRole('button', { name: 'Lagre valgene mine' }).click();
    await page.getByText('Endringene er lagret.').waitFor();
    const stored = await apiFromPage<Participant>(page, 'GET', `/api/centres/ovre-eiker/participants/${id}`);
    expect(stored.body).toMatchObject({
      displayName: 'Navn fra meg',
      birthYear: 1971,
      version: created.body.version + 2,
    });
  }, 120_000);

  test('each role sees only its own menu', async () => {
    const menus: Record<string, string[]> = {
      'ansatt.ovre-eiker': [
        'I dag',
        'Deltakere',
        'Frivillige',
        'Ombruk',
        'Fakta og tall',
        'Deltakerundersøkelsen',
      ],
      'leder.tromso': [
        'I dag',
        'Deltakere',
        'Frivillige',
        'Ombruk',
        'Stillinger',
        'Økonomi',
        'Tilgangslogg',
        'Kontoer',
        'Fakta og tall',
        'Deltakerundersøkelsen',
        'Innstillinger',
      ],
      hovedkontor: ['Tall for alle sentre', 'Spørreskjemaet'],
      erfaringsnettverket: ['Tall for Erfaringsnettverket', 'Spørreskjemaet'],
      'frivillig.ovre-eiker': ['Mine timer'],
      admin: ['Nye sentre', 'Katalog'],
    };
    for (const [username, expected] of Object.entries(menus)) {
      const page = await signedIn(username);
      await page.getByRole('button', { name: 'Logg ut' }).waitFor();
      const menu = page.getByRole('navigation', { name: 'Hovedmeny' });
      await eventually(() => menu.getByRole('link').allInnerTexts()).toEqual(expected);
      await page.context().close();
    }
  }, 180_000);

  test('sign-out ends the session here and at the identity provider, and revokes the refresh token', async () => {
    const page = await signedIn('ansatt.ovre-eiker');
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
    const stored = await page.evaluate(() => sessionStorage.getItem('crux.session'));
    const { refreshToken } = JSON.parse(stored ?? '{}') as { refreshToken?: string };
    // The refresh grant as the client sends it (oidc.ts): it works until sign-out.
    const refresh = () =>
      fetch(`${runtime.issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: refreshToken ?? '',
          client_id: runtime.clientId,
        }),
      });
    expect((await refresh()).status).toBe(200);
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(`${runtime.url}/`);
    // Revoked (RFC 7009) before the provider's logout: whoever finds the token gets nothing with it.
    const after = await refresh();
    expect(after.status).toBe(400);
    expect(await after.json()).toMatchObject({ error: 'invalid_grant' });
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Logg inn');
    expect(await page.evaluate(() => sessionStorage.getItem('crux.session'))).toBeNull();
    // The provider forgot the user too: signing in asks for the password again.
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByLabel('Passord').waitFor();
  }, 120_000);
});
