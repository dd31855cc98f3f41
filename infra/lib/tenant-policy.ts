import {
  accessLogPartitions,
  audienceKeys,
  catalogueKeys,
  PARTICIPANT_SIGN_IN,
  questionnaireKeys,
  registryKeys,
} from '@crux/store/keys';
import { table } from '@crux/store/table';

/**
 * Which items of the table each principal may reach, as plain IAM JSON so the tests can compare it whole.
 * DynamoDB Local does not enforce IAM; these documents are the layer that holds in AWS even if the code
 * above them has a bug.
 */

export type Statement = {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string | string[]>>;
};
export type PolicyJson = { Version: '2012-10-17'; Statement: Statement[] };

/** The session tag the centre API sets from the verified access token when it assumes the tenant role. */
export const tenantTagKey = 'centre';

const tagVariable = `\${aws:PrincipalTag/${tenantTagKey}}`;

/**
 * `C#<centre>` and `C#<centre>#…`, nothing else: the delimiter in the second pattern is why `ovre` never
 * reaches `ovre-eiker`. STS refuses `*`, `?` and `#` in tag values, so the tag cannot widen the pattern.
 */
export const tenantLeadingKeys = [`C#${tagVariable}`, `C#${tagVariable}#*`];

/** Reading and changing items one by one and in transactions. No Scan: a Scan has no leading key to check. */
export const tenantActions = [
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];

/** The table and each named index: listing them avoids an `index/*` wildcard. */
export function tableResources(tableArn: string, indexNames: readonly string[]): string[] {
  return [tableArn, ...indexNames.map((name) => `${tableArn}/index/${name}`)];
}

/**
 * Allow `actions` only on items whose partition key matches `leadingKeys`. The `Null` guard matters:
 * without it, a request that carries no leading key at all would pass `ForAllValues` vacuously.
 */
export function leadingKeysStatement(
  sid: string,
  actions: readonly string[],
  resources: readonly string[],
  leadingKeys: readonly string[],
): Statement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Action: [...actions],
    Resource: [...resources],
    Condition: {
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...leadingKeys] },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    },
  };
}

export const policy = (...statements: Statement[]): PolicyJson => ({
  Version: '2012-10-17',
  Statement: statements,
});

/**
 * Refuses `actions` on any request that touches an access-log partition (`C#<centre>#LOG`), whatever
 * else allows them: a Deny wins over every Allow. Only the retention job's role has none.
 */
export function accessLogDeny(sid: string, actions: readonly string[], tableArn: string): Statement {
  return {
    Sid: sid,
    Effect: 'Deny',
    // Sorted, as CDK writes them.
    Action: [...actions].sort(),
    Resource: [tableArn],
    Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [accessLogPartitions] } },
  };
}

/** What changes an item: a log entry is never changed or deleted but by the retention job. */
export const changeActions = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'];

/**
 * The tenant role's permissions: its own centre's items, on the table and its indexes; and the
 * catalogue's one item and the survey's questionnaire, to check (never to read or change) that what a
 * write names is in use or published. In its centre's access log it may only add entries (PutItem, its
 * keys unguessable): it can neither read an entry, so it never learns a key to overwrite, nor change or
 * delete one.
 */
export function tenantPolicy(tableArn: string, indexNames: readonly string[]): PolicyJson {
  return policy(
    leadingKeysStatement(
      'OwnCentreItemsOnly',
      tenantActions,
      tableResources(tableArn, indexNames),
      tenantLeadingKeys,
    ),
    leadingKeysStatement(
      'CatalogueCheckOnly',
      ['dynamodb:ConditionCheckItem'],
      [tableArn],
      [catalogueKeys.pk, questionnaireKeys.pk],
    ),
    accessLogDeny(
      'AccessLogAddOnly',
      [...changeActions, 'dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'],
      tableArn,
    ),
  );
}

/** The leader's view of the access log: reading its own centre's log, and nothing else. */
export function logReaderPolicy(tableArn: string): PolicyJson {
  return policy(
    leadingKeysStatement(
      'OwnCentreAccessLogReadOnly',
      ['dynamodb:GetItem', 'dynamodb:Query'],
      [tableArn],
      [`C#${tagVariable}#LOG`],
    ),
  );
}

/** The catalogue function reads the catalogue's item and the survey's questionnaire, and nothing else. */
export function catalogueReadPolicy(tableArn: string): PolicyJson {
  return policy(
    leadingKeysStatement('CatalogueOnly', ['dynamodb:GetItem'], [tableArn], [catalogueKeys.pk]),
    leadingKeysStatement('QuestionnaireReadOnly', ['dynamodb:Query'], [tableArn], [questionnaireKeys.pk]),
  );
}

/**
 * The survey's answer function, called without a token: every centre's survey partitions (its rounds
 * and codes, `C#<centre>#SURVEY`, and each round's answers, `C#<centre>#SURVEY#<round>`) and the
 * published questionnaire. No Query and no index: it finds one open round, checks one code and writes
 * one answer, and can never list or read back what anyone answered.
 */
export function answerPolicy(tableArn: string): PolicyJson {
  return policy(
    leadingKeysStatement(
      'SurveyAnswerOnly',
      ['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      [tableArn],
      ['C#*#SURVEY', 'C#*#SURVEY#*'],
    ),
    leadingKeysStatement('QuestionnaireRead', ['dynamodb:GetItem'], [tableArn], [questionnaireKeys.pk]),
  );
}

/** Drafting, commenting and publishing the questionnaire, with the requests' remembered answers. */
const questionnaireWrite = (sid: string, tableArn: string, audience: 'headoffice' | 'network') =>
  leadingKeysStatement(
    sid,
    [
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ],
    [tableArn],
    [questionnaireKeys.pk, audienceKeys.idempotencyPk(audience)],
  );

/**
 * Conditions on the tenant role's trust: the caller must tag the session with `centre`, and with nothing
 * else, so the tag the policy reads is always the one the centre API set from the token.
 */
export const tenantTrustConditions = {
  Null: { [`aws:RequestTag/${tenantTagKey}`]: 'false' },
  'ForAllValues:StringEquals': { 'aws:TagKeys': [tenantTagKey] },
};

/**
 * Head office reads the `HQ#<year>` partitions only: figures, never a participant record; and it drafts
 * and publishes the survey's questionnaire.
 */
export function headOfficePolicy(tableArn: string): PolicyJson {
  return policy(
    leadingKeysStatement(
      'HeadOfficeFiguresOnly',
      ['dynamodb:GetItem', 'dynamodb:Query'],
      [tableArn],
      ['HQ#*'],
    ),
    questionnaireWrite('QuestionnaireDraftAndPublish', tableArn, 'headoffice'),
  );
}

/**
 * The experience network reads `NET#<year>`, where only already-suppressed figures are written, and
 * reads and comments on the survey's questionnaire draft.
 */
export function networkPolicy(tableArn: string): PolicyJson {
  return policy(
    leadingKeysStatement('NetworkFiguresOnly', ['dynamodb:GetItem', 'dynamodb:Query'], [tableArn], ['NET#*']),
    questionnaireWrite('QuestionnaireComments', tableArn, 'network'),
  );
}

/**
 * The platform admin manages the centre registry and the catalogue, with its requests' remembered
 * answers beside them, and never reaches a centre's own items. It deletes only in the registry and its
 * own records: an onboarding takes back the centre it registered when its leader could not be made, and
 * a refused request releases its claim (packages/store/src/external-idempotency.ts).
 */
export function adminPolicy(tableArn: string): PolicyJson {
  const ownRecords = audienceKeys.idempotencyPk('admin');
  return policy(
    leadingKeysStatement(
      'CentreRegistryAndCatalogueOnly',
      [
        'dynamodb:ConditionCheckItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
      ],
      [tableArn],
      [registryKeys.pk, catalogueKeys.pk, ownRecords],
    ),
    leadingKeysStatement(
      'OnboardingUndoOnly',
      ['dynamodb:DeleteItem'],
      [tableArn],
      [registryKeys.pk, ownRecords],
    ),
  );
}

/**
 * The accounts function keeps its requests' records (claimed, completed, or released when refused) and
 * touches nothing else in the table: the accounts themselves live in the user pool.
 */
export function accountsPolicy(tableArn: string): PolicyJson {
  return policy(
    leadingKeysStatement(
      'OwnRequestRecordsOnly',
      ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem'],
      [tableArn],
      [audienceKeys.idempotencyPk('accounts')],
    ),
  );
}

/**
 * The user pool's admin API, on this pool only. The centre leader's function lists, invites, deactivates
 * and reactivates (and signs a deactivated account out everywhere); the admin's lists and invites (a new
 * centre's first leader). Neither may delete a user, set a password or change attributes after the fact:
 * the role and centre are written once, at creation, by the server.
 */
export const userPoolActions = {
  accounts: [
    'cognito-idp:AdminAddUserToGroup',
    'cognito-idp:AdminCreateUser',
    'cognito-idp:AdminDisableUser',
    'cognito-idp:AdminEnableUser',
    'cognito-idp:AdminUserGlobalSignOut',
    'cognito-idp:CreateGroup',
    'cognito-idp:ListUsers',
    'cognito-idp:ListUsersInGroup',
  ],
  admin: [
    'cognito-idp:AdminAddUserToGroup',
    'cognito-idp:AdminCreateUser',
    'cognito-idp:CreateGroup',
    'cognito-idp:ListUsers',
  ],
} as const;

export function userPoolStatement(poolArn: string, actions: readonly string[]): Statement {
  return { Sid: 'UserPoolAdminOnThisPool', Effect: 'Allow', Action: [...actions], Resource: [poolArn] };
}

/**
 * The sign-in trigger asks two things: is this centre in the registry, and (for a participant) does the
 * centre let its participants sign in. GetItem only, on the table (no index): on the `CENTRES` partition
 * reading back nothing but the partition key, and on a centre's partitions nothing but the one setting's
 * attribute (`dynamodb:Attributes`; `dynamodb:Select` stops a request for all attributes), so it learns
 * whether a centre exists and whether the setting is on, and nothing else. The `Null` guard keeps a
 * request without a leading key from passing.
 */
export function preTokenPolicy(tableArn: string): PolicyJson {
  const onlyAttributes = { StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' } };
  return policy(
    {
      Sid: 'CentreRegistryMembershipOnly',
      Effect: 'Allow',
      Action: ['dynamodb:GetItem'],
      Resource: [tableArn],
      Condition: {
        'ForAllValues:StringEquals': {
          'dynamodb:LeadingKeys': [registryKeys.pk],
          'dynamodb:Attributes': [table.partitionKey],
        },
        ...onlyAttributes,
        Null: { 'dynamodb:LeadingKeys': 'false' },
      },
    },
    {
      Sid: 'ParticipantSignInSettingOnly',
      Effect: 'Allow',
      Action: ['dynamodb:GetItem'],
      Resource: [tableArn],
      Condition: {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['C#*'] },
        'ForAllValues:StringEquals': { 'dynamodb:Attributes': [PARTICIPANT_SIGN_IN] },
        ...onlyAttributes,
        Null: { 'dynamodb:LeadingKeys': 'false' },
      },
    },
  );
}

/**
 * The figures job reads every centre's records and writes every audience's figures: it is the one
 * principal that crosses centres, so it has no leading-key condition, and still no Scan.
 */
export function figuresJobPolicy(tableArn: string, indexNames: readonly string[]): PolicyJson {
  return policy(
    jobTableAccess('FiguresJobTableAccess', tableArn, indexNames),
    accessLogDeny('AccessLogUntouched', [...changeActions, 'dynamodb:PutItem'], tableArn),
  );
}

const jobTableAccess = (sid: string, tableArn: string, indexNames: readonly string[]): Statement => ({
  Sid: sid,
  Effect: 'Allow',
  Action: [...tenantActions, 'dynamodb:BatchWriteItem'].sort(),
  Resource: tableResources(tableArn, indexNames),
});

/**
 * The retention job anonymises participants in every centre (the erasure's reads and transactions, and
 * its access-log entry) and deletes access-log entries past their years: the one principal whose
 * credentials may delete a log entry. No Scan.
 */
export function retentionJobPolicy(tableArn: string, indexNames: readonly string[]): PolicyJson {
  return policy(jobTableAccess('RetentionJobTableAccess', tableArn, indexNames));
}

export type KeyUse = 'read' | 'readWrite';

/**
 * Use of the table's KMS key, only through DynamoDB in this region: the role cannot decrypt anything
 * with the key directly. Readers need Decrypt; writers also Encrypt and GenerateDataKey.
 */
export function tableKeyStatement(keyArn: string, region: string, use: KeyUse): Statement {
  const read = ['kms:Decrypt', 'kms:DescribeKey'];
  const write = ['kms:Encrypt', 'kms:GenerateDataKey'];
  return {
    Sid: 'TableKeyViaDynamoDb',
    Effect: 'Allow',
    Action: use === 'read' ? read : [...read, ...write],
    Resource: [keyArn],
    Condition: { StringEquals: { 'kms:ViaService': `dynamodb.${region}.amazonaws.com` } },
  };
}
