import { CentreId } from '@crux/domain/centre';
import { isCentreRole, Role } from '@crux/domain/roles';

/** Who is calling, as the verified access token says. */
export type Principal = {
  subject: string;
  role: Role;
  /** Only for centre roles (staff, leader, volunteer). */
  centre?: CentreId;
};

type Claims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * The authorizer (API Gateway's JWT authorizer, or the local emulator doing the same) has checked the
 * signature, issuer, audience and expiry. What it does not check is done here: that this is an ACCESS
 * token (an ID token has the same issuer and audience), and that role and centre are well-formed and
 * consistent. Anything off is treated as no identity at all.
 */
export function principalFromClaims(claims: Claims | undefined): Principal | undefined {
  if (claims?.token_use !== 'access') return undefined;
  const subject = claims.sub;
  const role = Role.safeParse(claims.role);
  if (typeof subject !== 'string' || subject.length === 0 || !role.success) return undefined;
  if (isCentreRole(role.data)) {
    const centre = CentreId.safeParse(claims.centre);
    return centre.success ? { subject, role: role.data, centre: centre.data } : undefined;
  }
  return claims.centre === undefined ? { subject, role: role.data } : undefined;
}
