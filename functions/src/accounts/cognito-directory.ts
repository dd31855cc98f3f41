import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  GroupExistsException,
  ListUsersCommand,
  ListUsersInGroupCommand,
  ResourceNotFoundException,
  UserNotFoundException,
  UsernameExistsException,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Account } from '@crux/domain/accounts';
import { Role } from '@crux/domain/role-schema';
import type { AccountDirectory } from './directory';

/** Each centre's accounts are also in a group of the pool: custom attributes cannot be searched, groups can be listed. */
export const centreGroup = (centre: string) => `centre-${centre}`;

const attribute = (user: UserType, name: string) => user.Attributes?.find((a) => a.Name === name)?.Value;

/**
 * A user as an account, or undefined for one without a valid role or id (made by hand in the console):
 * such a user cannot sign in (the pre-token trigger refuses it), and these rules cannot judge it.
 */
function toAccount(user: UserType): Account | undefined {
  const role = Role.safeParse(attribute(user, 'custom:role'));
  const id = attribute(user, 'sub');
  if (!role.success || !id) return undefined;
  const centre = attribute(user, 'custom:centre');
  const participant = attribute(user, 'custom:participant');
  return {
    id,
    email: attribute(user, 'email') ?? '',
    name: attribute(user, 'name') ?? '',
    role: role.data,
    ...(centre ? { centre } : {}),
    ...(participant ? { participant } : {}),
    status:
      user.Enabled === false
        ? 'deactivated'
        : user.UserStatus === 'FORCE_CHANGE_PASSWORD'
          ? 'invited'
          : 'active',
    createdAt: (user.UserCreateDate ?? new Date(0)).toISOString(),
  };
}

function accountOf(user: UserType): Account {
  const account = toAccount(user);
  if (!account) throw new Error('the user pool answered with a user that has no valid role');
  return account;
}

/**
 * Cognito's admin API, with the function's own role (IAM: these actions on this pool only,
 * infra/lib/tenant-policy.ts, `userPoolActions`). Custom attributes are set here, by the server; the web client's app
 * client cannot write them. The pool signs people in by e-mail, so the e-mail is the username.
 */
export function cognitoDirectory(
  poolId: string,
  client = new CognitoIdentityProviderClient({}),
): AccountDirectory {
  const UserPoolId = poolId;

  async function findBy(filter: 'sub' | 'email', value: string): Promise<UserType | undefined> {
    // Both values are checked by their schemas before they get here; quotes would end the filter early.
    if (value.includes('"')) return undefined;
    const { Users } = await client.send(
      new ListUsersCommand({ UserPoolId, Filter: `${filter} = "${value}"`, Limit: 1 }),
    );
    return Users?.[0];
  }

  async function addToGroup(username: string, centre: string) {
    const add = () =>
      client.send(
        new AdminAddUserToGroupCommand({ UserPoolId, Username: username, GroupName: centreGroup(centre) }),
      );
    try {
      await add();
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
      // The centre's first account makes its group.
      await client
        .send(
          new CreateGroupCommand({
            UserPoolId,
            GroupName: centreGroup(centre),
            Description: `Accounts of ${centre}`,
          }),
        )
        .catch((e: unknown) => {
          if (!(e instanceof GroupExistsException)) throw e;
        });
      await add();
    }
  }

  return {
    async list(centre) {
      const users: UserType[] = [];
      let NextToken: string | undefined;
      try {
        do {
          const page = await client.send(
            new ListUsersInGroupCommand({ UserPoolId, GroupName: centreGroup(centre), NextToken }),
          );
          users.push(...(page.Users ?? []));
          NextToken = page.NextToken;
        } while (NextToken);
      } catch (error) {
        if (error instanceof ResourceNotFoundException) return [];
        throw error;
      }
      return users.flatMap((u) => toAccount(u) ?? []);
    },

    async get(id) {
      const user = await findBy('sub', id);
      return user ? toAccount(user) : undefined;
    },

    async findByEmail(email) {
      const user = await findBy('email', email);
      return user ? toAccount(user) : undefined;
    },

    async create({ email, name, role, centre, participant }) {
      let user: UserType | undefined;
      try {
        ({ User: user } = await client.send(
          new AdminCreateUserCommand({
            UserPoolId,
            Username: email,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: name },
              { Name: 'custom:role', Value: role },
              { Name: 'custom:centre', Value: centre },
              // Written once, here: the app client can neither read nor write it (infra/lib/identity.ts).
              ...(participant ? [{ Name: 'custom:participant', Value: participant }] : []),
            ],
          }),
        ));
      } catch (error) {
        if (!(error instanceof UsernameExistsException)) throw error;
        const existing = await findBy('email', email);
        if (!existing) throw error;
        // An earlier attempt made the account; it may have stopped before the group.
        if (attribute(existing, 'custom:centre') === centre && existing.Username)
          await addToGroup(existing.Username, centre);
        return { kind: 'exists', account: accountOf(existing) };
      }
      if (!user?.Username) throw new Error('AdminCreateUser answered without a user');
      await addToGroup(user.Username, centre);
      return { kind: 'created', account: accountOf(user) };
    },

    async setActive(id, active) {
      const user = await findBy('sub', id);
      if (!user?.Username) throw new Error(`no account ${id}`);
      const Username = user.Username;
      if (active) {
        await client.send(new AdminEnableUserCommand({ UserPoolId, Username }));
      } else {
        await client.send(new AdminDisableUserCommand({ UserPoolId, Username }));
        // Disabling stops new sign-ins and refreshes; this also revokes the refresh tokens already out.
        await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId, Username }));
      }
      return accountOf({ ...user, Enabled: active });
    },

    async remove(id) {
      // The pool signs in by e-mail, an alias, so its usernames are the users' `sub`s: no lookup first.
      // Deleting a user revokes its refresh tokens; its access tokens live out their 15 minutes.
      await client.send(new AdminDeleteUserCommand({ UserPoolId, Username: id })).catch((error: unknown) => {
        if (!(error instanceof UserNotFoundException)) throw error;
      });
    },
  };
}
