import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '@crux/domain/roles';
import { localIdpKeys } from './keys';
import { queryPrefix } from './query-all';
import { transact } from './transact';

/**
 * A user of the local identity provider, kept as Cognito keeps one: the password only as a salted hash,
 * whether it is the temporary one of an invitation, the TOTP secret once enrolled and the last time step
 * a code was accepted for (a code is good once), whether the account is enabled, and when its tokens were
 * last revoked everywhere (a deactivation does that).
 */
export type LocalUser = {
  sub: string;
  /** The sign-in name: an e-mail address for accounts made through the API, a short name for demo users. */
  username: string;
  email?: string;
  name: string;
  role: Role;
  centre?: string;
  /** A participant's account only: whose plan it opens (Cognito's `custom:participant`). */
  participant?: string;
  passwordHash: string;
  /** The invitation's password: it signs in once, to choose a new one, until `passwordExpiresAt`. */
  passwordTemporary: boolean;
  passwordExpiresAt?: string;
  totpSecret?: string;
  totpLastStep?: number;
  enabled: boolean;
  /** Epoch milliseconds: sessions and refresh tokens from before this are no longer honoured. */
  signedOutAtMs?: number;
  createdAt: string;
};

const KEY_FIELDS = new Set(['PK', 'SK']);

function toUser(item: Record<string, unknown>): LocalUser {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !KEY_FIELDS.has(k))) as LocalUser;
}

/** The local user pool, in DynamoDB Local: what the local provider signs people in with, and its accounts API's directory. */
export function localUsersRepo(doc: DynamoDBDocumentClient, table: string) {
  const get = async (key: Record<string, string>) =>
    (await doc.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

  async function update(sub: string, expression: string, values: Record<string, unknown>) {
    const { Attributes } = await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: localIdpKeys.user(sub),
        UpdateExpression: expression,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toUser(Attributes ?? {});
  }

  return {
    /** Both items in one transaction: `exists` when the username (or the sub) is taken, and nothing is written. */
    async create(user: LocalUser): Promise<'created' | 'exists'> {
      const outcome = await transact(doc, [
        {
          Put: {
            TableName: table,
            Item: { ...localIdpKeys.user(user.sub), ...user },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        {
          Put: {
            TableName: table,
            Item: { ...localIdpKeys.username(user.username), sub: user.sub },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
      ]);
      if (outcome.kind === 'written') return 'created';
      if (outcome.kind === 'condition_failed') return 'exists';
      throw new Error(`unexpected outcome ${outcome.kind}`);
    },

    async bySub(sub: string): Promise<LocalUser | undefined> {
      const item = await get(localIdpKeys.user(sub));
      return item ? toUser(item) : undefined;
    },

    async byUsername(username: string): Promise<LocalUser | undefined> {
      const name = await get(localIdpKeys.username(username));
      return typeof name?.sub === 'string' ? this.bySub(name.sub) : undefined;
    },

    /** A centre's users: the local pool is a few dozen people, so one query and a filter. */
    async listCentre(centre: string): Promise<LocalUser[]> {
      const items = await queryPrefix(doc, table, localIdpKeys.pk, localIdpKeys.userPrefix, {
        consistent: true,
      });
      return items.map(toUser).filter((u) => u.centre === centre);
    },

    setPassword(sub: string, passwordHash: string): Promise<LocalUser> {
      return update(sub, 'SET passwordHash = :h, passwordTemporary = :f REMOVE passwordExpiresAt', {
        ':h': passwordHash,
        ':f': false,
      });
    },

    enrolTotp(sub: string, secret: string, step: number): Promise<LocalUser> {
      return update(sub, 'SET totpSecret = :s, totpLastStep = :t', { ':s': secret, ':t': step });
    },

    /**
     * Marks a TOTP time step as used, if it is later than the last one used: false when it is not, so the
     * same code (or an earlier one) is never accepted twice (RFC 6238, section 5.2).
     */
    async useTotpStep(sub: string, step: number): Promise<boolean> {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: localIdpKeys.user(sub),
            UpdateExpression: 'SET totpLastStep = :t',
            ConditionExpression:
              'attribute_exists(PK) AND (attribute_not_exists(totpLastStep) OR totpLastStep < :t)',
            ExpressionAttributeValues: { ':t': step },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    /** Deletes the user and its username in one transaction; a user already gone is no error. */
    async remove(sub: string): Promise<void> {
      const user = await this.bySub(sub);
      if (!user) return;
      const outcome = await transact(doc, [
        { Delete: { TableName: table, Key: localIdpKeys.user(sub) } },
        { Delete: { TableName: table, Key: localIdpKeys.username(user.username) } },
      ]);
      if (outcome.kind !== 'written') throw new Error(`local user ${sub}: not removed (${outcome.kind})`);
    },

    /** Disabling also revokes every session and refresh token, as Cognito's AdminUserGlobalSignOut. */
    setEnabled(sub: string, enabled: boolean, nowMs: number): Promise<LocalUser> {
      return enabled
        ? update(sub, 'SET enabled = :e', { ':e': true })
        : update(sub, 'SET enabled = :e, signedOutAtMs = :now', { ':e': false, ':now': nowMs });
    },
  };
}

export type LocalUsersRepo = ReturnType<typeof localUsersRepo>;
