import { signInLanguageParam } from '@crux/api/identity-settings';
import type { RuntimeConfig } from '../config';
import type { Language } from '../i18n/language';
import { randomToken, s256Challenge } from './pkce';
import { clearSession, type Session, saveSession } from './session';

/**
 * Authorization code flow with PKCE, the same against the local identity provider and Cognito: both
 * publish a discovery document, and the app only ever talks to the endpoints it names.
 */
type Discovery = {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
};

type PendingSignIn = { state: string; verifier: string; returnTo: string };

const PENDING_KEY = 'crux.auth.pending';
export const CALLBACK_PATH = '/auth/callback';

let discovery: Promise<Discovery> | null = null;

function discover(config: RuntimeConfig): Promise<Discovery> {
  discovery ??= fetch(`${config.authority}/.well-known/openid-configuration`)
    .then(async (response) => {
      if (!response.ok) throw new Error(`discovery answered ${response.status}`);
      const doc = (await response.json()) as Partial<Discovery>;
      if (typeof doc.authorization_endpoint !== 'string' || typeof doc.token_endpoint !== 'string') {
        throw new Error('discovery document lacks endpoints');
      }
      return doc as Discovery;
    })
    .catch((error: unknown) => {
      discovery = null;
      throw error;
    });
  return discovery;
}

const redirectUri = () => `${location.origin}${CALLBACK_PATH}`;

/** Only paths of this app: a crafted returnTo must not send the user to another site after sign-in. */
function safeReturnTo(path: string): string {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith(CALLBACK_PATH) ? path : '/';
}

export async function beginSignIn(
  config: RuntimeConfig,
  language: Language,
  returnTo: string,
): Promise<void> {
  const endpoints = await discover(config);
  const pending: PendingSignIn = {
    state: randomToken(),
    verifier: randomToken(48),
    returnTo: safeReturnTo(returnTo),
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(endpoints.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid',
    state: pending.state,
    code_challenge: await s256Challenge(pending.verifier),
    code_challenge_method: 'S256',
    // Cognito's managed login reads `lang` and ignores OpenID Connect's ui_locales; the local provider
    // reads `lang` too. Both are sent, so any provider that reads either shows the user's language.
    [signInLanguageParam]: language,
    ui_locales: language,
  }).toString();
  location.assign(url.toString());
}

export type CallbackResult = { ok: true; session: Session; returnTo: string } | { ok: false };

export async function completeSignIn(config: RuntimeConfig, search: string): Promise<CallbackResult> {
  const params = new URLSearchParams(search);
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!raw) return { ok: false };
  const pending = JSON.parse(raw) as PendingSignIn;
  const code = params.get('code');
  if (!code || params.get('state') !== pending.state) return { ok: false };
  try {
    const endpoints = await discover(config);
    const response = await fetch(endpoints.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri(),
        client_id: config.clientId,
        code_verifier: pending.verifier,
      }),
    });
    if (!response.ok) return { ok: false };
    const session = sessionOf(await response.json(), undefined);
    return session ? { ok: true, session, returnTo: safeReturnTo(pending.returnTo) } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/** A token endpoint's answer as the session; a refresh answer has no refresh token and keeps the one used. */
function sessionOf(answer: unknown, refreshToken: string | undefined): Session | null {
  const tokens = answer as { access_token?: unknown; id_token?: unknown; refresh_token?: unknown };
  if (typeof tokens.access_token !== 'string') return null;
  const refresh = typeof tokens.refresh_token === 'string' ? tokens.refresh_token : refreshToken;
  return saveSession(
    tokens.access_token,
    typeof tokens.id_token === 'string' ? tokens.id_token : undefined,
    refresh,
  );
}

/**
 * New access and ID tokens for the refresh token, as Cognito gives them (it does not rotate the refresh
 * token). Null when the provider refuses (the refresh token expired or was revoked, the account was
 * deactivated) or cannot be reached: the session has ended, and the client signs in again, drafts kept.
 */
export async function refreshSession(config: RuntimeConfig, session: Session): Promise<Session | null> {
  if (!session.refreshToken) return null;
  try {
    const endpoints = await discover(config);
    const response = await fetch(endpoints.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: session.refreshToken,
        client_id: config.clientId,
      }),
    });
    if (!response.ok) return null;
    const next = sessionOf(await response.json(), session.refreshToken);
    // Another user's tokens for this refresh token would be a provider's fault: never swap users here.
    return next && next.claims.sub === session.claims.sub ? next : null;
  } catch {
    return null;
  }
}

/**
 * Where the provider revokes a refresh token (RFC 7009): beside its token endpoint, as Cognito's
 * `/oauth2/revoke` is beside `/oauth2/token` (its discovery document names no `revocation_endpoint`), and
 * the local provider's `/revoke` beside its `/token`, so the client finds it the same way in both.
 */
export const revocationEndpoint = (tokenEndpoint: string): string =>
  tokenEndpoint.replace(/\/token$/, '/revoke');

/** How long sign-out waits for the revocation before it leaves anyway. */
const REVOKE_TIMEOUT_MS = 3000;

/**
 * Revokes the session's refresh token, so that no one who finds it (in this browser's storage, in a
 * proxy's log) can get tokens with it after sign-out: the provider's logout ends its own session, not
 * the refresh token. A provider that cannot be reached leaves it to expire.
 */
async function revokeRefreshToken(config: RuntimeConfig, session: Session | null): Promise<void> {
  if (!session?.refreshToken) return;
  try {
    const { token_endpoint } = await discover(config);
    await fetch(revocationEndpoint(token_endpoint), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: session.refreshToken, client_id: config.clientId }),
      keepalive: true,
      signal: AbortSignal.timeout(REVOKE_TIMEOUT_MS),
    });
  } catch {
    // Signed out here all the same; the refresh token lives until it expires.
  }
}

/**
 * Ends the local session at once, revokes the refresh token, then ends the provider's session, so a
 * failing provider never keeps anyone signed in here.
 */
export async function signOut(config: RuntimeConfig, session: Session | null): Promise<void> {
  clearSession();
  await revokeRefreshToken(config, session);
  const home = `${location.origin}/`;
  if (config.logoutUrl) {
    const url = new URL(config.logoutUrl);
    url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: home }).toString();
    location.assign(url.toString());
    return;
  }
  try {
    const { end_session_endpoint } = await discover(config);
    if (end_session_endpoint) {
      const url = new URL(end_session_endpoint);
      url.search = new URLSearchParams({
        client_id: config.clientId,
        post_logout_redirect_uri: home,
        ...(session?.idToken ? { id_token_hint: session.idToken } : {}),
      }).toString();
      location.assign(url.toString());
      return;
    }
  } catch {
    // The local session is gone already; the provider's will end when it expires.
  }
  location.assign(home);
}
