import { randomUUID } from 'node:crypto';
import { invitation, tokenLifetimes } from '@crux/api/identity-settings';
import type { Account } from '@crux/domain/accounts';
import type { AccountDirectory } from '@crux/functions/accounts/directory';
import { apartFromLoggedWrite } from '@crux/store/access-log';
import type { LocalUser, LocalUsersRepo } from '@crux/store/local-users-repo';
import { hashPassword, temporaryPassword } from './passwords';

/** An invitation as Cognito would e-mail it; locally it is printed in the terminal (runtime.ts). */
export type Invitation = { to: string; subject: string; body: string; temporaryPassword: string };

export function toAccount(user: LocalUser): Account {
  return {
    id: user.sub,
    email: user.email ?? user.username,
    name: user.name,
    role: user.role,
    ...(user.centre ? { centre: user.centre } : {}),
    ...(user.participant ? { participant: user.participant } : {}),
    status: !user.enabled ? 'deactivated' : user.passwordTemporary ? 'invited' : 'active',
    createdAt: user.createdAt,
  };
}

/**
 * The accounts API's directory on one machine: the local identity provider's users in DynamoDB Local.
 * It answers as Cognito's admin API does for the same requests (cognito-directory.ts): an account is
 * made with a temporary password that is sent as an invitation and must be changed at the first sign-in
 * (then TOTP is set up); its e-mail is its username; a taken e-mail returns the account that has it;
 * deactivating, and deleting, also end every session and refresh token at once.
 */
export function localAccountDirectory(
  repo: LocalUsersRepo,
  send: (invitation: Invitation) => void,
): AccountDirectory {
  return apartFromLog({
    async list(centre) {
      return (await repo.listCentre(centre)).map(toAccount);
    },

    async get(id) {
      const user = await repo.bySub(id);
      return user ? toAccount(user) : undefined;
    },

    async findByEmail(email) {
      const user = await repo.byUsername(email);
      return user ? toAccount(user) : undefined;
    },

    async create({ email, name, role, centre, participant }) {
      const password = temporaryPassword();
      const now = new Date();
      const user: LocalUser = {
        sub: randomUUID(),
        username: email,
        email,
        name,
        role,
        centre,
        ...(participant ? { participant } : {}),
        passwordHash: await hashPassword(password),
        passwordTemporary: true,
        passwordExpiresAt: new Date(
          now.getTime() + tokenLifetimes.temporaryPasswordDays * 86_400_000,
        ).toISOString(),
        enabled: true,
        createdAt: now.toISOString(),
      };
      if ((await repo.create(user)) === 'exists') {
        const existing = await repo.byUsername(email);
        if (!existing) throw new Error(`the username ${email} is taken but its user is missing`);
        return { kind: 'exists', account: toAccount(existing) };
      }
      send({
        to: email,
        subject: invitation.subject,
        body: invitation.body.replaceAll('{username}', email).replaceAll('{####}', password),
        temporaryPassword: password,
      });
      return { kind: 'created', account: toAccount(user) };
    },

    async setActive(id, active) {
      return toAccount(await repo.setEnabled(id, active, Date.now()));
    },

    async remove(id) {
      // Every session and refresh token is checked against the user (users.ts, stillValid): none is left.
      await repo.remove(id);
    },
  });
}

/**
 * Each method outside the request's logged write, as Cognito is: the pool's items are in DynamoDB Local
 * here, but never in a transaction with the person's data, so a request on personal data (a participant's
 * account) writes its access-log entry after the change, as in AWS (functions' http/access-log.ts).
 */
function apartFromLog(directory: AccountDirectory): AccountDirectory {
  return Object.fromEntries(
    Object.entries(directory).map(([name, method]) => [
      name,
      (...args: unknown[]) =>
        apartFromLoggedWrite(() => (method as (...a: unknown[]) => Promise<unknown>)(...args)),
    ]),
  ) as AccountDirectory;
}
