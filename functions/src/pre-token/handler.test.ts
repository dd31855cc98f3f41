import { centresRepo } from '@crux/store/centres-repo';
import { countRequests } from '@crux/store/request-counter';
import type { Context, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyTestEnv, testStore, testTableName, uniqueCentreId } from '../../../test/setup/dynamo';
import { documentClient } from '../runtime/dynamo';
import { handler, refusal, tenantClaims } from './handler';

/** A centre in the registry of the run's DynamoDB Local, and one that never was. */
const registered = uniqueCentreId('pretoken');
const unregistered = uniqueCentreId('pretoken');

beforeAll(async () => {
  applyTestEnv();
  await centresRepo(testStore(), testTableName()).create(
    { id: registered, name: 'CRUX Testby', town: 'Testby' },
    new Date().toISOString(),
    { subject: 'pretoken-test', key: `pretoken-${registered}`, requestHash: 'hash' },
  );
});

/** Cognito's invocation context; the trigger reads nothing from it but what the Logger adds to its lines. */
const context = { functionName: 'pre-token', awsRequestId: 'test' } as Context;

/** A V2_0 event as Cognito sends it on sign-in, with the user's attributes. */
function event(userAttributes: Record<string, string>): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_HostedAuth',
    region: 'eu-north-1',
    userPoolId: 'eu-north-1_example',
    userName: 'a7f1c2d4-0000-4000-8000-000000000001',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'webclient' },
    request: {
      userAttributes: {
        sub: 'a7f1c2d4-0000-4000-8000-000000000001',
        email: 'kari@example.no',
        ...userAttributes,
      },
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] },
      scopes: ['openid', 'email', 'profile'],
    },
    response: { claimsAndScopeOverrideDetails: {} },
  } as PreTokenGenerationV2TriggerEvent;
}

describe('pre-token trigger', () => {
  it('puts a centre role and its centre into the access token, and nothing into the ID token', async () => {
    const result = await handler(event({ 'custom:role': 'staff', 'custom:centre': registered }), context);
    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: { claimsToAddOrOverride: { role: 'staff', centre: registered } },
    });
  });

  it('refuses a centre role whose centre is well formed but not in the registry, with one GetItem', async () => {
    const counter = countRequests(documentClient());
    for (const role of ['staff', 'leader', 'volunteer']) {
      await expect(
        handler(event({ 'custom:role': role, 'custom:centre': unregistered }), context),
      ).rejects.toThrow(refusal.centre);
    }
    expect(counter.counts()).toMatchObject({ total: 3, byCommand: { GetItemCommand: 3 } });
    counter.detach();
  });

  it('asks the registry nothing for roles above the centres', async () => {
    const counter = countRequests(documentClient());
    for (const role of ['headoffice', 'network', 'admin']) {
      const result = await handler(event({ 'custom:role': role, 'custom:centre': unregistered }), context);
      expect(result.response.claimsAndScopeOverrideDetails).toEqual({
        accessTokenGeneration: { claimsToAddOrOverride: { role } },
      });
    }
    expect(counter.counts().total).toBe(0);
    counter.detach();
  });

  it.each(['staff', 'leader', 'volunteer'])('requires a valid centre for the centre role %s', (role) => {
    expect(tenantClaims({ 'custom:role': role, 'custom:centre': 'tromso' })).toEqual({
      role,
      centre: 'tromso',
    });
    expect(() => tenantClaims({ 'custom:role': role })).toThrow(refusal.centre);
    for (const centre of [
      '',
      'T',
      'Tromso',
      'ovre#eiker',
      'ovre*',
      'C#tromso',
      '-tromso',
      'tromso-',
      'ovre--eiker',
    ]) {
      expect(() => tenantClaims({ 'custom:role': role, 'custom:centre': centre }), centre).toThrow(
        refusal.centre,
      );
    }
  });

  it.each(['headoffice', 'network', 'admin'])(
    'gives %s no centre claim, even if the account has one',
    (role) => {
      expect(tenantClaims({ 'custom:role': role })).toEqual({ role });
      expect(tenantClaims({ 'custom:role': role, 'custom:centre': 'tromso' })).toEqual({ role });
    },
  );

  it('refuses to issue a token without a valid role', async () => {
    for (const role of [undefined, '', 'Staff', 'superuser', 'staff ']) {
      const attributes: Record<string, string> = role === undefined ? {} : { 'custom:role': role };
      await expect(
        handler(event({ ...attributes, 'custom:centre': 'tromso' }), context),
        String(role),
      ).rejects.toThrow(refusal.role);
    }
  });

  it('gives a participant their participant id, and refuses one without a well-formed id', () => {
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const attributes = { 'custom:role': 'participant', 'custom:centre': 'tromso' };
    expect(tenantClaims({ ...attributes, 'custom:participant': id })).toEqual({
      role: 'participant',
      centre: 'tromso',
      participant: id,
    });
    for (const participant of [undefined, '', 'not-a-uuid', `${id} `])
      expect(() =>
        tenantClaims(
          participant === undefined ? attributes : { ...attributes, 'custom:participant': participant },
        ),
      ).toThrow(refusal.participant);
  });

  it('tells the person in Norwegian first, then English, without echoing any attribute', () => {
    for (const text of Object.values(refusal)) {
      const [nb, en] = text.split(' / ');
      expect(nb).toMatch(/^(Kontoen|Innlogging) /);
      expect(en).toMatch(/^(The account|Signing in) /);
    }
    expect(() => tenantClaims({ 'custom:role': 'root' })).toThrow(
      expect.objectContaining({ message: refusal.role }),
    );
  });
});
