import type { CentreId } from '@crux/domain/centre';
import type { Role } from '@crux/domain/roles';
import type { LocalUser, LocalUsersRepo } from '@crux/store/local-users-repo';
import { hashPassword, passwordMatches } from './passwords';
import { matchingStep } from './totp';

/** What the tokens say about a person. */
export type IdpUser = {
  username: string;
  /** Stable id, like Cognito's `sub`: records refer to it, so it never changes with the username. */
  sub: string;
  role: Role;
  /** For staff, leader, volunteer and participant only. */
  centre?: CentreId;
  /** For a participant only: whose plan they are. */
  participant?: string;
  /** Shown in the web client. */
  name: string;
};

/** How a username and password fared: as Cognito tells them apart on its sign-in page. */
export type PasswordCheck =
  | { kind: 'ok'; user: LocalUser }
  | { kind: 'wrong' }
  | { kind: 'disabled' }
  /** The invitation's password, past its days. */
  | { kind: 'expired' };

/**
 * The local provider's users, kept in DynamoDB Local (packages/store/src/local-users-repo.ts), checked
 * as Cognito checks them: a disabled account cannot sign in or refresh, an invitation's password works
 * only until it expires and only to choose a new one, and a TOTP code is good once.
 */
export function userDirectory(repo: LocalUsersRepo) {
  return {
    async checkPassword(username: string, password: string, now = Date.now()): Promise<PasswordCheck> {
      const user = await repo.byUsername(username.trim().toLowerCase());
      // Hashed even for an unknown name, so the time taken tells nothing.
      if (!(await passwordMatches(password, user?.passwordHash)) || !user) return { kind: 'wrong' };
      if (!user.enabled) return { kind: 'disabled' };
      if (user.passwordTemporary && user.passwordExpiresAt && Date.parse(user.passwordExpiresAt) <= now)
        return { kind: 'expired' };
      return { kind: 'ok', user };
    },

    bySub: (sub: string) => repo.bySub(sub),

    /**
     * Whether tokens and sessions from `sinceMs` may still be used for the user: not once the account is
     * disabled, nor when they were issued before it was last signed out everywhere.
     */
    async stillValid(sub: string, sinceMs: number): Promise<LocalUser | undefined> {
      const user = await repo.bySub(sub);
      if (!user?.enabled || (user.signedOutAtMs ?? 0) >= sinceMs) return undefined;
      return user;
    },

    async changePassword(sub: string, password: string): Promise<LocalUser> {
      return repo.setPassword(sub, await hashPassword(password));
    },

    /** Enrols the secret once a code from it is right; false for a wrong code. */
    async enrolTotp(sub: string, secret: string, code: string): Promise<boolean> {
      const step = matchingStep(secret, code);
      if (step === undefined) return false;
      await repo.enrolTotp(sub, secret, step);
      return true;
    },

    /** A right code of a step not used before (RFC 6238, 5.2: the same code never signs in twice). */
    async acceptTotp(user: LocalUser, code: string): Promise<boolean> {
      const step = user.totpSecret ? matchingStep(user.totpSecret, code) : undefined;
      return step !== undefined && (await repo.useTotpStep(user.sub, step));
    },
  };
}

export type UserDirectory = ReturnType<typeof userDirectory>;
