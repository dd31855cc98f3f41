import * as z from 'zod/mini';
import { CentreInput } from './centre';
import { Role } from './role-schema';
import * as rules from './rules';
import { SingleLine } from './text-input';
import { raise } from './validation';

/**
 * An e-mail address, the account's username (Cognito signs people in by e-mail). Stored trimmed and in
 * lower case, so one person cannot get two accounts by typing their address twice.
 */
export const Email = z.string().check(
  z.trim(),
  z.toLowerCase(),
  z.maxLength(254),
  z.refine((s) => /^[^\s@"<>()[\],;:\\]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(s), { ...raise(rules.email) }),
);

/** A person's name on an account, as shown in the web client. */
export const PersonName = SingleLine(2, 100);

/**
 * A new account at the leader's own centre: the centre is never part of the request, and the role is
 * judged against `accountsManagedBy` (account-rules.ts) before anything is written.
 */
export const AccountCreate = z.strictObject({ email: Email, name: PersonName, role: Role });
export type AccountCreate = z.infer<typeof AccountCreate>;

/**
 * A participant's own account (issue 12): only the e-mail that signs them in. The centre comes from the
 * token, the participant from the path and the name from the participant's record, so nothing else.
 */
export const ParticipantAccountCreate = z.strictObject({ email: Email });
export type ParticipantAccountCreate = z.infer<typeof ParticipantAccountCreate>;

/** Deactivating and reactivating take nothing but the account in the path. */
export const AccountAction = z.strictObject({});

/** A centre and its first leader, onboarded by the platform admin in one action. */
export const CentreOnboarding = z.strictObject({
  centre: CentreInput,
  leader: z.strictObject({ email: Email, name: PersonName }),
});
export type CentreOnboarding = z.infer<typeof CentreOnboarding>;

export const accountStatuses = ['invited', 'active', 'deactivated'] as const;
/**
 * `invited`: made, but its first password (sent by e-mail) is not changed yet; `active`: in use;
 * `deactivated`: cannot sign in or refresh its tokens until it is reactivated.
 */
export type AccountStatus = (typeof accountStatuses)[number];

/** An account as the API answers it: `id` is the identity provider's `sub`, what records refer to. */
export type Account = {
  id: string;
  email: string;
  name: string;
  role: Role;
  centre?: string;
  /** A participant's account only: whose plan it opens. */
  participant?: string;
  status: AccountStatus;
  createdAt: string;
};
