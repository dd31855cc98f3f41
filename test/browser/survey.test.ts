import type { Runtime } from '@crux/local/runtime';
import type { Browser, Page } from 'playwright-core';
import { renderSVG } from 'uqr';
import { describe, expect, test } from 'vitest';
import { signIn } from './support/app';
import { newContext, skipBrowser } from './support/browser';
import { pageOverflowsSideways, shownTexts } from './support/pages';
import { chromiumAndRuntime } from './support/runtime';
import { screenshot } from './support/screenshots';

/**
 * Deltakerundersøkelsen as issue 14's "Done when" tries it, in Chromium against the embedded runtime:
 * the head office drafts the questionnaire, a network member comments on the draft, the head office
 * publishes it; Øvre Eiker's leader opens a round with it and prints codes as slips; participants answer
 * on a 360 px phone with one code each, and a used code is refused; the leader closes the round, the
 * figures job counts it, and the leader, the head office and the network see the results. Staff see the
 * rounds without the leader's buttons. The tests run in order: each goes on from the one before.
 */
let runtime: Runtime;
let browser: Browser;
let published: number;
let codes: string[];
const ANSWERS = 5;
const year = new Date().getFullYear();
const SURVEY = '/senter/ovre-eiker/undersokelse';
const TITLE = 'Deltakerundersøkelsen (revidert)';
const FREE_TEXT = 'En hilsen til senteret?';
const GREETING = 'Takk for kaffen!';

async function signedIn(username: string, path: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await signIn(page, runtime, username, path);
  return page;
}

/** A participant's phone, opened from a slip's link: nothing signed in, 360 px wide. */
async function phone(code: string): Promise<Page> {
  const page = await (await newContext(browser, { width: 360, height: 740 })).newPage();
  await page.goto(`${runtime.url}/svar.html#senter=ovre-eiker&kode=${code}`);
  await page.getByRole('button', { name: 'Send svaret' }).waitFor();
  return page;
}

const BROWSER_TEST_MS = 180_000;

describe.skipIf(skipBrowser)('the participant survey in the web client', () => {
  chromiumAndRuntime((started) => {
    ({ browser, runtime } = started);
  });

  test(
    'the head office drafts, the network comments, the head office publishes',
    async () => {
      const hq = await signedIn('hovedkontor', '/hovedkontor/sporreskjema');
      await hq.getByRole('heading', { level: 1, name: 'Spørreskjemaet' }).waitFor();
      // A blank question text is refused at its field, and nothing is saved.
      const first = hq.locator('#q-0-text-nb');
      const original = await first.inputValue();
      await first.fill('');
      await hq.getByRole('button', { name: 'Lagre utkastet' }).click();
      await hq.locator('.ds-error-summary a[href="#q-0-text-nb"]').waitFor();
      await first.fill(`${original} (revidert)`);
      await hq.getByRole('button', { name: 'Lagre utkastet' }).click();
      await hq.getByText('Utkastet er lagret.').waitFor();
      expect(await hq.locator('#q-0-text-nb').inputValue()).toBe(`${original} (revidert)`);

      // The questionnaire's own parts: its title, a new section, and a free-text question in it. A new
      // section needs an id, and the refusal names its field.
      await hq.getByLabel('Tittel på bokmål').fill(TITLE);
      await hq.getByRole('button', { name: 'Legg til del' }).click();
      await hq.getByLabel('Navn på delen på bokmål').last().fill('Hilsen');
      await hq.getByLabel('Navn på delen på engelsk').last().fill('Greeting');
      await hq.getByRole('button', { name: 'Lagre utkastet' }).click();
      const missingId = hq.locator('.ds-error-summary a[href^="#qn-sections-"][href$="-id"]');
      await missingId.waitFor();
      await hq.getByLabel('Id', { exact: true }).last().fill('hilsen_del');
      await hq.getByRole('button', { name: 'Legg til fritekstspørsmål' }).click();
      await hq.getByLabel('Id for spørsmålet').last().fill('hilsen');
      await hq.getByLabel('Spørsmålet på bokmål').last().fill(FREE_TEXT);
      await hq.getByLabel('Spørsmålet på engelsk').last().fill('A greeting to the centre?');
      await hq.getByLabel('Del', { exact: true }).last().selectOption({ label: 'Hilsen' });
      await hq.getByRole('button', { name: 'Lagre utkastet' }).click();
      await hq.getByText('Utkastet er lagret.').waitFor();
      // Saved: the section keeps its id (no id field any more) and is asked last.
      await hq.getByRole('heading', { name: /^Del \d+: Hilsen$/ }).waitFor();
      expect(await hq.locator('[id^="qn-sections-"][id$="-id"]').count()).toBe(0);
      expect(await hq.getByLabel('Tittel på bokmål').inputValue()).toBe(TITLE);

      const net = await signedIn('erfaringsnettverket', '/erfaringsnettverket/sporreskjema');
      await net
        .getByRole('listitem')
        .filter({ hasText: `${original} (revidert)` })
        .waitFor();
      await net.getByLabel('Spørsmålet kommentaren gjelder').selectOption({ index: 1 });
      await net.getByLabel('Kommentar', { exact: true }).fill('Skriv «senteret» i stedet for «CRUX».');
      await net.getByRole('button', { name: 'Send kommentaren' }).click();
      await net.getByText('Kommentaren er sendt.').waitFor();
      await net.locator('.comments').getByText('Skriv «senteret» i stedet for «CRUX».').waitFor();
      // The network reads and comments; it has no save or publish of its own.
      expect(await net.getByRole('button', { name: /Publiser|Lagre utkastet/ }).count()).toBe(0);

      await hq.reload();
      await hq.locator('.comments').getByText('Skriv «senteret» i stedet for «CRUX».').waitFor();
      const publish = hq.getByRole('button', { name: /^Publiser versjon \d+$/ });
      published = Number((await publish.textContent())?.match(/\d+/)?.[0]);
      await publish.click();
      await hq.getByText(`Versjon ${published} er publisert.`).waitFor();
      // The next draft is the next version, with no comments yet.
      await hq.getByRole('button', { name: `Publiser versjon ${published + 1}` }).waitFor();
      await hq.getByText('Ingen kommentarer på dette utkastet.').waitFor();
      await hq.context().close();
      await net.context().close();
    },
    BROWSER_TEST_MS,
  );

  test(
    'the leader opens a round with the new version and prints codes as slips',
    async () => {
      const leader = await signedIn('leder.ovre-eiker', SURVEY);
      await leader.getByRole('heading', { level: 1, name: 'Deltakerundersøkelsen' }).waitFor();
      await leader.getByLabel('Versjon', { exact: true }).selectOption(String(published));
      await leader.getByRole('button', { name: 'Åpne runden' }).click();
      await leader.getByRole('heading', { name: `Runden ${year}` }).waitFor();
      await leader.getByText(`Spørreskjema versjon ${published}.`).waitFor();
      await leader.getByLabel('Antall koder').fill(String(ANSWERS + 1));
      await leader.getByRole('button', { name: 'Lag koder' }).click();
      await leader.getByText(`${ANSWERS + 1} koder er laget. Skriv dem ut nå.`).waitFor();
      const printed = await leader.locator('.slip-code').allInnerTexts();
      expect(printed).toHaveLength(ANSWERS + 1);
      expect(printed.every((c) => /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/.test(c))).toBe(true);
      codes = printed.map((c) => c.replace('-', ''));
      // Each slip's QR code is the answer link with its own code; the address is written out beside it.
      const drawn = await leader.locator('.slip-qr path').first().getAttribute('d');
      const link = `${runtime.url}/svar.html#senter=ovre-eiker&kode=${codes[0]}`;
      expect(drawn).toBe(/ d="([^"]+)"/.exec(renderSVG(link, { border: 1 }))?.[1]);
      expect(await leader.locator('.slip-address').first().innerText()).toBe(
        `${runtime.url}/svar.html#senter=ovre-eiker`,
      );
      // Printed, only the slips: no menu, no forms.
      await leader.emulateMedia({ media: 'print' });
      expect(await leader.locator('.slip').first().isVisible()).toBe(true);
      expect(await leader.locator('header').isVisible()).toBe(false);
      expect(await leader.getByRole('button', { name: 'Lag koder' }).isVisible()).toBe(false);
      expect(await leader.getByRole('button', { name: 'Avslutt runden' }).isVisible()).toBe(false);
      await screenshot(leader, 'undersokelse-lapper-utskrift');
      await leader.emulateMedia({ media: 'screen' });
      // The table counts the codes made; none used yet.
      const row = leader.locator('tr', { has: leader.getByRole('button', { name: `Vis runden ${year}` }) });
      await expect.poll(() => shownTexts(row.locator('td'))).toContain(String(ANSWERS + 1));
      await leader.context().close();
    },
    BROWSER_TEST_MS,
  );

  test(
    'answers on a 360 px phone, one code each; a used code is refused',
    async () => {
      for (const [i, code] of codes.slice(0, ANSWERS).entries()) {
        const page = await phone(code);
        expect(await pageOverflowsSideways(page)).toBe(false);
        await page.getByLabel('I stor grad').first().check();
        // The free-text question the head office added, in its own section, answered once.
        if (i === 0) {
          await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
          await page.getByLabel(FREE_TEXT).fill(GREETING);
        }
        await page.getByRole('button', { name: 'Send svaret' }).click();
        await page.locator('#thanks, #problems').first().waitFor();
        expect(await page.locator('#problems').count(), await page.locator('main').innerText()).toBe(0);
        await page.context().close();
      }
      const again = await phone(codes[0] as string);
      await again.getByRole('button', { name: 'Send svaret' }).click();
      await again.getByText('Denne koden er allerede brukt.', { exact: false }).waitFor();
      await again.context().close();
    },
    BROWSER_TEST_MS,
  );

  test(
    'staff see the round without the leader’s buttons; the leader closes it and sees the results',
    async () => {
      const staff = await signedIn('ansatt.ovre-eiker', SURVEY);
      await staff.getByRole('heading', { name: `Runden ${year}` }).waitFor();
      await staff.getByText('Bare lederen kan åpne og avslutte runder og lage koder.').waitFor();
      expect(await staff.getByRole('button', { name: /Lag koder|Avslutt runden|Åpne runden/ }).count()).toBe(
        0,
      );
      await staff.context().close();

      const leader = await signedIn('leder.ovre-eiker', SURVEY);
      await leader.getByRole('button', { name: 'Avslutt runden' }).click();
      await leader.getByText('Runden er avsluttet.', { exact: true }).waitFor();
      await leader.getByText('Resultatene er ikke regnet ut ennå.', { exact: false }).waitFor();
      await runtime.runFiguresJob();
      await leader.reload();
      // Exact: the page's introduction says "minst 5 har svart" too.
      await leader.getByText(`${ANSWERS} har svart.`, { exact: true }).waitFor();
      const table = leader.locator('table', { has: leader.locator('caption', { hasText: 'Resultater' }) });
      // The first question: every answer "I stor grad", positive on its scale: 100 % of 5 answers, 0 % N/A.
      const firstRow = table.locator('tbody tr').first();
      expect(await shownTexts(firstRow.locator('td'))).toEqual(['100 %', '5', '0 %']);
      // A question no one answered shows nothing: under 5 people.
      expect(await table.locator('tbody tr').nth(1).locator('td').allInnerTexts()).toEqual([
        'under 5',
        'under 5',
        'under 5',
      ]);
      await leader.getByRole('heading', { name: 'Fritekstsvar' }).waitFor();
      await leader.getByText(GREETING, { exact: true }).waitFor();
      await screenshot(leader, 'undersokelse-resultater');
      // The demo's 2024 round: the report's 95 % on coping with everyday life.
      await leader.getByRole('button', { name: 'Vis runden 2024' }).click();
      await leader.getByText('20 har svart.', { exact: true }).waitFor();
      await leader
        .getByRole('rowheader', { name: /hverdagen/i })
        .first()
        .waitFor();
      const everyday = leader.locator('tr', { has: leader.getByRole('rowheader', { name: /hverdagen/i }) });
      expect((await everyday.first().locator('td').allInnerTexts())[0]).toBe('95 %');
      await leader.context().close();
    },
    BROWSER_TEST_MS,
  );

  test(
    'the head office and the network see the survey as a line group of their figures',
    async () => {
      for (const [user, path] of [
        ['hovedkontor', '/hovedkontor?ar=2024'],
        ['erfaringsnettverket', '/erfaringsnettverket?ar=2024'],
      ] as const) {
        const page = await signedIn(user, path);
        const table = page.locator('table', {
          has: page.locator('caption', { hasText: 'Deltakerundersøkelsen' }),
        });
        await table.waitFor();
        expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
        await screenshot(page, `${user}-undersokelse`);
        await page.context().close();
      }
    },
    BROWSER_TEST_MS,
  );
});
