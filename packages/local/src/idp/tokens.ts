import { randomUUID } from 'node:crypto';
import { tenantClaims } from '@crux/functions/pre-token/handler';
import { SignJWT } from 'jose';
import type { SigningKey } from './signing-key';
import type { IdpUser } from './users';

export type TokenRequest = {
  key: SigningKey;
  issuer: string;
  user: IdpUser;
  clientId: string;
  scope: string;
  /** Epoch seconds of the sign-in that this session started with. */
  authTime: number;
  nonce?: string | undefined;
  accessTtlSeconds: number;
  idTtlSeconds: number;
  /** Epoch seconds; tests pass a time to issue tokens that are already expired. */
  now?: number;
};

export type IssuedTokens = { accessToken: string; idToken: string; expiresIn: number };

/** The user's custom attributes as Cognito names them, as its pre-token trigger receives them. */
export function cognitoAttributes(user: IdpUser): Record<string, string> {
  return {
    'custom:role': user.role,
    ...(user.centre ? { 'custom:centre': user.centre } : {}),
    ...(user.participant ? { 'custom:participant': user.participant } : {}),
  };
}

/**
 * Claims shaped like Cognito's: the access token carries `client_id` and `token_use: 'access'` and no
 * `aud`; the ID token has `aud` = client id and `token_use: 'id'`. `role` and `centre` are what the
 * pre-token-generation trigger adds in AWS; the ID token has the user's attributes as Cognito names them.
 */
export async function issueTokens(request: TokenRequest): Promise<IssuedTokens> {
  const { key, issuer, user, clientId, scope, authTime, nonce, accessTtlSeconds, idTtlSeconds } = request;
  const iat = request.now ?? Math.floor(Date.now() / 1000);
  const originJti = randomUUID();
  const attributes = cognitoAttributes(user);

  const accessToken = await new SignJWT({
    client_id: clientId,
    origin_jti: originJti,
    event_id: randomUUID(),
    token_use: 'access',
    scope,
    auth_time: authTime,
    username: user.username,
    // The very function Cognito's pre-token-generation trigger runs, so both put the same claims here.
    ...tenantClaims(attributes),
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setIssuer(issuer)
    .setSubject(user.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + accessTtlSeconds)
    .setJti(randomUUID())
    .sign(key.privateKey);

  const idToken = await new SignJWT({
    origin_jti: originJti,
    token_use: 'id',
    auth_time: authTime,
    'cognito:username': user.username,
    name: user.name,
    ...attributes,
    ...(nonce ? { nonce } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setIssuer(issuer)
    .setSubject(user.sub)
    .setAudience(clientId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + idTtlSeconds)
    .setJti(randomUUID())
    .sign(key.privateKey);

  return { accessToken, idToken, expiresIn: accessTtlSeconds };
}
