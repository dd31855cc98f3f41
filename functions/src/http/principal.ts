import { CentreId } from '@crux/domain/centre';
import { ParticipantId } from '@crux/domain/participant';
import { Role } from '@crux/domain/role-schema';
import { isCentreRole, PARTICIPANT_ROLE } from '@crux/domain/roles';

/** Who is calling, as the verified access token says. */
export type Principal = {
  subject: string;
  /** The username, when the token carries one (Cognito's and the local provider's access tokens do). */
  username?: string;
  role: Role;
  /** Only for centre roles (staff, leader, volunteer, participant). */
  centre?: CentreId;
  /** Only for a participant: whose plan they are. */
  participant?: string;
};

/**
 * The claims of a verified access token (token.ts) as a caller: role, centre and participant must be
 * well-formed and consistent (a centre role has exactly one centre, the others none; a participant has
 * their participant id, no one else has one). Anything off is no identity at all.
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
  if (role.data === PARTICIPANT_ROLE) {
    const centre = CentreId.safeParse(claims.centre);
    const participant = ParticipantId.safeParse(claims.participant);
    return centre.success && participant.success
      ? { subject, ...username, role: role.data, centre: centre.data, participant: participant.data }
      : undefined;
  }
  if (claims.participant !== undefined) return undefined;
  if (isCentreRole(role.data)) {
    const centre = CentreId.safeParse(claims.centre);
    return centre.success ? { subject, ...username, role: role.data, centre: centre.data } : undefined;
  }
  return claims.centre === undefined ? { subject, ...username, role: role.data } : undefined;
}
