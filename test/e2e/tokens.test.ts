import { tokenLifetimes } from '@crux/api/identity-settings';
import { unauthorized as unauthorizedError } from '@crux/domain/errors';
import { demoUser } from '@crux/local/demo-users';
import { loadOrCreateSigningKey } from '@crux/local/idp/signing-key';
import { issueTokens } from '@crux/local/idp/tokens';
import { base64url, decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime, type TestRuntime } from './harness';

/**
 * Tokens against the real runtime: the function verifies the token itself, as it does in AWS, and
 * every refusal is the same 401 in the one error shape, so a caller cannot tell a forged signature from
 * a refused claim.
 */
let t: TestRuntime;
const path = '/api/centres/ovre-eiker/participants';
const unauthorized = { error: unauthorizedError() };
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  // The harness registers the demo centres (the admin through the API): the positive control needs one.
  t = await startTestRuntime({ seedDemo: false });
});
afterAll(async () => {
  await t?.runtime.stop();
});

/** A token signed with the runtime's own key, so only the claim under test is wrong. */
async function forged(over: { issuer?: string; clientId?: string; now?: number; ttl?: number } = {}) {
  const tokens = await issueTokens({
    key: t.key,
    issuer: over.issuer ?? t.runtime.issuer,
    user: demoUser('ansatt.ovre-eiker'),
    clientId: over.clientId ?? t.runtime.clientId,
    scope: 'openid',
    authTime: now(),
    accessTtlSeconds: over.ttl ?? 600,
    idTtlSeconds: over.ttl ?? 600,
    now: over.now ?? now(),
  });
  return tokens;
}

describe('the API refuses every token it must, with one answer', () => {
  it('accepts a good access token from the sign-in flow (the control)', async () => {
    const answer = await t.call('GET', path, { token: await t.token('ansatt.ovre-eiker') });
    expect(answer.status).toBe(200);
  });

  it('accepts a forged-with-the-real-key token whose claims are all right (so the refusals below test one claim each)', async () => {
    const answer = await t.call('GET', path, { token: (await forged()).accessToken });
    expect(answer.status).toBe(200);
  });

  it('refuses a request without a token', async () => {
    const answer = await t.call('GET', path);
    expect(answer).toMatchObject({ status: 401, body: unauthorized });
  });

  it('refuses alg none', async () => {
    const real = decodeJwt(await t.token('ansatt.ovre-eiker'));
    const header = base64url.encode(JSON.stringify({ alg: 'none', kid: t.key.kid }));
    const token = `${header}.${base64url.encode(JSON.stringify(real))}.`;
    expect(await t.call('GET', path, { token })).toMatchObject({ status: 401, body: unauthorized });
  });

  it('refuses an HS256 token keyed with the public modulus, the classic key-confusion attack', async () => {
    const { SignJWT } = await import('jose');
    const secret = new TextEncoder().encode(String(t.key.publicJwk.n));
    const token = await new SignJWT(decodeJwt(await t.token('ansatt.ovre-eiker')))
      .setProtectedHeader({ alg: 'HS256', kid: t.key.kid })
      .sign(secret);
    expect(await t.call('GET', path, { token })).toMatchObject({ status: 401, body: unauthorized });
  });

  it('refuses a token it accepted before once that token has expired (a verified token is remembered, its expiry checked again on every call)', async () => {
    const { accessToken } = await forged({ ttl: 2 });
    expect((await t.call('GET', path, { token: accessToken })).status).toBe(200);
    expect((await t.call('GET', path, { token: accessToken })).status).toBe(200);
    const exp = Number(decodeJwt(accessToken).exp);
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
    expect(await t.call('GET', path, { token: accessToken })).toMatchObject({
      status: 401,
      body: unauthorized,
    });
  });

  it('refuses an expired token', async () => {
    const { accessToken } = await forged({ now: now() - 3600, ttl: 600 });
    expect(await t.call('GET', path, { token: accessToken })).toMatchObject({
      status: 401,
      body: unauthorized,
    });
  });

  it('refuses a foreign issuer, signed with our key or with its own', async () => {
    const ours = await forged({ issuer: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_other' });
    expect(await t.call('GET', path, { token: ours.accessToken })).toMatchObject({
      status: 401,
      body: unauthorized,
    });
    const foreignKey = await loadOrCreateSigningKey(undefined);
    const theirs = await issueTokens({
      key: foreignKey,
      issuer: 'https://idp.example/other',
      user: demoUser('ansatt.ovre-eiker'),
      clientId: t.runtime.clientId,
      scope: 'openid',
      authTime: now(),
      accessTtlSeconds: 600,
      idTtlSeconds: 600,
    });
    expect(await t.call('GET', path, { token: theirs.accessToken })).toMatchObject({
      status: 401,
      body: unauthorized,
    });
  });

  it('refuses a token for another app client', async () => {
    const { accessToken } = await forged({ clientId: 'another-app-client' });
    expect(await t.call('GET', path, { token: accessToken })).toMatchObject({
      status: 401,
      body: unauthorized,
    });
  });

  it('refuses a tampered signature and a tampered payload', async () => {
    const [h, p, s] = (await t.token('ansatt.ovre-eiker')).split('.') as [string, string, string];
    const flipped = `${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    expect(await t.call('GET', path, { token: `${h}.${p}.${flipped}` })).toMatchObject({ status: 401 });
    const claims = decodeJwt(`${h}.${p}.${s}`);
    const promoted = base64url.encode(JSON.stringify({ ...claims, role: 'leader' }));
    expect(await t.call('GET', path, { token: `${h}.${promoted}.${s}` })).toMatchObject({
      status: 401,
      body: unauthorized,
    });
  });

  it('refuses an ID token of the same issuer and client by its token_use, with the same answer', async () => {
    const { idToken } = await t.signIn('ansatt.ovre-eiker');
    const answer = await t.call('GET', path, { token: idToken });
    expect(answer).toMatchObject({ status: 401, body: unauthorized });
  });
});

describe('the tokens the identity provider issues', () => {
  it('are RS256 with a kid from the JWKS, and shaped like Cognito access and ID tokens', async () => {
    const tokens = await t.signIn('ansatt.ovre-eiker');
    const jwks = (await (await fetch(`${t.runtime.issuer}/jwks.json`)).json()) as { keys: { kid: string }[] };
    const header = decodeProtectedHeader(tokens.accessToken);
    expect(header.alg).toBe('RS256');
    expect(jwks.keys.map((k) => k.kid)).toContain(header.kid);

    const access = decodeJwt(tokens.accessToken);
    expect(access).toMatchObject({
      iss: t.runtime.issuer,
      sub: demoUser('ansatt.ovre-eiker').sub,
      client_id: t.runtime.clientId,
      token_use: 'access',
      scope: 'openid',
      username: 'ansatt.ovre-eiker',
      role: 'staff',
      centre: 'ovre-eiker',
    });
    expect(access.aud).toBeUndefined();
    expect(typeof access.jti).toBe('string');
    // As the CDK app's app client: 15 minutes.
    expect((access.exp as number) - (access.iat as number)).toBe(tokenLifetimes.accessTokenSeconds);

    const id = decodeJwt(tokens.idToken);
    expect(id).toMatchObject({ iss: t.runtime.issuer, aud: t.runtime.clientId, token_use: 'id' });
  });

  it('carry no centre for roles above the centres', async () => {
    for (const username of ['hovedkontor', 'erfaringsnettverket', 'admin']) {
      const access = decodeJwt(await t.token(username));
      expect(access.role).toBe(demoUser(username).role);
      expect(access).not.toHaveProperty('centre');
    }
  });
});
