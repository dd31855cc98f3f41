import { accountsPolicy, adminPolicy, privacyPolicy, userPoolActions } from '@crux/infra/function-policies';
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionsOf,
  type PolicyStatementJson,
  refId,
  resourcesOf,
  statementsOfRole,
  synthStack,
} from './synth';

/**
 * Who may use the user pool's admin API in the synthesised stack: the accounts function (a leader's
 * staff and volunteers) and the admin function (a new centre's first leader), each with exactly its
 * own actions on this one pool; the privacy function and the retention job, which erase a participant
 * and with them their own account, may find it in the centre's group and delete it, nothing more; no
 * other function reaches Cognito at all, and nobody may set a password or change attributes (the role
 * and centre are written once, at creation).
 */
let template: Template;
beforeAll(() => {
  template = synthStack().template;
});

const appFunctions = () =>
  Object.entries(resourcesOf(template, 'AWS::Lambda::Function')).filter(([, f]) =>
    String(f.Properties.Runtime).startsWith('nodejs'),
  );
const nameOf = (f: { Properties: Record<string, unknown> }) =>
  (f.Properties.Tags as { Key: string; Value: string }[] | undefined)?.find((t) => t.Key === 'crux:function')
    ?.Value;
const functionNamed = (name: string) => {
  const found = appFunctions().find(([, f]) => nameOf(f) === name);
  if (!found) throw new Error(`no function ${name}`);
  return found[1];
};
const roleOf = (name: string) => refId(functionNamed(name).Properties.Role);
const cognitoStatements = (roleId: string) =>
  statementsOfRole(template, roleId).filter((s) => actionsOf(s).some((a) => a.startsWith('cognito-idp:')));
const poolId = () => {
  const pools = Object.keys(resourcesOf(template, 'AWS::Cognito::UserPool'));
  expect(pools).toHaveLength(1);
  return pools[0] as string;
};
/** A policy's statement as CDK writes it into the template: the table's ARN as a reference, one action bare. */
const synthesised = (statement: PolicyStatementJson, tableId: string): PolicyStatementJson => ({
  ...statement,
  Action: actionsOf(statement).length === 1 ? (actionsOf(statement)[0] ?? '') : statement.Action,
  Resource: { 'Fn::GetAtt': [tableId, 'Arn'] },
});

const poolUsers = ['accounts', 'admin', 'privacy', 'retentionJob'] as const;

describe('the user pool admin API', () => {
  it.each(poolUsers)(
    'the %s function has exactly its own actions, on this pool only, and the pool id',
    (name) => {
      expect(cognitoStatements(roleOf(name))).toEqual([
        {
          Sid: 'UserPoolAdminOnThisPool',
          Effect: 'Allow',
          Action: [...userPoolActions[name]],
          Resource: { 'Fn::GetAtt': [poolId(), 'Arn'] },
        },
      ]);
      const env = functionNamed(name).Properties.Environment as { Variables: Record<string, unknown> };
      expect(env.Variables.USER_POOL_ID).toEqual({ Ref: poolId() });
    },
  );

  it('no other function reaches Cognito; only erasure deletes users, and no one sets passwords or changes attributes', () => {
    const others = appFunctions()
      .map(([, f]) => nameOf(f) ?? '')
      .filter((name) => !(poolUsers as readonly string[]).includes(name));
    expect(others.length).toBeGreaterThan(0);
    for (const name of others) expect(cognitoStatements(roleOf(name)), name).toEqual([]);
    // Erasure finds the participant's account in the centre's group and deletes it: nothing else.
    for (const erasing of [userPoolActions.privacy, userPoolActions.retentionJob])
      expect([...erasing].sort()).toEqual(['cognito-idp:AdminDeleteUser', 'cognito-idp:ListUsersInGroup']);
    expect([...userPoolActions.accounts, ...userPoolActions.admin]).not.toContain(
      'cognito-idp:AdminDeleteUser',
    );
    const granted = Object.values(userPoolActions).flat();
    for (const forbidden of [
      'cognito-idp:AdminSetUserPassword',
      'cognito-idp:AdminUpdateUserAttributes',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:DeleteGroup',
    ])
      expect(granted).not.toContain(forbidden);
    // Only the leader's function turns accounts off and on; the admin only onboards.
    expect(userPoolActions.admin).not.toContain('cognito-idp:AdminDisableUser');
    expect(userPoolActions.admin).not.toContain('cognito-idp:AdminEnableUser');
  });
});

describe('the table, as the accounts and admin functions reach it', () => {
  const tableId = () => Object.keys(resourcesOf(template, 'AWS::DynamoDB::Table'))[0] as string;
  const dynamo = (name: string) =>
    statementsOfRole(template, roleOf(name)).filter((s) =>
      actionsOf(s).some((a) => a.startsWith('dynamodb:')),
    );

  it('the accounts function: its own request records only', () => {
    expect(dynamo('accounts')).toEqual(accountsPolicy('').Statement.map((s) => synthesised(s, tableId())));
  });

  it('the privacy function: the accounts request records, read and deleted (a participant erased), nothing else', () => {
    expect(dynamo('privacy')).toEqual(privacyPolicy('').Statement.map((s) => synthesised(s, tableId())));
    expect(actionsOf(privacyPolicy('').Statement[0] as PolicyStatementJson).sort()).toEqual([
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
    ]);
  });

  it('the admin function: the registry, the catalogue, its records, and the delete that takes back an onboarding', () => {
    expect(dynamo('admin')).toEqual(adminPolicy('').Statement.map((s) => synthesised(s, tableId())));
  });
});
