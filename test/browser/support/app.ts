import type { ActivityEntry } from '@crux/domain/activity';
import { firstDayOf, lastDayOf } from '@crux/domain/period';
import { nextTotpCode } from '@crux/local/idp/sign-in-flow';
import type { Runtime } from '@crux/local/runtime';
import type { Page } from 'playwright-core';

/**
 * Drives the real sign-in: the app's own button, the identity provider's page (its fields found by
 * their labels, as a person finds them), the redirect back with the code, the token exchange.
 */
export async function signIn(page: Page, runtime: Runtime, username: string, path = '/'): Promise<void> {
  await page.goto(runtime.url + path);
  await page.getByRole('button', { name: /^(Logg inn|Sign in)$/ }).click();
  await completeProviderSignIn(page, runtime, username);
}

/**
 * The identity provider's forms: the password, then the code from the authenticator (the demo users
 * share one secret), then wait until the app is back and signed in.
 */
export async function completeProviderSignIn(page: Page, runtime: Runtime, username: string): Promise<void> {
  await page.waitForURL((url) => url.pathname.startsWith('/idp/'));
  await page.getByLabel(/^(Brukernavn|Username)$/).fill(username);
  await page.getByLabel(/^(Passord|Password)$/).fill(runtime.demoPassword);
  await page.getByRole('button', { name: /^(Logg inn|Sign in)$/ }).click();
  await enterTotpCode(page, runtime.url, username, runtime.demoTotpSecret);
  await page.getByRole('button', { name: /^(Logg ut|Sign out)$/ }).waitFor();
}

/** The provider's code step: a code of a time step this user has not used yet. */
export async function enterTotpCode(
  page: Page,
  baseUrl: string,
  username: string,
  secret: string,
): Promise<void> {
  const code = page.getByLabel(/^(Kode fra appen|Code from the app)/);
  await code.fill(await nextTotpCode(baseUrl, username, secret));
  await page.getByRole('button', { name: /^(Bekreft|Confirm)$/ }).click();
}

/** The access token the app holds, for checks that ask the API directly as the same user. */
export async function accessToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    const raw = sessionStorage.getItem('crux.session');
    return raw ? (JSON.parse(raw) as { accessToken: string }).accessToken : null;
  });
  if (!token) throw new Error('no session in this page');
  return token;
}

/** Calls the API from inside the page, with the page's own token and origin. */
export async function apiFromPage<T>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  idempotencyKey?: string,
): Promise<{ status: number; body: T }> {
  const token = await accessToken(page);
  return page.evaluate(
    async ({ method, path, body, token, idempotencyKey }) => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
      const response = await fetch(path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
    { method, path, body, token, idempotencyKey },
  );
}

/** Today in Norway, the way the app and the API count days. */
export function todayInOslo(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
}

/** Text of a number as the page writes it (nb-NO: narrow no-break space between thousands). */
export function nbNumber(value: number): string {
  return new Intl.NumberFormat('nb-NO').format(value);
}

/** This month's sum of one kind at a centre, straight from the API: what the page's figures must match. */
export async function monthTotalFromApi(page: Page, centre: string, kind: string): Promise<number> {
  const month = todayInOslo().slice(0, 7);
  let total = 0;
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({
      from: firstDayOf(month),
      to: lastDayOf(month),
      ...(cursor ? { cursor } : {}),
    });
    const { status, body } = await apiFromPage<{ items: ActivityEntry[]; nextCursor?: string }>(
      page,
      'GET',
      `/api/centres/${centre}/activities?${query}`,
    );
    if (status !== 200) throw new Error(`activities answered ${status}`);
    total += body.items.filter((e) => e.kind === kind).reduce((sum, e) => sum + e.count, 0);
    cursor = body.nextCursor;
  } while (cursor);
  return total;
}

/** Types a count straight into a stepper's number field, as a user may instead of tapping +. */
export async function setStepper(page: Page, label: string, value: number): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(String(value));
}
