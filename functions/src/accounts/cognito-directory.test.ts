import { randomUUID } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  type CognitoIdentityProviderClient,
  TooManyRequestsException,
  UserNotFoundException,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { tenantClaims } from '../pre-token/handler';
import { cognitoDirectory } from './cognito-directory';

/**
 * What the accounts function asks of Cognito's admin API for a participant's account: the attributes it
 * writes at creation are the ones the pre-token trigger turns into the token's claims, so the account
 * made here signs in as that participant of that centre, and an account without the link as no one's.
 * The client records each command and answers as Cognito does (AdminCreateUser returns the user).
 */
function recordingClient() {
  const sent: unknown[] = [];
  const client = {
    async send(command: unknown) {
      sent.push(command);
      if (command instanceof AdminCreateUserCommand) {
        const user: UserType = {
          Username: command.input.Username,
          Attributes: [...(command.input.UserAttributes ?? []), { Name: 'sub', Value: randomUUID() }],
          Enabled: true,
          UserStatus: 'FORCE_CHANGE_PASSWORD',
          UserCreateDate: new Date(),
        };
        return { User: user };
      }
      return {};
    },
  };
  return { sent, client: client as unknown as CognitoIdentityProviderClient };
}

const attributesOf = (command: AdminCreateUserCommand) =>
  Object.fromEntries((command.input.UserAttributes ?? []).map((a) => [a.Name ?? '', a.Value ?? '']));

describe("the Cognito directory: a participant's account", () => {
  it('writes custom:participant once, at creation, and the trigger turns it into the participant claim', async () => {
    const { sent, client } = recordingClient();
    const participant = randomUUID();
    const made = await cognitoDirectory('pool', client).create({
      email: 'deltaker@eksempel.no',
      name: 'Kari Nordmann',
      role: 'participant',
      centre: 'tromso',
      participant,
    });
    expect(made).toMatchObject({
      kind: 'created',
      account: { role: 'participant', centre: 'tromso', participant, status: 'invited' },
    });
    const create = sent.find((c): c is AdminCreateUserCommand => c instanceof AdminCreateUserCommand);
    if (!create) throw new Error('no AdminCreateUser');
    const attributes = attributesOf(create);
    expect(attributes['custom:participant']).toBe(participant);
    expect(tenantClaims(attributes)).toEqual({ role: 'participant', centre: 'tromso', participant });
  });

  it("writes no participant on anyone else's account", async () => {
    const { sent, client } = recordingClient();
    const made = await cognitoDirectory('pool', client).create({
      email: 'ansatt@eksempel.no',
      name: 'Kari Ansatt',
      role: 'staff',
      centre: 'tromso',
    });
    expect(made.account.participant).toBeUndefined();
    const create = sent.find((c): c is AdminCreateUserCommand => c instanceof AdminCreateUserCommand);
    if (!create) throw new Error('no AdminCreateUser');
    expect(Object.keys(attributesOf(create))).not.toContain('custom:participant');
    expect(tenantClaims(attributesOf(create))).toEqual({ role: 'staff', centre: 'tromso' });
  });
});

describe('the Cognito directory: deleting an account (erasure)', () => {
  const failing = (error: Error) =>
    ({
      async send() {
        throw error;
      },
    }) as unknown as CognitoIdentityProviderClient;

  it('deletes the user by its sub (the pool signs in by e-mail, so the sub is the username)', async () => {
    const { sent, client } = recordingClient();
    const id = randomUUID();
    await cognitoDirectory('pool', client).remove(id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeInstanceOf(AdminDeleteUserCommand);
    expect((sent[0] as AdminDeleteUserCommand).input).toEqual({ UserPoolId: 'pool', Username: id });
  });

  it('takes a user already gone as done (a retried erasure), and passes any other failure on', async () => {
    const gone = new UserNotFoundException({ message: 'User does not exist.', $metadata: {} });
    await expect(cognitoDirectory('pool', failing(gone)).remove(randomUUID())).resolves.toBeUndefined();
    const busy = new TooManyRequestsException({ message: 'Too many requests', $metadata: {} });
    await expect(cognitoDirectory('pool', failing(busy)).remove(randomUUID())).rejects.toBe(busy);
  });
});
