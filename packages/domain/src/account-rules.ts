import { type CentreRole, PARTICIPANT_ROLE, type Role } from './roles';

/**
 * Who manages which accounts, in one table: the roles an actor may create, deactivate and reactivate,
 * always at the actor's own centre (the server takes the centre from the actor's token, never from the
 * request). A leader makes staff and volunteers, never another leader; staff make no one; nobody makes a
 * head-office, network or admin account through these rules. The first leader of a centre comes with the
 * centre itself: the platform admin onboards both in one action (`onboardedRole`).
 *
 * Staff make participants' accounts (issue 12) and nothing else; a participant's account is always
 * linked to a participant of the centre, so it is made only through the participant's own route
 * (`participantAccountMakers`), never through the general one. The handlers ask this table, not the route.
 */
export const accountsManagedBy: Partial<Record<Role, readonly CentreRole[]>> = {
  leader: ['staff', 'volunteer', 'participant'],
  staff: ['participant'],
};

/** The roles that deactivate and reactivate accounts: those with a row above. */
export const accountManagers = ['staff', 'leader'] as const satisfies readonly Role[];

/** The roles that list the centre's accounts and invite its staff and volunteers. */
export const workerAccountManagers = ['leader'] as const satisfies readonly Role[];

/** The roles that give a participant an account of their own, from the participant's page. */
export const participantAccountMakers = ['staff', 'leader'] as const satisfies readonly Role[];

/** The role of the account the platform admin creates together with a new centre. */
export const onboardedRole = 'leader' as const satisfies CentreRole;

/** Whether `actor` may create, deactivate or reactivate an account of role `target` at its own centre. */
export function mayManage(actor: Role, target: Role): boolean {
  return (accountsManagedBy[actor] as readonly Role[] | undefined)?.includes(target) ?? false;
}

/**
 * The roles `actor` invites from the centre's accounts page: every one it manages but a participant's,
 * which is linked to the participant's record and so made from the participant's page.
 */
export function invitableBy(actor: Role): readonly CentreRole[] {
  return (accountsManagedBy[actor] ?? []).filter((role) => role !== PARTICIPANT_ROLE);
}
