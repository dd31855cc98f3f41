import { createHash, randomBytes } from 'node:crypto';
import { acceptedSteps, totpCode, totpStep } from './totp';

/**
 * The browser's sign-in, done over HTTP by a program: authorize with PKCE, post the sign-in form and
 * each step after it (a new password, TOTP enrolment, the TOTP code), follow the redirect to get the
 * code, exchange it. Demo data and tests use it so that every token they hold was issued through the
 * same flow the web client uses.
 */
export type FlowClient = { baseUrl: string; clientId: string; redirectUri: string };

/** What a person signing in knows: the password, and the authenticator's secret once there is one. */
export type Credentials = {
  password: string;
  totpSecret?: string;
  /** For an invited account: the password it chooses at its first sign-in. */
  newPassword?: string;
};

export type Tokens = { accessToken: string; idToken: string; refreshToken?: string; expiresIn: number };

export function newPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

const lastSteps = new Map<string, number>();

/**
 * A code this program has not used for this user yet: the provider accepts each time step once per
 * user (as Cognito does), from the step before the current one to the step after. Waits for the next
 * step when all three are spent.
 */
export async function nextTotpCode(_baseUrl: string, username: string, secret: string): Promise<string> {
  // By user and secret, not by address: a restarted runtime (on another port) keeps the spent steps.
  const who = `${secret} ${username}`;
  for (;;) {
    const now = Date.now();
    const last = lastSteps.get(who) ?? Number.NEGATIVE_INFINITY;
    // The step before the current one only while it has some seconds left, so the code does not expire on its way.
    const msLeftInStep = (totpStep(now) + 1) * 30_000 - now;
    const step = acceptedSteps(now).find((s) => s > last && (s >= totpStep(now) || msLeftInStep > 5_000));
    if (step !== undefined) {
      lastSteps.set(who, step);
      return totpCode(secret, step);
    }
    await new Promise((resolve) => setTimeout(resolve, msLeftInStep + 50));
  }
}

/** The enrolment page names the new secret in its `otpauth://` URI; a program reads it there, as an app would scan it. */
export function enrolmentSecret(html: string): string | undefined {
  const uri = /data-uri="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#38;', '&');
  return uri ? (new URL(uri).searchParams.get('secret') ?? undefined) : undefined;
}

export type SignInResult = { code: string; verifier: string; totpSecret: string | undefined };

/** Runs the flow up to the code and returns it with the verifier that belongs to it. */
export async function authorizeWithPassword(
  client: FlowClient,
  username: string,
  credentials: Credentials,
): Promise<SignInResult> {
  const { verifier, challenge } = newPkce();
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(`${client.baseUrl}/idp/authorize`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  const page = await fetch(authorize, { redirect: 'manual' });
  const interaction = /name="interaction" value="([^"]+)"/.exec(await page.text())?.[1];
  if (page.status !== 200 || !interaction) throw new Error(`authorize answered ${page.status}`);

  const post = (fields: Record<string, string>) =>
    fetch(`${client.baseUrl}/idp/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ interaction, ...fields }),
    });
  let totpSecret = credentials.totpSecret;
  let answer = await post({ username, password: credentials.password });
  // Each step's page names the field it wants next.
  for (let steps = 0; answer.status === 200 && steps < 3; steps++) {
    const html = await answer.text();
    if (html.includes('name="newPassword"')) {
      if (!credentials.newPassword)
        throw new Error(`${username} must choose a new password: give newPassword`);
      answer = await post({ newPassword: credentials.newPassword, confirmPassword: credentials.newPassword });
    } else if (html.includes('name="code"')) {
      totpSecret = enrolmentSecret(html) ?? totpSecret;
      if (!totpSecret) throw new Error(`${username} needs a TOTP code: give totpSecret`);
      answer = await post({ code: await nextTotpCode(client.baseUrl, username, totpSecret) });
    } else break;
  }
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) throw new Error(`sign-in as ${username} answered ${answer.status}`);
  const back = new URL(location);
  const code = back.searchParams.get('code');
  if (!code || back.searchParams.get('state') !== state) throw new Error('sign-in returned no code');
  return { code, verifier, totpSecret };
}

export async function exchangeCode(client: FlowClient, code: string, verifier: string): Promise<Response> {
  return fetch(`${client.baseUrl}/idp/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: client.redirectUri,
      client_id: client.clientId,
      code_verifier: verifier,
    }),
  });
}

export async function signInWithPassword(
  client: FlowClient,
  username: string,
  credentials: Credentials,
): Promise<Tokens & { totpSecret: string | undefined }> {
  const { code, verifier, totpSecret } = await authorizeWithPassword(client, username, credentials);
  const response = await exchangeCode(client, code, verifier);
  if (!response.ok) throw new Error(`token exchange answered ${response.status}`);
  const body = (await response.json()) as {
    access_token: string;
    id_token: string;
    refresh_token?: string;
    expires_in: number;
  };
  return {
    accessToken: body.access_token,
    idToken: body.id_token,
    expiresIn: body.expires_in,
    totpSecret,
    ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}),
  };
}
