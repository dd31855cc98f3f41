import * as z from 'zod/mini';

/** Every role a token can carry. The claim `role` must hold exactly one of these. */
export const roles = ['staff', 'leader', 'volunteer', 'headoffice', 'network', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** Roles tied to one centre carry a `centre` claim; the others must not. */
export const centreRoles = ['staff', 'leader', 'volunteer'] as const satisfies readonly Role[];
export type CentreRole = (typeof centreRoles)[number];

export function isCentreRole(role: Role): role is CentreRole {
  return (centreRoles as readonly Role[]).includes(role);
}
