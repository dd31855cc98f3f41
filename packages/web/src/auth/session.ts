import { type Claims, decodeClaims } from './claims';

/**
 * The signed-in session lives in sessionStorage: it survives the reload and the round trip to the
 * identity provider when a session expires (so nothing typed is lost), but not the closing of the tab,
 * and it is never shared with other tabs or left on a shared computer after the browser closes. The CSP
 * allows scripts from the app's own origin only, which is what keeps other scripts away from it.
 */
export type Session = { accessToken: string; idToken?: string; claims: Claims };

const SESSION_KEY = 'crux.session';
/** Treat a token as expired a little early so a request never leaves with one that dies on the way. */
const EXPIRY_MARGIN_SECONDS = 30;

export function loadSession(): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as { accessToken?: unknown; idToken?: unknown };
    if (typeof stored.accessToken !== 'string') return null;
    const idToken = typeof stored.idToken === 'string' ? stored.idToken : undefined;
    const claims = decodeClaims(stored.accessToken, idToken);
    if (!claims) return null;
    return { accessToken: stored.accessToken, claims, ...(idToken ? { idToken } : {}) };
  } catch {
    return null;
  }
}

export function saveSession(accessToken: string, idToken: string | undefined): Session | null {
  const claims = decodeClaims(accessToken, idToken);
  if (!claims) return null;
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ accessToken, idToken }));
  return { accessToken, claims, ...(idToken ? { idToken } : {}) };
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

export function isExpired(session: Session, nowMs = Date.now()): boolean {
  return session.claims.exp - EXPIRY_MARGIN_SECONDS <= nowMs / 1000;
}
