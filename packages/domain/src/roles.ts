/** Every role a token can carry. The claim `role` must hold exactly one of these. */
export const roles = [
  'staff',
  'leader',
  'volunteer',
  'headoffice',
  'network',
  'admin',
  'participant',
] as const;
export type Role = (typeof roles)[number];

/** Roles tied to one centre carry a `centre` claim; the others must not. */
export const centreRoles = ['staff', 'leader', 'volunteer', 'participant'] as const satisfies readonly Role[];
export type CentreRole = (typeof centreRoles)[number];

export function isCentreRole(role: Role): role is CentreRole {
  return (centreRoles as readonly Role[]).includes(role);
}

/**
 * A participant (*deltaker*) who signs in to their own plan, where the centre has turned that on: their
 * token also carries `participant`, their participant id, and they reach only routes that name it.
 */
export const PARTICIPANT_ROLE = 'participant' satisfies Role;
