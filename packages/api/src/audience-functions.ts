import type { Audience } from './audiences';

/**
 * Each audience's Lambda function as the CDK app, the bench, the local runtime and the OpenAPI document
 * name it: its entry file, its module and its description. Kept apart from the access table
 * (audiences.ts), which every API function bundles to check its callers, so that no function carries
 * every other's paths and descriptions (issue 13's bundle size).
 */
export const audienceDescriptions: Record<Audience, string> = {
  centre: "Centre API: one centre's daily records, through per-request credentials scoped to that centre",
  plans: "Plans API: Arbeidshjulet, a participant's plan and wheel conversations, in one centre",
  registers: "Registers API: one centre's volunteers, positions, shop and economy",
  privacy: "Privacy API: one centre's access log and the person's rights (access, export, erasure)",
  imports: "Imports API: a centre's earlier records brought in at once, by its leader",
  survey: "Survey API: one centre's rounds of the participant survey, their codes and results",
  accounts:
    "Accounts API: a centre leader manages the accounts of the leader's own centre, and staff give a participant access to their own plan",
  admin: "Admin API: the centre registry, onboarding a centre with its leader, the foundation's catalogue",
  headoffice: 'Head-office API: figures of every centre, never a record',
  network: 'Experience-network API: already-suppressed figures',
  catalogue: "Catalogue API: the foundation's catalogue of what centres register, for every role to read",
  answer:
    "Answer API: a participant answers a centre's open survey round with a one-time code, without an account or a token",
};

/** The entry file, relative to the repository root; it exports `handler`. Each audience's is `functions/src/<audience>-api/handler.ts`. */
export const functionEntry = (audience: Audience): string => `functions/src/${audience}-api/handler.ts`;

/** The same file as a workspace module, for `import()`. */
export const functionModule = (audience: Audience): string => `@crux/functions/${audience}-api/handler`;
