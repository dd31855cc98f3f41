import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { loadOrCreateSigningKey } from './signing-key';

/** The issuer and client the minted tokens name; the functions accept nothing else once `env` is applied. */
export const MINT_ISSUER = 'http://127.0.0.1/idp-tests';
export const MINT_CLIENT_ID = 'crux-tests';

export type TokenMinter = {
  /** The settings under which the functions verify these tokens (token.ts): apply before calling them. */
  env: { TOKEN_ISSUER: string; TOKEN_CLIENT_ID: string; TOKEN_JWKS: string };
  /** An access token as Cognito shapes one, with these claims on top (e.g. `role`, `centre`, `sub`). */
  accessToken(claims: Record<string, unknown>): Promise<string>;
};

let shared: Promise<TokenMinter> | undefined;

/**
 * Access tokens for the tests and the benchmark, which call the functions directly rather than signing
 * in. One key per process: the functions load the keys they trust once, at their first call. A test
 * that needs a key the functions do not trust makes one with `tokenMinter({ fresh: true })`.
 */
export function tokenMinter(options: { fresh?: boolean } = {}): Promise<TokenMinter> {
  if (options.fresh) return mint();
  shared ??= mint();
  return shared;
}

async function mint(): Promise<TokenMinter> {
  const key = await loadOrCreateSigningKey(undefined);
  return {
    env: {
      TOKEN_ISSUER: MINT_ISSUER,
      TOKEN_CLIENT_ID: MINT_CLIENT_ID,
      TOKEN_JWKS: JSON.stringify({ keys: [key.publicJwk] }),
    },
    // Claims given win over the defaults, so a test can sign an expired token or another issuer's.
    accessToken: (claims) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: MINT_ISSUER,
        sub: randomUUID(),
        iat: now,
        exp: now + 600,
        jti: randomUUID(),
        client_id: MINT_CLIENT_ID,
        token_use: 'access',
        scope: 'openid',
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: key.kid })
        .sign(key.privateKey);
    },
  };
}
