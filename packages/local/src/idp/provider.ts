import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { signInLanguageParam, tokenLifetimes } from '@crux/api/identity-settings';
import type { JSONWebKeySet } from 'jose';
import { BodyIncomplete, BodyTooLarge, cookies, redirect, sendJson } from '../http';
import {
  type AuthRequest,
  type Interaction,
  type Lifetimes,
  newId,
  type ProviderContext,
  redirectWithCode,
  type Session,
} from './context';
import { ExpiringMap } from './expiring-map';
import { errorPage, signedOutPage, signInPage } from './pages';
import { createSignInSteps } from './sign-in-steps';
import type { SigningKey } from './signing-key';
import { localeFrom, texts } from './texts';
import { createTokenEndpoints } from './token-endpoint';
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
  /** Cognito's (identity-settings.ts) unless a test shortens them to see them run out. */
  lifetimes?: Partial<Lifetimes>;
  /**
   * What Cognito's pre-token trigger decides, asked before every token (sign-in and refresh): throws to
   * refuse, with the text the person is shown. By default everyone the directory knows is let in.
   */
  admit?: (user: IdpUser) => Promise<void>;
};

export type IdentityProvider = {
  issuer: string;
  jwks: JSONWebKeySet;
  /** Cognito's sign-out endpoint, `/logout?client_id=…&logout_uri=…`, here. */
  logoutUrl: string;
  /** Serves a request whose path starts with `/idp/`. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
};

const SESSION_COOKIE = 'crux_idp_session';
const INTERACTION_TTL_MS = 10 * 60 * 1000;
const LOCKOUT_MS = 60 * 1000;
const SUPPORTED_SCOPES = new Set(['openid', 'profile']);
/** RFC 7636: an S256 challenge is 43 base64url characters. */
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * A small OpenID Connect provider that behaves as the deployed Cognito user pool does wherever the web
 * client could tell: code flow with PKCE (S256 only), RS256 tokens shaped like Cognito's with its
 * lifetimes, the managed login's one-hour session, its `lang` parameter, its `/logout` and
 * `/oauth2/revoke`, TOTP for every account, and the pre-token trigger's checks on every grant. Its users
 * live in DynamoDB Local (users.ts).
 */
export function createIdentityProvider(options: IdpOptions): IdentityProvider {
  const { issuer, key, users } = options;
  const admit = options.admit ?? (async () => undefined);
  const lifetimes: Lifetimes = { ...tokenLifetimes, ...options.lifetimes };
  const clients = new Map(options.clients.map((c) => [c.clientId, c]));
  const allowedOrigins = new Set(
    options.clients.flatMap((c) => c.redirectUris.map((u) => new URL(u).origin)),
  );
  const issuerOrigin = new URL(issuer).origin;
  const basePath = new URL(issuer).pathname.replace(/\/$/, '');
  const jwks: JSONWebKeySet = { keys: [key.publicJwk] };

  const ctx: ProviderContext = {
    issuer,
    key,
    users,
    clientIds: new Set(clients.keys()),
    lifetimes,
    refusalFor: (user) =>
      admit(user).then(
        () => undefined,
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      ),
    interactions: new ExpiringMap(INTERACTION_TTL_MS),
    codes: new ExpiringMap(lifetimes.authorizationCodeSeconds * 1000),
    spentCodes: new ExpiringMap(2 * lifetimes.authorizationCodeSeconds * 1000),
    sessions: new ExpiringMap(lifetimes.signInSessionSeconds * 1000),
    refreshTokens: new ExpiringMap(lifetimes.refreshTokenSeconds * 1000),
    failures: new ExpiringMap(LOCKOUT_MS),
    sendHtml(res, status, render, extra = {}) {
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
    },
    sessionCookie: (id, maxAgeSeconds) =>
      `${SESSION_COOKIE}=${id}; Path=${basePath}/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}`,
  };

  const discovery = {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks.json`,
    end_session_endpoint: `${issuer}/logout`,
    revocation_endpoint: `${issuer}/revoke`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: [...SUPPORTED_SCOPES],
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

  /** The session behind the cookie, while its user may still sign in and was not signed out since. */
  async function sessionOf(req: IncomingMessage): Promise<{ id: string; session: Session } | undefined> {
    const id = cookies(req).get(SESSION_COOKIE);
    const session = id ? ctx.sessions.get(id) : undefined;
    if (!id || !session) return undefined;
    return (await users.stillValid(session.sub, session.startedMs)) ? { id, session } : undefined;
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

  function otherLanguageHref({ request }: Interaction): string {
    const url = new URL(`${issuer}/authorize`);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: request.clientId,
      redirect_uri: request.redirectUri,
      scope: request.scope,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
      [signInLanguageParam]: request.locale === 'nb' ? 'en' : 'nb',
      ...(request.state !== undefined ? { state: request.state } : {}),
      ...(request.nonce !== undefined ? { nonce: request.nonce } : {}),
    }).toString();
    return `${url.pathname}${url.search}`;
  }

  const login = createSignInSteps(ctx, otherLanguageHref);
  const { token, revoke } = createTokenEndpoints(ctx, corsHeaders);

  async function authorize(req: IncomingMessage, res: ServerResponse, url: URL) {
    const q = url.searchParams;
    const locale = localeFrom(q.get(signInLanguageParam));
    const client = clients.get(q.get('client_id') ?? '');
    const redirectUri = q.get('redirect_uri') ?? '';
    // Until client and redirect address are known good, errors stay on this page: never redirect to them.
    if (!client?.redirectUris.includes(redirectUri)) {
      return ctx.sendHtml(res, 400, (nonce) => errorPage(locale, nonce, texts[locale].badClient));
    }
    const state = q.get('state') ?? undefined;
    if (q.get('response_type') !== 'code') {
      const description = 'Only response_type=code is supported.';
      return redirectWithError(res, { redirectUri, state }, 'unsupported_response_type', description);
    }
    const codeChallenge = q.get('code_challenge') ?? '';
    if (q.get('code_challenge_method') !== 'S256' || !CHALLENGE.test(codeChallenge)) {
      const description = 'PKCE with code_challenge_method=S256 is required.';
      return redirectWithError(res, { redirectUri, state }, 'invalid_request', description);
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
    const current = await sessionOf(req);
    if (current && prompt !== 'login')
      return redirectWithCode(ctx, res, request, current.id, current.session);
    if (prompt === 'none') return redirectWithError(res, request, 'login_required', 'No session.');

    const id = newId();
    const interaction: Interaction = { request, step: { kind: 'password' } };
    ctx.interactions.set(id, interaction);
    ctx.sendHtml(res, 200, (nonce) =>
      signInPage({
        locale,
        nonce,
        interaction: id,
        username: '',
        errors: [],
        otherLanguageHref: otherLanguageHref(interaction),
      }),
    );
  }

  /**
   * Cognito's `/logout`: `client_id` and a registered `logout_uri` (OpenID Connect's
   * `post_logout_redirect_uri` is taken too). It ends the managed-login session only; refresh tokens
   * are ended by revoking them, which the web client does as it signs out.
   */
  function logout(req: IncomingMessage, res: ServerResponse, url: URL) {
    const q = url.searchParams;
    const locale = localeFrom(q.get(signInLanguageParam));
    const target = q.get('logout_uri') ?? q.get('post_logout_redirect_uri');
    const client = clients.get(q.get('client_id') ?? '');
    if (target !== null && !client?.postLogoutRedirectUris.includes(target)) {
      return ctx.sendHtml(res, 400, (nonce) => errorPage(locale, nonce, texts[locale].badClient));
    }
    const id = cookies(req).get(SESSION_COOKIE);
    if (id) ctx.sessions.delete(id);
    const clear = { 'set-cookie': ctx.sessionCookie('', 0) };
    if (target === null) return ctx.sendHtml(res, 200, (nonce) => signedOutPage(locale, nonce), clear);
    const back = new URL(target);
    const state = q.get('state');
    if (state !== null) back.searchParams.set('state', state);
    redirect(res, back.toString(), clear);
  }

  const preflighted = new Set(['/token', '/revoke', '/jwks.json', '/.well-known/openid-configuration']);

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname.slice(basePath.length);
    const method = req.method ?? 'GET';
    try {
      if (method === 'OPTIONS' && preflighted.has(path)) {
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
      if (method === 'GET' && path === '/authorize') return await authorize(req, res, url);
      if (method === 'POST' && path === '/login') return await login(req, res, issuerOrigin);
      if (method === 'POST' && path === '/token') return await token(req, res);
      if (method === 'POST' && path === '/revoke') return await revoke(req, res);
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

  return { issuer, jwks, logoutUrl: `${issuer}/logout`, handle };
}
