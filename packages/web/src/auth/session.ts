import { type Claims, decodeClaims } from './claims';

/**
 * The signed-in session lives in sessionStorage: it survives the reload and the round trip to the
 * identity provider when a session expires (so nothing typed is lost), but not the closing of the tab,
 * and it is never shared with other tabs or left on a shared computer after the browser closes. The CSP
 * allows scripts from the app's own origin only, which is what keeps other scripts away from it. The
 * refresh token lives there too: with it the client renews its 15-minute access token before it runs out
 * (oidc.ts), as it would against Cognito, so a form is never interrupted while the session lasts.
 */
export type Session = { accessToken: string; idToken?: string; refreshToken?: string; claims: Claims };

/** Exported for the bench, which signs each user in once and hands the session to each audit's tab. */
export const SESSION_KEY = 'crux.session';
/** Treat a token as expired a little early so a request never leaves with one that dies on the way. */
const EXPIRY_MARGIN_SECONDS = 30;

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as { accessToken?: unknown; idToken?: unknown; refreshToken?: unknown };
    if (typeof stored.accessToken !== 'string') return null;
    const idToken = typeof stored.idToken === 'string' ? stored.idToken : undefined;
    const refreshToken = typeof stored.refreshToken === 'string' ? stored.refreshToken : undefined;
    const claims = decodeClaims(stored.accessToken, idToken);
    if (!claims) return null;
    return {
      accessToken: stored.accessToken,
      claims,
      ...(idToken ? { idToken } : {}),
      ...(refreshToken ? { refreshToken } : {}),
    };
  } catch {
    return null;
  }
}

export function saveSession(
  accessToken: string,
  idToken: string | undefined,
  refreshToken: string | undefined,
): Session | null {
  const claims = decodeClaims(accessToken, idToken);
  if (!claims) return null;
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ accessToken, idToken, refreshToken }));
  return { accessToken, claims, ...(idToken ? { idToken } : {}), ...(refreshToken ? { refreshToken } : {}) };
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

export function isExpired(session: Session, nowMs = Date.now()): boolean {
  return session.claims.exp - EXPIRY_MARGIN_SECONDS <= nowMs / 1000;
}

/**
 * When to renew the access token: shortly before the client would count it expired, so a request never
 * waits for a refresh while the session lasts. Never sooner than a second from now.
 */
export function refreshDelayMs(session: Session, nowMs = Date.now()): number {
  return Math.max(1000, (session.claims.exp - EXPIRY_MARGIN_SECONDS - 10) * 1000 - nowMs);
}
