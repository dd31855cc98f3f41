import type { Runtime } from '@crux/local/runtime';
import type { Browser } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiFromPage, signIn } from './support/app';
import { newContext, skipBrowser } from './support/browser';
import { chromiumAndRuntime } from './support/runtime';

/**
 * A plan page opened directly (a link, a reload) asks for the plan and the catalogue as soon as
 * config.json has come, while the page's own module is still on its way (api/read-ahead.ts), and the
 * page takes those answers instead of asking again: each is read once, so the access log records the
 * participant's plan read once.
 */
let runtime: Runtime;
let browser: Browser;

const centre = 'ovre-eiker';
const WHEEL_CHUNK = '**/assets/wheel-*.js';

/** Staff of Øvre Eiker signed in, with a participant of their own to open the plan of. */
async function staffWithParticipant(displayName: string) {
  const page = await (await newContext(browser)).newPage();
  await signIn(page, runtime, 'ansatt.ovre-eiker');
  const made = await apiFromPage<{ id: string }>(
    page,
    'POST',
    `/api/centres/${centre}/participants`,
    { displayName, birthYear: 1984, startDate: '2024-03-01', referralSource: 'self' },
    crypto.randomUUID(),
  );
  expect(made.status).toBe(201);
  const id = made.body.id;
  return { page, id, planPath: `/api/centres/${centre}/participants/${id}/plan` };
}

describe.skipIf(skipBrowser)('the first page’s reads, asked for ahead', () => {
  chromiumAndRuntime((started) => {
    ({ browser, runtime } = started);
  });

  test('the plan page reads its plan and catalogue once, before its module has come', async () => {
    const { page, id, planPath } = await staffWithParticipant('Forut Testesen');

    const events: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (r.method() === 'GET' && (path === planPath || path === '/api/catalogue'))
        events.push(`read ${path}`);
    });
    // The page's module held back a little, as on a slow line, so "before it came" is not a race.
    await page.route(WHEEL_CHUNK, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      events.push('module');
      await route.continue();
    });

    await page.goto(`${runtime.url}/senter/${centre}/deltakere/${id}/hjul`);
    await page.getByRole('img', { name: 'Arbeidshjulet for Forut Testesen' }).waitFor();

    expect(events.filter((e) => e === `read ${planPath}`)).toHaveLength(1);
    expect(events.filter((e) => e === 'read /api/catalogue')).toHaveLength(1);
    expect(events.indexOf(`read ${planPath}`)).toBeLessThan(events.indexOf('module'));
  }, 120_000);

  test('a page opened later in the tab reads for itself', async () => {
    const { page, id, planPath } = await staffWithParticipant('Senere Testesen');
    const reads: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname === planPath) reads.push(r.url());
    });
    // Signed in on the home page, the plan is reached by the client's own navigation: nothing was read ahead.
    await page.goto(`${runtime.url}/senter/${centre}/deltakere/${id}`);
    await page.getByRole('link', { name: 'Arbeidshjulet og planen' }).click();
    await page.getByRole('img', { name: 'Arbeidshjulet for Senere Testesen' }).waitFor();
    expect(reads).toHaveLength(1);
  }, 120_000);
});
