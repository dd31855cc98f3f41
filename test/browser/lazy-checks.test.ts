import type { Participant } from '@crux/domain/participant';
import type { Runtime } from '@crux/local/runtime';
import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiFromPage, signIn, todayInOslo } from './support/app';
import { newContext, skipBrowser } from './support/browser';
import { eventually } from './support/pages';
import { chromiumAndRuntime } from './support/runtime';

/**
 * The participant page's forms check what is typed with a module loaded on first use
 * (forms/participant-check.ts), so the page's first load does not carry it. When that module cannot be
 * fetched (the connection drops between opening the page and saving), the save must say so as a
 * network failure, keep what was typed and write nothing; once the connection is back, "Prøv igjen"
 * loads the module and saves, once.
 */
let runtime: Runtime;
let browser: Browser;

const CHECKS = '**/assets/participant-checks-*.js';

describe.skipIf(skipBrowser)("the participant page's checks, loaded on first use", () => {
  chromiumAndRuntime((started) => {
    ({ browser, runtime } = started);
  });

  test('unreachable while saving: a network failure, the form kept, nothing written; the retry saves once', async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, runtime, 'ansatt.ovre-eiker');
    const created = await apiFromPage<Participant>(
      page,
      'POST',
      '/api/centres/ovre-eiker/participants',
      { displayName: 'Lasting Testesen', birthYear: 1975, startDate: todayInOslo(), referralSource: 'self' },
      crypto.randomUUID(),
    );
    expect(created.status).toBe(201);
    const path = `/api/centres/ovre-eiker/participants/${created.body.id}`;
    const ends: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith(`${path}/end`))
        ends.push(r.headers()['idempotency-key'] ?? '');
    });
    const refused: string[] = [];
    await page.route(CHECKS, (route) => {
      refused.push(route.request().url());
      return route.abort('internetdisconnected');
    });

    await page.goto(`${runtime.url}/senter/ovre-eiker/deltakere/${created.body.id}`);
    await page.getByLabel('Behandling').check();
    await page.getByRole('button', { name: 'Avslutt deltakelsen' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain(
      'Fikk ikke kontakt med tjenesten',
    );
    // The module was asked for (so the failure is the one under test), and no save was sent without it.
    expect(refused.length).toBeGreaterThan(0);
    expect(ends).toEqual([]);
    expect(await page.getByLabel('Behandling').isChecked()).toBe(true);
    const meanwhile = await apiFromPage<Participant>(page, 'GET', path);
    expect(meanwhile.body.endDate).toBeUndefined();

    await page.unroute(CHECKS);
    await page.getByRole('button', { name: 'Prøv igjen' }).click();
    await page.getByText('Deltakelsen er avsluttet.').waitFor();
    expect(ends).toHaveLength(1);
    const ended = await apiFromPage<Participant>(page, 'GET', path);
    expect(ended.body).toMatchObject({ endDate: todayInOslo(), outcome: 'treatment' });
  }, 120_000);
});
