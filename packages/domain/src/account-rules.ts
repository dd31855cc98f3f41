import type { CentreRole, Role } from './roles';

/**
 * Who manages which accounts, in one table: the roles an actor may create, deactivate and reactivate,
 * always at the actor's own centre (the server takes the centre from the actor's token, never from the
 * request). A leader makes staff and volunteers, never another leader; staff make no one; nobody makes a
 * head-office, network or admin account through these rules. The first leader of a centre comes with the
 * centre itself: the platform admin onboards both in one action (`onboardedRole`).
 *
 * A role that will manage accounts later (staff making a participant's account, for one) gets a row
 * here and is added to the accounts routes' roles; the handlers already ask this table, not the route.
 */
export const accountsManagedBy: Partial<Record<Role, readonly CentreRole[]>> = {
  leader: ['staff', 'volunteer'],
};

/** The roles the accounts routes are open to: those with a row above. */
export const accountManagers = ['leader'] as const satisfies readonly Role[];

/** The role of the account the platform admin creates together with a new centre. */
export const onboardedRole = 'leader' as const satisfies CentreRole;

/** Whether `actor` may create, deactivate or reactivate an account of role `target` at its own centre. */
export function mayManage(actor: Role, target: Role): boolean {
  return (accountsManagedBy[actor] as readonly Role[] | undefined)?.includes(target) ?? false;
}
