import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../http';
import { type Grant, newId, type ProviderContext } from './context';
import { issueTokens } from './tokens';

const FORM_LIMIT = 8 * 1024;
/** RFC 7636: a verifier is 43–128 unreserved characters. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (type !== 'application/x-www-form-urlencoded') return undefined;
  return new URLSearchParams((await readBody(req, FORM_LIMIT)).toString('utf8'));
}

/**
 * The token endpoint, as Cognito's answers: a code is exchanged once, and a second exchange of the same
 * code revokes the refresh token the first one gave (RFC 6749, 4.1.2); a refresh token lives on its own,
 * past the managed-login session, until it expires, is revoked, or its user is deactivated or signed out
 * everywhere; every grant asks the pre-token trigger again, so a user whose centre left the registry gets
 * no more tokens. And the revocation endpoint, where the web client ends its refresh token at sign-out.
 */
export function createTokenEndpoints(
  ctx: ProviderContext,
  cors: (req: IncomingMessage) => Record<string, string>,
) {
  const { codes, spentCodes, refreshTokens, users, lifetimes } = ctx;

  /** Tokens for a grant whose user is still allowed them since `sinceMs`; a refused grant's refresh token goes. */
  async function answer(
    res: ServerResponse,
    headers: Record<string, string>,
    grant: Grant,
    sinceMs: number,
    extra: { nonce?: string | undefined; refreshToken?: string },
  ) {
    const fail = (description: string) => {
      if (extra.refreshToken) refreshTokens.delete(extra.refreshToken);
      sendJson(res, 400, { error: 'invalid_grant', error_description: description }, headers);
    };
    const user = await users.stillValid(grant.sub, sinceMs);
    if (!user) return fail('The user is disabled, signed out or gone.');
    const refused = await ctx.refusalFor(user);
    if (refused) return fail(refused);
    const tokens = await issueTokens({
      key: ctx.key,
      issuer: ctx.issuer,
      user,
      clientId: grant.clientId,
      scope: grant.scope,
      authTime: grant.authTime,
      nonce: extra.nonce,
      accessTtlSeconds: lifetimes.accessTokenSeconds,
      idTtlSeconds: lifetimes.idTokenSeconds,
    });
    sendJson(
      res,
      200,
      {
        access_token: tokens.accessToken,
        id_token: tokens.idToken,
        token_type: 'Bearer',
        expires_in: tokens.expiresIn,
        ...(extra.refreshToken ? { refresh_token: extra.refreshToken } : {}),
      },
      { ...headers, pragma: 'no-cache' },
    );
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    const headers = cors(req);
    const fail = (status: number, error: string, description: string) =>
      sendJson(res, status, { error, error_description: description }, headers);
    const form = await readForm(req);
    if (!form) return fail(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded.');
    const clientId = form.get('client_id') ?? '';
    if (!ctx.clientIds.has(clientId)) return fail(401, 'invalid_client', 'Unknown client_id.');

    const grantType = form.get('grant_type');
    if (grantType === 'refresh_token') {
      const entry = refreshTokens.get(form.get('refresh_token') ?? '');
      if (!entry || entry.clientId !== clientId)
        return fail(400, 'invalid_grant', 'The refresh token is unknown, revoked or expired.');
      return answer(res, headers, entry, entry.issuedAtMs, {});
    }
    if (grantType !== 'authorization_code')
      return fail(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token.');

    const code = form.get('code') ?? '';
    // Taken on the first attempt, right or wrong: a code never gets a second try.
    const entry = codes.take(code);
    if (!entry || entry.clientId !== clientId) {
      const issued = spentCodes.take(code);
      if (issued) refreshTokens.delete(issued);
      return fail(400, 'invalid_grant', 'The code is unknown, used or expired.');
    }
    if (form.get('redirect_uri') !== entry.request.redirectUri) {
      return fail(400, 'invalid_grant', 'redirect_uri does not match the authorization request.');
    }
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
    if (!VERIFIER.test(verifier) || challenge !== entry.request.codeChallenge) {
      return fail(400, 'invalid_grant', 'code_verifier does not match code_challenge.');
    }
    const session = ctx.sessions.get(entry.sessionId);
    if (!session) return fail(400, 'invalid_grant', 'The session has ended.');
    const grant: Grant = {
      sub: entry.sub,
      clientId,
      scope: entry.scope,
      authTime: entry.authTime,
      issuedAtMs: Date.now(),
    };
    const refreshToken = newId();
    refreshTokens.set(refreshToken, grant);
    spentCodes.set(code, refreshToken);
    return answer(res, headers, grant, session.startedMs, { nonce: entry.request.nonce, refreshToken });
  }

  /** RFC 7009, as Cognito's `/oauth2/revoke`: 200 whether or not the token was known. */
  async function revoke(req: IncomingMessage, res: ServerResponse) {
    const headers = cors(req);
    const form = await readForm(req);
    if (!form) return sendJson(res, 400, { error: 'invalid_request' }, headers);
    const entry = refreshTokens.get(form.get('token') ?? '');
    if (entry && entry.clientId !== form.get('client_id'))
      return sendJson(res, 400, { error: 'invalid_client' }, headers);
    if (entry) refreshTokens.delete(form.get('token') ?? '');
    res.writeHead(200, { ...headers, 'cache-control': 'no-store', 'content-length': '0' });
    res.end();
  }

  return { token, revoke };
}
