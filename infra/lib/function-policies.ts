import {
  audienceKeys,
  catalogueKeys,
  PARTICIPANT_SIGN_IN,
  questionnaireKeys,
  registryKeys,
} from '@crux/store/keys';
import { table } from '@crux/store/table';
import {
  accessLogDeny,
  changeActions,
  leadingKeysStatement,
  type PolicyJson,
  policy,
  type Statement,
  tableResources,
  tenantActions,
} from './tenant-policy';

/**
 * The policies of the functions with a role of their own (not the tenant role): the foundation-wide
 * audiences, the sign-in trigger and the jobs. Each reaches only its own partitions; the tests compare
 * each document whole (test/infra).
 */

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
 * The accounts function keeps its requests' records (claimed, completed, or released when refused; a
 * participant's account also listed under the participant, an UpdateItem in the claim's transaction)
 * and touches nothing else in the table: the accounts themselves live in the user pool.
 */
export function accountsPolicy(tableArn: string): PolicyJson {
  return policy(
    leadingKeysStatement(
      'OwnRequestRecordsOnly',
      ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      [tableArn],
      [audienceKeys.idempotencyPk('accounts')],
    ),
  );
}

/**
 * Besides the tenant role, the privacy function's own role reaches one thing in the table: the accounts
 * API's request records, to read a participant's list of them and delete them at their erasure
 * (functions/src/accounts/erasure.ts). No Query, no PutItem: it cannot list or make one.
 */
export function privacyPolicy(tableArn: string): PolicyJson {
  return policy(
    leadingKeysStatement(
      'ErasedParticipantsAccountRequests',
      ['dynamodb:DeleteItem', 'dynamodb:GetItem'],
      [tableArn],
      [audienceKeys.idempotencyPk('accounts')],
    ),
  );
}

/** Erasure (the privacy function) and retention (its job): find a participant's own account in the centre's group, and delete it. */
const erasureActions = ['cognito-idp:AdminDeleteUser', 'cognito-idp:ListUsersInGroup'] as const;

/**
 * The user pool's admin API, on this pool only. The centre leader's function lists, invites, deactivates
 * and reactivates (and signs a deactivated account out everywhere); the admin's lists and invites (a new
 * centre's first leader). Neither may delete a user, set a password or change attributes after the fact:
 * the role and centre are written once, at creation, by the server. Only the erasure of a participant
 * deletes a user (their own account), by the leader's one action or the retention job.
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
  privacy: erasureActions,
  retentionJob: erasureActions,
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
