import type { Role } from '@crux/domain/roles';
import { nb } from '../i18n/messages-nb';

/** What the client needs from the access token. The API verifies the token; the client only reads it. */
export type Claims = {
  sub: string;
  role: Role;
  centre?: string;
  /** A participant's own participant id: the one plan they may open. */
  participant?: string;
  name: string;
  /** Seconds since the epoch. */
  exp: number;
};

function decodeSegment(segment: string): unknown {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * The role labels are checked against `Role` (`satisfies Record<Role, string>`), so their keys are exactly
 * the roles; reading them instead of the zod enum keeps zod out of the first page's bundle.
 */
const isRole = (value: unknown): value is Role => typeof value === 'string' && Object.hasOwn(nb.roles, value);

function payloadOf(token: string | undefined): Record<string, unknown> | null {
  const segment = token?.split('.')[1];
  if (!segment) return null;
  try {
    const decoded = decodeSegment(segment);
    return typeof decoded === 'object' && decoded !== null ? (decoded as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Role and centre come from the access token, the token the API checks. The ID token only lends the
 * person's name for the header (Cognito's access tokens carry just the username).
 */
export function decodeClaims(accessToken: string, idToken?: string): Claims | null {
  const body = payloadOf(accessToken);
  if (!body) return null;
  const { sub, role, centre, participant, exp } = body;
  if (typeof sub !== 'string' || !isRole(role) || typeof exp !== 'number') return null;
  if (centre !== undefined && typeof centre !== 'string') return null;
  const id = payloadOf(idToken);
  const shownName = [id?.name, body.name, body.username, id?.['cognito:username']].find(
    (v) => typeof v === 'string',
  );
  return {
    sub,
    role,
    exp,
    name: typeof shownName === 'string' ? shownName : sub,
    ...(typeof centre === 'string' ? { centre } : {}),
    ...(typeof participant === 'string' ? { participant } : {}),
  };
}
