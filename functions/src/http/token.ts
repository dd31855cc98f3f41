import { JwtVerifier } from 'aws-jwt-verify/jwt-verifier';
import { type Principal, principalFromClaims } from './principal';

/**
 * The API's one check of who is calling, in the function itself rather than in API Gateway's JWT
 * authorizer: an authorizer's refusal has a body of its own that an HTTP API cannot reshape, so a caller
 * could tell a forged signature (authorizer) from a well-signed token with wrong claims (function).
 * Here every refusal is the same 401 in the one error shape.
 *
 * What is checked: an RS256 signature by a key of the user pool's JWKS, the issuer, expiry (and not
 * before), that it is an access token (`token_use`, so an ID token of the same issuer is refused) of our
 * web client (`client_id`; Cognito access tokens carry no `aud`) with the `openid` scope; then the
 * claims `role` and `centre` (principal.ts).
 *
 * Settings: TOKEN_ISSUER and TOKEN_CLIENT_ID (CDK sets them from the user pool; the local runtime from
 * its identity provider). TOKEN_JWKS, set only locally, hands the keys over directly; in AWS they are
 * fetched once per cold start from the issuer's `/.well-known/jwks.json`.
 */
type Verifier = { verify(token: string): Promise<Record<string, unknown>> };

let verifier: Verifier | undefined;

function createVerifier(): Verifier {
  const issuer = process.env.TOKEN_ISSUER;
  const clientId = process.env.TOKEN_CLIENT_ID;
  if (!issuer || !clientId) throw new Error('TOKEN_ISSUER and TOKEN_CLIENT_ID must be set');
  const jwt = JwtVerifier.create({
    issuer,
    audience: null,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    scope: 'openid',
    customJwtCheck: ({ payload }) => {
      if (payload.token_use !== 'access') throw new Error('not an access token');
      if (payload.client_id !== clientId) throw new Error('not our client');
    },
  });
  const jwks = process.env.TOKEN_JWKS;
  if (jwks) jwt.cacheJwks(JSON.parse(jwks));
  return { verify: async (token) => (await jwt.verify(token)) as Record<string, unknown> };
}

/**
 * Tokens already verified by this instance, with the caller they name and when they stop being valid.
 * A warm function sees the same few tokens again and again (each user's calls within 15 minutes), and
 * checking a signature is most of what a warm call spends beyond its DynamoDB requests. A token string is
 * the same token: its signature, issuer, client and claims cannot have changed, so only the time-bound
 * checks are redone on a hit. Bounded, oldest first out; refusals are not kept.
 */
const verified = new Map<string, { principal: Principal; notBefore: number; expires: number }>();
const VERIFIED_MAX = 256;

function remembered(token: string): Principal | undefined {
  const hit = verified.get(token);
  if (!hit) return undefined;
  const now = Date.now();
  if (now >= hit.expires || now < hit.notBefore) {
    verified.delete(token);
    return undefined;
  }
  return hit.principal;
}

function remember(token: string, principal: Principal, claims: Record<string, unknown>): void {
  // A token without an expiry is verified each time rather than kept: it would be kept for ever.
  if (typeof claims.exp !== 'number') return;
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
  verified.set(token, {
    principal,
    notBefore: typeof claims.nbf === 'number' ? claims.nbf * 1000 : 0,
    expires: claims.exp * 1000,
  });
}

/** The caller, or undefined for anything but a valid access token with well-formed claims. */
export async function authenticate(authorization: string | undefined): Promise<Principal | undefined> {
  const token = /^Bearer ([A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]+\.[A-Za-z0-9_=-]+)$/.exec(authorization ?? '')?.[1];
  if (!token) return undefined;
  const known = remembered(token);
  if (known) return known;
  verifier ??= createVerifier();
  let claims: Record<string, unknown>;
  try {
    claims = await verifier.verify(token);
  } catch {
    return undefined;
  }
  const principal = principalFromClaims(claims);
  if (principal) remember(token, principal, claims);
  return principal;
}
