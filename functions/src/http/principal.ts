import { CentreId } from '@crux/domain/centre';
import { isCentreRole, Role } from '@crux/domain/roles';

/** Who is calling, as the verified access token says. */
export type Principal = {
  subject: string;
  /** The username, when the token carries one (Cognito's and the local provider's access tokens do). */
  username?: string;
  role: Role;
  /** Only for centre roles (staff, leader, volunteer). */
  centre?: CentreId;
};

/**
 * The claims of a verified access token (token.ts) as a caller: role and centre must be well-formed and
 * consistent (a centre role has exactly one centre, the others none). Anything off is no identity at all.
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal | undefined {
  if (claims.token_use !== 'access') return undefined;
  const subject = claims.sub;
  const role = Role.safeParse(claims.role);
  if (typeof subject !== 'string' || subject.length === 0 || !role.success) return undefined;
  const username =
    typeof claims.username === 'string' && /^[\w.@+-]{1,128}$/.test(claims.username)
      ? { username: claims.username }
      : {};
  if (isCentreRole(role.data)) {
    const centre = CentreId.safeParse(claims.centre);
    return centre.success ? { subject, ...username, role: role.data, centre: centre.data } : undefined;
  }
  return claims.centre === undefined ? { subject, ...username, role: role.data } : undefined;
}
