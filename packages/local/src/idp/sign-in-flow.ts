import { createHash, randomBytes } from 'node:crypto';

/**
 * The browser's sign-in, done over HTTP by a program: authorize with PKCE, post the sign-in form,
 * follow the redirect to get the code, exchange it. Demo data and tests use it so that every token
 * they hold was issued through the same flow the web client uses.
 */
export type FlowClient = { baseUrl: string; clientId: string; redirectUri: string };

export type Tokens = { accessToken: string; idToken: string; refreshToken?: string; expiresIn: number };

export function newPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Runs the flow up to the code and returns it with the verifier that belongs to it. */
export async function authorizeWithPassword(
  client: FlowClient,
  username: string,
  password: string,
): Promise<{ code: string; verifier: string }> {
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
  const html = await page.text();
  const interaction = /name="interaction" value="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !interaction) throw new Error(`authorize answered ${page.status}`);

  const login = await fetch(`${client.baseUrl}/idp/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ interaction, username, password }),
  });
  const location = login.headers.get('location');
  if (login.status !== 302 || !location) throw new Error(`sign-in as ${username} answered ${login.status}`);
  const back = new URL(location);
  const code = back.searchParams.get('code');
  if (!code || back.searchParams.get('state') !== state) throw new Error('sign-in returned no code');
  return { code, verifier };
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
  password: string,
): Promise<Tokens> {
  const { code, verifier } = await authorizeWithPassword(client, username, password);
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
    ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}),
  };
}
