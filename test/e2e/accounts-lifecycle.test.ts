import { randomUUID } from 'node:crypto';
import type { Invitation } from '@crux/local/idp/account-directory';
import {
  type Credentials,
  exchangeCode,
  newPkce,
  nextTotpCode,
  signInWithPassword,
} from '@crux/local/idp/sign-in-flow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './harness';

/**
 * Accounts through the running platform, as people use them: the admin onboards a centre with its
 * leader, the leader's invitation signs in (a new password, then TOTP), the leader invites a staff
 * member, and deactivating that member ends what the member holds: no new sign-in, no refresh, no code
 * from the provider's session. Reactivating gives it all back. The access token already issued lives
 * out its at most 15 minutes, as Cognito's does (the functions verify tokens offline). Erasing a
 * participant who has an account of their own deletes it, and with it all the same.
 */
let t: TestRuntime;
const sent: Invitation[] = [];

beforeAll(async () => {
  t = await startTestRuntime({ seedDemo: false, onInvitation: (i) => sent.push(i) });
}, 120_000);
afterAll(async () => {
  await t?.runtime.stop();
});

const invitationTo = (email: string) => {
  const found = sent.findLast((i) => i.to === email);
  if (!found) throw new Error(`no invitation to ${email}`);
  return found;
};

/** Signs in for the first time with the invitation's password: a new password, then the authenticator. */
async function firstSignIn(
  email: string,
): Promise<Credentials & { accessToken: string; refreshToken: string }> {
  const credentials = {
    password: invitationTo(email).temporaryPassword,
    newPassword: `Nytt-${randomUUID()}`,
  };
  const tokens = await signInWithPassword(t.client, email, credentials);
  if (!tokens.refreshToken || !tokens.totpSecret)
    throw new Error('first sign-in gave no refresh token or secret');
  return {
    password: credentials.newPassword,
    totpSecret: tokens.totpSecret,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
  };
}

const form = (path: string, fields: Record<string, string>) =>
  fetch(`${t.runtime.issuer}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });

const refresh = (token: string) =>
  form('/token', { grant_type: 'refresh_token', refresh_token: token, client_id: t.runtime.clientId });

function authorizeUrl(challenge: string, extra: Record<string, string> = {}) {
  return `${t.runtime.issuer}/authorize?${new URLSearchParams({
    response_type: 'code',
    client_id: t.runtime.clientId,
    redirect_uri: t.runtime.redirectUri,
    scope: 'openid',
    state: 'st4te',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  })}`;
}

/** The provider's session cookie after a sign-in with the password and a code. */
async function sessionCookie(username: string, credentials: Credentials): Promise<string> {
  const page = await fetch(authorizeUrl(newPkce().challenge), { redirect: 'manual' });
  const interaction = /name="interaction" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const password = await form('/login', { interaction, username, password: credentials.password });
  expect(await password.text()).toContain('name="code"');
  const code = await nextTotpCode(t.runtime.url, username, credentials.totpSecret ?? '');
  const signedIn = await form('/login', { interaction, code });
  expect(signedIn.status).toBe(302);
  return (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** What the provider's session answers a silent authorize with: a code, or the error it redirects with. */
async function silentAuthorize(cookie: string): Promise<{ code?: string; error?: string }> {
  const { verifier, challenge } = newPkce();
  const answer = await fetch(authorizeUrl(challenge, { prompt: 'none' }), {
    redirect: 'manual',
    headers: { cookie },
  });
  const back = new URL(answer.headers.get('location') ?? '');
  const code = back.searchParams.get('code');
  if (code) expect((await exchangeCode(t.client, code, verifier)).status).toBe(200);
  return code ? { code } : { error: back.searchParams.get('error') ?? '' };
}

describe('a centre from onboarding to a deactivated staff member', () => {
  const centre = `nordby-${randomUUID().slice(0, 6)}`;
  const leaderEmail = `leder@${centre}.example.no`;
  const staffEmail = `ansatt@${centre}.example.no`;
  let leader: Awaited<ReturnType<typeof firstSignIn>>;
  let staffId: string;
  let staffCredentials: Credentials;

  it('the admin onboards the centre with its leader; the leader signs in with a new password and TOTP', async () => {
    const onboarded = await t.call('POST', '/api/admin/onboardings', {
      token: await t.token('admin'),
      body: {
        centre: { id: centre, name: 'CRUX Nordby', town: 'Nordby' },
        leader: { email: leaderEmail, name: 'Lene Leder' },
      },
    });
    expect(onboarded.status, JSON.stringify(onboarded.body)).toBe(201);
    leader = await firstSignIn(leaderEmail);
    const claims = JSON.parse(Buffer.from(leader.accessToken.split('.')[1] ?? '', 'base64url').toString());
    expect(claims).toMatchObject({ role: 'leader', centre, token_use: 'access' });
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(15 * 60);
  });

  it('the leader invites a staff member, who signs in and reads the centre; the list shows the account active', async () => {
    const made = await t.call('POST', `/api/centres/${centre}/accounts`, {
      token: leader.accessToken,
      body: { email: staffEmail, name: 'Kari Ansatt', role: 'staff' },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    staffId = (made.body as { id: string }).id;
    const staff = await firstSignIn(staffEmail);
    staffCredentials = staff;
    expect(
      (await t.call('GET', `/api/centres/${centre}/participants`, { token: staff.accessToken })).status,
    ).toBe(200);
    const listed = await t.call('GET', `/api/centres/${centre}/accounts`, { token: leader.accessToken });
    expect((listed.body as { items: { id: string; status: string }[] }).items).toContainEqual(
      expect.objectContaining({ id: staffId, status: 'active' }),
    );
  });

  it('deactivating ends sign-in, refresh and the provider session at once; reactivating gives them back', async () => {
    const staff = await signInWithPassword(t.client, staffEmail, staffCredentials);
    const cookie = await sessionCookie(staffEmail, staffCredentials);
    // The controls: each works before.
    expect((await refresh(staff.refreshToken ?? '')).status).toBe(200);
    expect(await silentAuthorize(cookie)).toHaveProperty('code');

    const off = await t.call('POST', `/api/centres/${centre}/accounts/${staffId}/deactivate`, {
      token: leader.accessToken,
      body: {},
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ status: 'deactivated' });
    const refused = await refresh(staff.refreshToken ?? '');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
    expect(await silentAuthorize(cookie)).toEqual({ error: 'login_required' });
    await expect(signInWithPassword(t.client, staffEmail, staffCredentials)).rejects.toThrow(
      // 403: the page that says the account is deactivated (a wrong password is 401).
      /sign-in as .* answered 403/,
    );

    const on = await t.call('POST', `/api/centres/${centre}/accounts/${staffId}/reactivate`, {
      token: leader.accessToken,
      body: {},
    });
    expect(on.body).toMatchObject({ status: 'active' });
    const again = await signInWithPassword(t.client, staffEmail, staffCredentials);
    expect((await refresh(again.refreshToken ?? '')).status).toBe(200);
    // What was revoked stays revoked.
    expect((await refresh(staff.refreshToken ?? '')).status).toBe(400);
    // The staff member signs in three times here, after the first sign-in before: each takes a TOTP step
    // of its own (a reused code is refused), so the test waits for one or two new 30-second steps.
  }, 120_000);

  it('erasing a participant deletes their own account: no sign-in, no refresh, no session', async () => {
    const token = leader.accessToken;
    const settings = `/api/centres/${centre}/settings`;
    const now = (await t.call('GET', settings, { token })).body as { todayKinds: unknown; version: number };
    const opened = await t.call('PUT', settings, {
      token,
      body: { todayKinds: now.todayKinds, version: now.version, participantSignIn: true },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const made = await t.call('POST', `/api/centres/${centre}/participants`, {
      token,
      body: { displayName: 'Dina Deltaker', birthYear: 1990, startDate: '2026-01-05', referralSource: 'nav' },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const participant = made.body as { id: string; version: number };
    const at = `/api/centres/${centre}/participants/${participant.id}`;
    const participantEmail = `deltaker@${centre}.example.no`;
    const given = await t.call('POST', `${at}/account`, { token, body: { email: participantEmail } });
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    const own = await firstSignIn(participantEmail);
    const cookie = await sessionCookie(participantEmail, own);
    // The controls: each works before.
    expect((await refresh(own.refreshToken)).status).toBe(200);
    expect(await silentAuthorize(cookie)).toHaveProperty('code');

    const erased = await t.call('POST', `${at}/erasure`, { token, body: { version: participant.version } });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    const refused = await refresh(own.refreshToken);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'invalid_grant' });
    expect(await silentAuthorize(cookie)).toEqual({ error: 'login_required' });
    // No such user any more: the sign-in page's wrong name or password (401), not "deactivated" (403).
    await expect(signInWithPassword(t.client, participantEmail, own)).rejects.toThrow(/answered 401/);
    const account = await t.call('GET', `${at}/account`, { token });
    expect(account.body).toEqual({ account: null });
  }, 120_000);
});
