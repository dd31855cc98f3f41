import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JSONWebKeySet } from 'jose';
import { BodyIncomplete, BodyTooLarge, cookies, readBody, redirect, sendJson } from '../http';
import { ExpiringMap } from './expiring-map';
import { errorPage, type FormError, signedOutPage, signInPage } from './pages';
import type { SigningKey } from './signing-key';
import { type Locale, localeFrom, texts } from './texts';
import { issueTokens } from './tokens';
import type { IdpUser, UserDirectory } from './users';

export type IdpClient = {
  clientId: string;
  /** Exact matches only, as Cognito's callback URLs. */
  redirectUris: readonly string[];
  postLogoutRedirectUris: readonly string[];
};

export type IdpOptions = {
  /** `${runtime url}/idp`: the `iss` of every token and the base of every endpoint. */
  issuer: string;
  key: SigningKey;
  users: UserDirectory;
  clients: readonly IdpClient[];
  accessTokenTtlSeconds?: number;
  /**
   * What Cognito's pre-token trigger decides, asked before every token (sign-in and refresh): throws to
   * refuse, with the text the person is shown. By default everyone the directory knows is let in.
   */
  admit?: (user: IdpUser) => Promise<void>;
};

export type IdentityProvider = {
  issuer: string;
  jwks: JSONWebKeySet;
  /** Serves a request whose path starts with `/idp/`. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
};

type AuthRequest = {
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  scope: string;
  nonce: string | undefined;
  locale: Locale;
};

type Session = { sub: string; authTime: number };
type Grant = { sub: string; clientId: string; scope: string; authTime: number; sessionId: string };

const SESSION_COOKIE = 'crux_idp_session';
const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
const INTERACTION_TTL_MS = 10 * 60 * 1000;
/** Codes are for an immediate exchange; Cognito's last five minutes, a shorter life costs nothing here. */
const CODE_TTL_MS = 60 * 1000;
const REFRESH_TTL_MS = 12 * 60 * 60 * 1000;
const FORM_LIMIT = 8 * 1024;
const MAX_FAILURES = 5;
const LOCKOUT_MS = 60 * 1000;
const SUPPORTED_SCOPES = new Set(['openid', 'profile']);
/** RFC 7636: a verifier is 43–128 unreserved characters; an S256 challenge is 43 base64url characters. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

const newId = () => randomBytes(32).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);

export function createIdentityProvider(options: IdpOptions): IdentityProvider {
  const { issuer, key, users } = options;
  const admit = options.admit ?? (async () => undefined);
  /** The refusal's text, or undefined when the user may have tokens. */
  const refusalFor = (user: IdpUser) =>
    admit(user).then(
      () => undefined,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
  const ttlSeconds = options.accessTokenTtlSeconds ?? 60 * 60;
  const clients = new Map(options.clients.map((c) => [c.clientId, c]));
  const allowedOrigins = new Set(
    options.clients.flatMap((c) => c.redirectUris.map((u) => new URL(u).origin)),
  );
  const issuerOrigin = new URL(issuer).origin;
  const basePath = new URL(issuer).pathname.replace(/\/$/, '');

  const interactions = new ExpiringMap<AuthRequest>(INTERACTION_TTL_MS);
  const codes = new ExpiringMap<Grant & { request: AuthRequest }>(CODE_TTL_MS);
  const sessions = new ExpiringMap<Session>(SESSION_TTL_MS);
  const refreshTokens = new ExpiringMap<Grant>(REFRESH_TTL_MS);
  const failures = new ExpiringMap<number>(LOCKOUT_MS);

  const jwks: JSONWebKeySet = { keys: [key.publicJwk] };

  const discovery = {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks.json`,
    end_session_endpoint: `${issuer}/logout`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: [...SUPPORTED_SCOPES],
    ui_locales_supported: ['nb', 'en'],
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'nonce',
      'name',
      'role',
      'centre',
      'participant',
    ],
  };

  function corsHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (!origin || !allowedOrigins.has(origin)) return { vary: 'Origin' };
    return { 'access-control-allow-origin': origin, vary: 'Origin' };
  }

  function sendHtml(res: ServerResponse, status: number, render: (nonce: string) => string, extra = {}) {
    const nonce = randomBytes(16).toString('base64');
    const html = render(nonce);
    // form-action must also name the clients' origins: browsers apply it to the redirect after the POST.
    const formTargets = ["'self'", ...allowedOrigins].join(' ');
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(Buffer.byteLength(html)),
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}'; form-action ${formTargets}; frame-ancestors 'none'; base-uri 'none'`,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      // Not no-referrer: with it browsers send `Origin: null` on the form's POST, and the origin check needs the real one.
      'referrer-policy': 'same-origin',
      ...extra,
    });
    res.end(html);
  }

  function sessionOf(req: IncomingMessage): { id: string; session: Session; user: IdpUser } | undefined {
    const id = cookies(req).get(SESSION_COOKIE);
    if (!id) return undefined;
    const session = sessions.get(id);
    const user = session && users.bySub(session.sub);
    return session && user ? { id, session, user } : undefined;
  }

  const sessionCookie = (id: string, maxAgeSeconds: number) =>
    `${SESSION_COOKIE}=${id}; Path=${basePath}/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}`;

  function redirectWithCode(res: ServerResponse, request: AuthRequest, sessionId: string, session: Session) {
    const code = newId();
    codes.set(code, {
      request,
      sub: session.sub,
      clientId: request.clientId,
      scope: request.scope,
      authTime: session.authTime,
      sessionId,
    });
    const target = new URL(request.redirectUri);
    target.searchParams.set('code', code);
    if (request.state !== undefined) target.searchParams.set('state', request.state);
    redirect(res, target.toString());
  }

  function redirectWithError(
    res: ServerResponse,
    request: Pick<AuthRequest, 'redirectUri' | 'state'>,
    error: string,
    description: string,
  ) {
    const target = new URL(request.redirectUri);
    target.searchParams.set('error', error);
    target.searchParams.set('error_description', description);
    if (request.state !== undefined) target.searchParams.set('state', request.state);
    redirect(res, target.toString());
  }

  function otherLanguageHref(request: AuthRequest): string {
    const url = new URL(`${issuer}/authorize`);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: request.clientId,
      redirect_uri: request.redirectUri,
      scope: request.scope,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
      ui_locales: request.locale === 'nb' ? 'en' : 'nb',
      ...(request.state !== undefined ? { state: request.state } : {}),
      ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
    }).toString();
    return `${url.pathname}${url.search}`;
  }

  function authorize(req: IncomingMessage, res: ServerResponse, url: URL) {
    const q = url.searchParams;
    const locale = localeFrom(q.get('ui_locales'));
    const client = clients.get(q.get('client_id') ?? '');
    const redirectUri = q.get('redirect_uri') ?? '';
    // Until client and redirect address are known good, errors stay on this page: never redirect to them.
    if (!client?.redirectUris.includes(redirectUri)) {
      return sendHtml(res, 400, (nonce) => errorPage(locale, nonce, texts[locale].badClient));
    }
    const state = q.get('state') ?? undefined;
    if (q.get('response_type') !== 'code') {
      return redirectWithError(
        res,
        { redirectUri, state },
        'unsupported_response_type',
        'Only response_type=code is supported.',
      );
    }
    const codeChallenge = q.get('code_challenge') ?? '';
    if (q.get('code_challenge_method') !== 'S256' || !CHALLENGE.test(codeChallenge)) {
      return redirectWithError(
        res,
        { redirectUri, state },
        'invalid_request',
        'PKCE with code_challenge_method=S256 is required.',
      );
    }
    const scopes = (q.get('scope') ?? 'openid').split(' ').filter(Boolean);
    if (scopes.some((s) => !SUPPORTED_SCOPES.has(s))) {
      return redirectWithError(res, { redirectUri, state }, 'invalid_scope', 'Unknown scope requested.');
    }
    const request: AuthRequest = {
      clientId: client.clientId,
      redirectUri,
      state,
      codeChallenge,
      scope: scopes.join(' ') || 'openid',
      nonce: q.get('nonce') ?? undefined,
      locale,
    };
    const prompt = q.get('prompt');
    const current = sessionOf(req);
    if (current && prompt !== 'login') return redirectWithCode(res, request, current.id, current.session);
    if (prompt === 'none') return redirectWithError(res, request, 'login_required', 'No session.');

    const interaction = newId();
    interactions.set(interaction, request);
    sendHtml(res, 200, (nonce) =>
      signInPage({
        locale,
        nonce,
        interaction,
        username: '',
        errors: [],
        otherLanguageHref: otherLanguageHref(request),
      }),
    );
  }

  async function login(req: IncomingMessage, res: ServerResponse) {
    // The interaction id already ties the form to a page we served; a foreign Origin is refused outright.
    if (req.headers.origin && req.headers.origin !== issuerOrigin)
      return sendJson(res, 403, { error: 'invalid_origin' });
    const form = new URLSearchParams((await readBody(req, FORM_LIMIT)).toString('utf8'));
    const locale = localeFrom(form.get('ui_locales'));
    const t = texts[locale];
    const interaction = form.get('interaction') ?? '';
    const request = interactions.get(interaction);
    if (!request) return sendHtml(res, 400, (nonce) => errorPage(locale, nonce, t.expired));

    const username = (form.get('username') ?? '').trim().toLowerCase();
    const password = form.get('password') ?? '';
    const errors: FormError[] = [];
    if (!username) errors.push({ field: 'username', message: t.usernameRequired });
    if (!password) errors.push({ field: 'password', message: t.passwordRequired });
    let status = 400;
    const failed = failures.get(username) ?? 0;
    if (!errors.length && failed >= MAX_FAILURES) {
      status = 429;
      errors.push({ field: 'username', message: t.throttled });
    } else if (!errors.length) {
      const user = users.authenticate(username, password);
      const refused = user ? await refusalFor(user) : undefined;
      if (!user) {
        status = 401;
        failures.set(username, failed + 1);
        errors.push({ field: 'password', message: t.wrongCredentials });
      } else if (refused) {
        // Cognito shows the trigger's refusal on its sign-in page; so do we, and no session is made.
        status = 403;
        errors.push({ field: 'username', message: refused });
      } else {
        failures.delete(username);
        interactions.delete(interaction);
        const sessionId = newId();
        const session: Session = { sub: user.sub, authTime: nowSeconds() };
        sessions.set(sessionId, session);
        res.setHeader('set-cookie', sessionCookie(sessionId, SESSION_TTL_MS / 1000));
        return redirectWithCode(res, request, sessionId, session);
      }
    }
    sendHtml(res, status, (nonce) =>
      signInPage({
        locale,
        nonce,
        interaction,
        username,
        errors,
        otherLanguageHref: otherLanguageHref(request),
      }),
    );
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    const cors = corsHeaders(req);
    const fail = (status: number, error: string, description: string) =>
      sendJson(res, status, { error, error_description: description }, cors);
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim();
    if (type !== 'application/x-www-form-urlencoded') {
      return fail(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded.');
    }
    const form = new URLSearchParams((await readBody(req, FORM_LIMIT)).toString('utf8'));
    const clientId = form.get('client_id') ?? '';
    if (!clients.has(clientId)) return fail(401, 'invalid_client', 'Unknown client_id.');

    let grant: Grant;
    let nonce: string | undefined;
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      // Taken on the first attempt, right or wrong: a code never gets a second try.
      const entry = codes.take(form.get('code') ?? '');
      if (!entry || entry.clientId !== clientId)
        return fail(400, 'invalid_grant', 'The code is unknown, used or expired.');
      if (form.get('redirect_uri') !== entry.request.redirectUri) {
        return fail(400, 'invalid_grant', 'redirect_uri does not match the authorization request.');
      }
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
      if (!VERIFIER.test(verifier) || challenge !== entry.request.codeChallenge) {
        return fail(400, 'invalid_grant', 'code_verifier does not match code_challenge.');
      }
      if (!sessions.get(entry.sessionId)) return fail(400, 'invalid_grant', 'The session has ended.');
      grant = entry;
      nonce = entry.request.nonce;
    } else if (grantType === 'refresh_token') {
      const entry = refreshTokens.get(form.get('refresh_token') ?? '');
      if (!entry || entry.clientId !== clientId || !sessions.get(entry.sessionId)) {
        return fail(400, 'invalid_grant', 'The refresh token is unknown, revoked or expired.');
      }
      grant = entry;
    } else {
      return fail(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token.');
    }

    const user = users.bySub(grant.sub);
    if (!user) return fail(400, 'invalid_grant', 'The user no longer exists.');
    const refused = await refusalFor(user);
    if (refused) return fail(400, 'invalid_grant', refused);
    const tokens = await issueTokens({
      key,
      issuer,
      user,
      clientId,
      scope: grant.scope,
      authTime: grant.authTime,
      nonce,
      ttlSeconds,
    });
    let refreshToken: string | undefined;
    if (grantType === 'authorization_code') {
      refreshToken = newId();
      refreshTokens.set(refreshToken, { ...grant });
    }
    sendJson(
      res,
      200,
      {
        access_token: tokens.accessToken,
        id_token: tokens.idToken,
        token_type: 'Bearer',
        expires_in: tokens.expiresIn,
        ...(refreshToken ? { refresh_token: refreshToken } : {}),
      },
      { ...cors, pragma: 'no-cache' },
    );
  }

  function logout(req: IncomingMessage, res: ServerResponse, url: URL) {
    const q = url.searchParams;
    const locale = localeFrom(q.get('ui_locales'));
    // Cognito's /logout takes `logout_uri`; OpenID Connect's end_session_endpoint `post_logout_redirect_uri`.
    const target = q.get('post_logout_redirect_uri') ?? q.get('logout_uri');
    const client = clients.get(q.get('client_id') ?? '');
    if (target !== null && !client?.postLogoutRedirectUris.includes(target)) {
      return sendHtml(res, 400, (nonce) => errorPage(locale, nonce, texts[locale].badClient));
    }
    const current = sessionOf(req);
    const id = current?.id ?? cookies(req).get(SESSION_COOKIE);
    if (id) {
      sessions.delete(id);
      refreshTokens.deleteWhere((g) => g.sessionId === id);
    }
    const clear = { 'set-cookie': sessionCookie('', 0) };
    if (target === null) return sendHtml(res, 200, (nonce) => signedOutPage(locale, nonce), clear);
    const back = new URL(target);
    const state = q.get('state');
    if (state !== null) back.searchParams.set('state', state);
    redirect(res, back.toString(), clear);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.slice(basePath.length);
    const method = req.method ?? 'GET';
    try {
      if (
        method === 'OPTIONS' &&
        (path === '/token' || path === '/jwks.json' || path === '/.well-known/openid-configuration')
      ) {
        res.writeHead(204, {
          ...corsHeaders(req),
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'content-type',
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }
      if (method === 'GET' && path === '/.well-known/openid-configuration')
        return sendJson(res, 200, discovery, corsHeaders(req));
      if (method === 'GET' && path === '/jwks.json') return sendJson(res, 200, jwks, corsHeaders(req));
      if (method === 'GET' && path === '/authorize') return authorize(req, res, url);
      if (method === 'POST' && path === '/login') return await login(req, res);
      if (method === 'POST' && path === '/token') return await token(req, res);
      if (method === 'GET' && path === '/logout') return logout(req, res, url);
      sendJson(res, 404, { message: 'Not Found' });
    } catch (e) {
      // OAuth's error shape here, not the API's: these are the token endpoint's and sign-in form's answers.
      const refused = (status: number, description: string) =>
        sendJson(
          res,
          status,
          { error: 'invalid_request', error_description: description },
          { connection: 'close' },
        );
      if (e instanceof BodyTooLarge) return refused(413, 'Request too large.');
      if (e instanceof BodyIncomplete) return refused(408, 'The request body did not arrive in full.');
      throw e;
    }
  }

  return { issuer, jwks, handle };
}
