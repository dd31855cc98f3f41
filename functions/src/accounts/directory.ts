import type { Account } from '@crux/domain/accounts';
import type { CentreRole } from '@crux/domain/roles';
import { cognitoDirectory } from './cognito-directory';

/**
 * An account to make at a centre; the centre and role are set by the server, never by the request, and
 * so is `participant`, which a participant's account (and only one) names: the participant whose plan
 * it opens, checked to be of that centre before the account is made.
 */
export type NewAccount = {
  email: string;
  name: string;
  role: CentreRole;
  centre: string;
  participant?: string;
};

export type CreateOutcome = { kind: 'created'; account: Account } | { kind: 'exists'; account: Account };

/**
 * Where accounts live: Cognito's user pool in AWS (cognito-directory.ts, through its admin API), the local
 * identity provider's pool in DynamoDB Local on one machine (packages/local/src/idp/account-directory.ts).
 * The rules (who may make what, at which centre) are the handlers', asked before either is called, so
 * both directories answer the same requests with the same outcomes.
 */
export type AccountDirectory = {
  /** Every account of one centre, any role. */
  list(centre: string): Promise<Account[]>;
  get(id: string): Promise<Account | undefined>;
  findByEmail(email: string): Promise<Account | undefined>;
  /**
   * Makes the account and sends its invitation (a temporary password). An account with this e-mail
   * already there is returned as it is, untouched, so a retried request never makes a second.
   */
  create(account: NewAccount): Promise<CreateOutcome>;
  /** Deactivating also ends every session and refresh token the account has, at once. */
  setActive(id: string, active: boolean): Promise<Account>;
  /**
   * Deletes the account for good (a participant's, at their erasure): it can no longer sign in, and its
   * sessions and refresh tokens end with it. An account already gone is no error, so a retry finishes.
   */
  remove(id: string): Promise<void>;
};

let installed: AccountDirectory | undefined;

/** The local runtime and the tests hand in the local provider's directory before the functions run. */
export function useAccountDirectory(directory: AccountDirectory): void {
  installed = directory;
}

/** The directory this function works with: Cognito's pool, named by USER_POOL_ID, unless one was handed in. */
export function accountDirectory(): AccountDirectory {
  if (installed) return installed;
  const poolId = process.env.USER_POOL_ID;
  if (!poolId)
    throw new Error('USER_POOL_ID must be set (or a directory handed in with useAccountDirectory)');
  installed = cognitoDirectory(poolId);
  return installed;
}
