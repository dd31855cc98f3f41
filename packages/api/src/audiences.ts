import { type Role, roles } from '@crux/domain/roles';

/**
 * Every audience of the API in one table: the Lambda function that serves it (its entry file for CDK's
 * bundling and the bench, its module for the local emulator and the tests) and the roles that may use it
 * at all. A route's roles (routes.ts) are a subset of its audience's.
 */
type AudienceDef = {
  /** The entry file, relative to the repository root; it exports `handler`. */
  entry: string;
  /** The same file as a workspace module, for `import()`. */
  module: string;
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
  description: string;
};

export const audiences = {
  centre: {
    entry: 'functions/src/centre-api/handler.ts',
    module: '@crux/functions/centre-api/handler',
    roles: ['staff', 'leader'],
    scoped: true,
    tenant: { readsAccessLog: false },
    description:
      "Centre API: one centre's daily records, through per-request credentials scoped to that centre",
  },
  plans: {
    entry: 'functions/src/plans-api/handler.ts',
    module: '@crux/functions/plans-api/handler',
    roles: ['staff', 'leader', 'participant'],
    scoped: true,
    tenant: { readsAccessLog: false },
    description: "Plans API: Arbeidshjulet, a participant's plan and wheel conversations, in one centre",
  },
  registers: {
    entry: 'functions/src/registers-api/handler.ts',
    module: '@crux/functions/registers-api/handler',
    roles: ['staff', 'leader', 'volunteer'],
    scoped: true,
    tenant: { readsAccessLog: false },
    description: "Registers API: one centre's volunteers, positions, shop and economy",
  },
  privacy: {
    entry: 'functions/src/privacy-api/handler.ts',
    module: '@crux/functions/privacy-api/handler',
    // The participant reads their own "who has read my record", as the pipeline checks.
    roles: ['staff', 'leader', 'participant'],
    scoped: true,
    tenant: { readsAccessLog: true },
    description: "Privacy API: one centre's access log and the person's rights (access, export, erasure)",
  },
  imports: {
    entry: 'functions/src/imports-api/handler.ts',
    module: '@crux/functions/imports-api/handler',
    roles: ['staff', 'leader'],
    scoped: true,
    tenant: { readsAccessLog: false },
    description: "Imports API: a centre's earlier records brought in at once, by its leader",
  },
  survey: {
    entry: 'functions/src/survey-api/handler.ts',
    module: '@crux/functions/survey-api/handler',
    roles: ['staff', 'leader'],
    scoped: true,
    tenant: { readsAccessLog: false },
    description: "Survey API: one centre's rounds of the participant survey, their codes and results",
  },
  accounts: {
    entry: 'functions/src/accounts-api/handler.ts',
    module: '@crux/functions/accounts-api/handler',
    // Every centre role, so that a role that comes to manage accounts needs only its routes' roles.
    roles: ['staff', 'leader', 'volunteer'],
    scoped: true,
    // A participant's account is checked against the participant's record and logged in the centre's
    // access log, both through the tenant role; the function's own role keeps its request records.
    tenant: { readsAccessLog: false },
    description:
      "Accounts API: a centre leader manages the accounts of the leader's own centre, and staff give a participant access to their own plan",
  },
  admin: {
    entry: 'functions/src/admin-api/handler.ts',
    module: '@crux/functions/admin-api/handler',
    roles: ['admin'],
    scoped: false,
    description:
      "Admin API: the centre registry, onboarding a centre with its leader, the foundation's catalogue",
  },
  headoffice: {
    entry: 'functions/src/headoffice-api/handler.ts',
    module: '@crux/functions/headoffice-api/handler',
    roles: ['headoffice'],
    scoped: false,
    description: 'Head-office API: figures of every centre, never a record',
  },
  network: {
    entry: 'functions/src/network-api/handler.ts',
    module: '@crux/functions/network-api/handler',
    roles: ['network'],
    scoped: false,
    description: 'Experience-network API: already-suppressed figures',
  },
  catalogue: {
    entry: 'functions/src/catalogue-api/handler.ts',
    module: '@crux/functions/catalogue-api/handler',
    roles,
    scoped: false,
    description: "Catalogue API: the foundation's catalogue of what centres register, for every role to read",
  },
  answer: {
    entry: 'functions/src/answer-api/handler.ts',
    module: '@crux/functions/answer-api/handler',
    roles: [],
    scoped: false,
    tokenless: true,
    description:
      "Answer API: a participant answers a centre's open survey round with a one-time code, without an account or a token",
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
