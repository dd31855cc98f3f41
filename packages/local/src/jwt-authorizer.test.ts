import { base64url, exportJWK, generateKeyPair, generateSecret, type JWTPayload, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsAsApiGatewayPassesThem, createJwtAuthorizer } from './jwt-authorizer';

const issuer = 'http://127.0.0.1:3000/idp';
const clientId = 'crux-web-local';

let sign: (claims: JWTPayload, header?: Record<string, unknown>) => Promise<string>;
let authorize: ReturnType<typeof createJwtAuthorizer>;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  authorize = createJwtAuthorizer({ issuer, audience: [clientId], jwks: { keys: [jwk] } });
  sign = (claims, header = {}) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1', ...header }).sign(privateKey);
});

const access = (over: JWTPayload = {}): JWTPayload => ({
  iss: issuer,
  sub: 'u1',
  client_id: clientId,
  token_use: 'access',
  scope: 'openid',
  iat: now(),
  exp: now() + 600,
  role: 'staff',
  centre: 'ovre-eiker',
  ...over,
});

describe('the JWT authorizer, as API Gateway runs it', () => {
  it('lets a good access token through, with its claims as strings and its scopes', async () => {
    const result = await authorize(`Bearer ${await sign(access())}`);
    expect(result?.claims).toMatchObject({
      sub: 'u1',
      role: 'staff',
      centre: 'ovre-eiker',
      token_use: 'access',
    });
    expect(typeof result?.claims.exp).toBe('string');
    expect(result?.scopes).toEqual(['openid']);
  });

  it('takes the token without the Bearer prefix too', async () => {
    expect(await authorize(await sign(access()))).toBeDefined();
  });

  it('refuses a missing or empty header', async () => {
    expect(await authorize(undefined)).toBeUndefined();
    expect(await authorize('Bearer ')).toBeUndefined();
  });

  it('refuses alg none', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', kid: 'k1', typ: 'JWT' }));
    const payload = base64url.encode(JSON.stringify(access()));
    expect(await authorize(`Bearer ${header}.${payload}.`)).toBeUndefined();
  });

  it('refuses an HMAC-signed token', async () => {
    const token = await new SignJWT(access())
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .sign(await generateSecret('HS256'));
    expect(await authorize(`Bearer ${token}`)).toBeUndefined();
  });

  it('refuses an expired token, one not yet valid, and one issued in the future', async () => {
    expect(await authorize(`Bearer ${await sign(access({ exp: now() - 1 }))}`)).toBeUndefined();
    expect(await authorize(`Bearer ${await sign(access({ nbf: now() + 300 }))}`)).toBeUndefined();
    expect(await authorize(`Bearer ${await sign(access({ iat: now() + 300 }))}`)).toBeUndefined();
  });

  it('refuses a token without exp', async () => {
    const { exp: _exp, ...noExp } = access();
    expect(await authorize(`Bearer ${await sign(noExp)}`)).toBeUndefined();
  });

  it('refuses a foreign issuer', async () => {
    expect(
      await authorize(`Bearer ${await sign(access({ iss: 'https://evil.example/idp' }))}`),
    ).toBeUndefined();
  });

  it('checks aud when present, and client_id only when there is no aud', async () => {
    expect(await authorize(`Bearer ${await sign(access({ client_id: 'other-app' }))}`)).toBeUndefined();
    expect(
      await authorize(`Bearer ${await sign(access({ aud: clientId, client_id: 'other' }))}`),
    ).toBeDefined();
    expect(
      await authorize(`Bearer ${await sign(access({ aud: 'other-app', client_id: clientId }))}`),
    ).toBeUndefined();
    const { client_id: _c, ...neither } = access();
    expect(await authorize(`Bearer ${await sign(neither)}`)).toBeUndefined();
  });

  it('refuses a tampered payload and an unknown key id', async () => {
    const [h, , s] = (await sign(access())).split('.');
    const forged = base64url.encode(JSON.stringify(access({ centre: 'tromso' })));
    expect(await authorize(`Bearer ${h}.${forged}.${s}`)).toBeUndefined();
    expect(await authorize(`Bearer ${await sign(access(), { kid: 'k2' })}`)).toBeUndefined();
  });

  it('refuses a token signed by another RSA key under the same kid', async () => {
    const other = await generateKeyPair('RS256');
    const token = await new SignJWT(access())
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .sign(other.privateKey);
    expect(await authorize(`Bearer ${token}`)).toBeUndefined();
  });

  it('lets an ID token through: only the function can tell it from an access token', async () => {
    const id = access({ token_use: 'id', aud: clientId });
    expect((await authorize(`Bearer ${await sign(id)}`))?.claims.token_use).toBe('id');
  });
});

describe('claims as API Gateway passes them', () => {
  it('prints numbers and booleans and writes arrays as [a b]', () => {
    expect(claimsAsApiGatewayPassesThem({ exp: 5, ok: true, groups: ['a', 'b'], name: 'x' })).toEqual({
      exp: '5',
      ok: 'true',
      groups: '[a b]',
      name: 'x',
    });
  });
});
