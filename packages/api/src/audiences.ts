import { type Role, roles } from '@crux/domain/roles';

/**
 * Every audience of the API in one table: who may call it and how its function reaches the table, which
 * every API function checks its callers against. Each audience has one Lambda function (its entry,
 * module and description: audience-functions.ts). A route's roles (routes.ts) are a subset of its
 * audience's.
 */
type AudienceDef = {
  roles: readonly Role[];
  /** Centre audiences bind every request to the caller's own centre (a TenantScope). */
  scoped: boolean;
  /**
   * The function reaches the table only through the tenant role, assumed per request with the caller's
   * centre as a session tag (infra/lib/api.ts); `readsAccessLog` adds the log-reader role, the one way
   * to read the access log. Without it, the function's own role has its audience's policy.
   */
  tenant?: { readsAccessLog: boolean };
  /**
   * Called without a token (the survey's answer page): no role, no caller. Each request is bound to the
   * centre its path names instead, and what it may do there its handler proves otherwise (a one-time
   * code). Such routes take no Idempotency-Key and are throttled on their own (routes.ts).
   */
  tokenless?: true;
};

export const audiences = {
  centre: {
    roles: ['staff', 'leader'],
    scoped: true,
    tenant: { readsAccessLog: false },
  },
  plans: {
    roles: ['staff', 'leader', 'participant'],
    scoped: true,
    tenant: { readsAccessLog: false },
  },
  registers: {
    roles: ['staff', 'leader', 'volunteer'],
    scoped: true,
    tenant: { readsAccessLog: false },
  },
  privacy: {
    // The participant reads their own "who has read my record", as the pipeline checks.
    roles: ['staff', 'leader', 'participant'],
    scoped: true,
    tenant: { readsAccessLog: true },
  },
  imports: {
    roles: ['staff', 'leader'],
    scoped: true,
    tenant: { readsAccessLog: false },
  },
  survey: {
    roles: ['staff', 'leader'],
    scoped: true,
    tenant: { readsAccessLog: false },
  },
  accounts: {
    // Every centre role, so that a role that comes to manage accounts needs only its routes' roles.
    roles: ['staff', 'leader', 'volunteer'],
    scoped: true,
    // A participant's account is checked against the participant's record and logged in the centre's
    // access log, both through the tenant role; the function's own role keeps its request records.
    tenant: { readsAccessLog: false },
  },
  admin: {
    roles: ['admin'],
    scoped: false,
  },
  headoffice: {
    roles: ['headoffice'],
    scoped: false,
  },
  network: {
    roles: ['network'],
    scoped: false,
  },
  catalogue: {
    roles,
    scoped: false,
  },
  answer: {
    roles: [],
    scoped: false,
    tokenless: true,
  },
} as const satisfies Record<string, AudienceDef>;

/** The audiences called without a token. */
export type TokenlessAudience = {
  [A in Audience]: (typeof audiences)[A] extends { tokenless: true } ? A : never;
}[Audience];

/** How an audience's function reaches the table through the tenant role, or undefined if it does not. */
export const tenantOf = (audience: Audience): AudienceDef['tenant'] =>
  (audiences[audience] as AudienceDef).tenant;

/** Whether an audience's routes are called without a token. */
export const isTokenless = (audience: Audience): boolean =>
  (audiences[audience] as AudienceDef).tokenless === true;

export type Audience = keyof typeof audiences;
export const audienceNames = Object.keys(audiences) as Audience[];
