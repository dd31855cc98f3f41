import {
  accountsPolicy,
  adminPolicy,
  answerPolicy,
  catalogueReadPolicy,
  figuresJobPolicy,
  headOfficePolicy,
  networkPolicy,
  preTokenPolicy,
  privacyPolicy,
} from '@crux/infra/function-policies';
import {
  tableKeyStatement,
  tenantLeadingKeys,
  tenantPolicy,
  tenantTrustConditions,
} from '@crux/infra/tenant-policy';
import {
  centreKeys,
  headOfficeKeys,
  networkKeys,
  registryKeys,
  signInKeys,
  surveyKeys,
} from '@crux/store/keys';
import { issueTenantScope } from '@crux/store/tenant-scope';
import { describe, expect, it } from 'vitest';

const tableArn = 'arn:aws:dynamodb:eu-north-1:111122223333:table/crux';
/** The IAM policy variable, spelled out: IAM replaces it with the session's `centre` tag. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JavaScript template
const centreTag = '${aws:PrincipalTag/centre}';
const keyArn = 'arn:aws:kms:eu-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('the tenant role policy (exact JSON)', () => {
  it('allows only the centre item actions, on the table and each named index, under its own leading keys', () => {
    expect(tenantPolicy(tableArn, ['GSI1', 'GSI2'])).toStrictEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'OwnCentreItemsOnly',
          Effect: 'Allow',
          Action: [
            'dynamodb:BatchGetItem',
            'dynamodb:ConditionCheckItem',
            'dynamodb:DeleteItem',
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:Query',
            'dynamodb:UpdateItem',
          ],
          Resource: [
            'arn:aws:dynamodb:eu-north-1:111122223333:table/crux',
            'arn:aws:dynamodb:eu-north-1:111122223333:table/crux/index/GSI1',
            'arn:aws:dynamodb:eu-north-1:111122223333:table/crux/index/GSI2',
          ],
          Condition: {
            'ForAllValues:StringLike': {
              'dynamodb:LeadingKeys': [`C#${centreTag}`, `C#${centreTag}#*`],
            },
            Null: { 'dynamodb:LeadingKeys': 'false' },
          },
        },
        {
          Sid: 'CatalogueCheckOnly',
          Effect: 'Allow',
          Action: ['dynamodb:ConditionCheckItem'],
          Resource: ['arn:aws:dynamodb:eu-north-1:111122223333:table/crux'],
          Condition: {
            'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CATALOGUE', 'SURVEY'] },
            Null: { 'dynamodb:LeadingKeys': 'false' },
          },
        },
        {
          Sid: 'AccessLogAddOnly',
          Effect: 'Deny',
          Action: [
            'dynamodb:BatchGetItem',
            'dynamodb:BatchWriteItem',
            'dynamodb:DeleteItem',
            'dynamodb:GetItem',
            'dynamodb:Query',
            'dynamodb:UpdateItem',
          ],
          // On the indexes too: a participant's log is on GSI1 (`C#<centre>#P#<ref>#LOG`).
          Resource: [
            'arn:aws:dynamodb:eu-north-1:111122223333:table/crux',
            'arn:aws:dynamodb:eu-north-1:111122223333:table/crux/index/GSI1',
            'arn:aws:dynamodb:eu-north-1:111122223333:table/crux/index/GSI2',
          ],
          Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['C#*#LOG'] } },
        },
      ],
    });
  });

  it('is trusted only with a `centre` session tag and no other tag', () => {
    expect(tenantTrustConditions).toStrictEqual({
      Null: { 'aws:RequestTag/centre': 'false' },
      'ForAllValues:StringEquals': { 'aws:TagKeys': ['centre'] },
    });
  });
});

/**
 * IAM's StringLike: `*` is any run of characters, `?` one character, after the policy variable is
 * replaced by the session's tag. Enough to show the patterns admit exactly the keys the store builds.
 */
function stringLike(pattern: string, value: string, centre: string): boolean {
  const resolved = pattern.replaceAll(centreTag, centre);
  const regex = resolved
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(value);
}
const admitted = (tag: string, key: string) => tenantLeadingKeys.some((p) => stringLike(p, key, tag));

describe('the leading-key patterns against the keys the store builds', () => {
  const ovre = issueTenantScope('ovre', 'staff', 'u1');
  const ovreEiker = issueTenantScope('ovre-eiker', 'staff', 'u2');

  it("admit every partition of the caller's own centre", () => {
    for (const key of [centreKeys.pk(ovre), centreKeys.participationPk(ovre), centreKeys.figuresPk(ovre)]) {
      expect(admitted('ovre', key), key).toBe(true);
    }
  });

  it('never admit a centre whose id merely starts with the same letters', () => {
    for (const key of [
      centreKeys.pk(ovreEiker),
      centreKeys.participationPk(ovreEiker),
      centreKeys.figuresPk(ovreEiker),
    ]) {
      expect(admitted('ovre', key), key).toBe(false);
    }
    expect(admitted('ovre-eiker', centreKeys.pk(ovre))).toBe(false);
  });

  it('never admit the registry, head-office or network partitions', () => {
    for (const key of [registryKeys.pk, headOfficeKeys.pk(2024), networkKeys.pk(2024)]) {
      expect(admitted('ovre', key), key).toBe(false);
    }
  });
});

describe("the answer function's patterns against the keys the store builds", () => {
  const answerKeys = ['C#*#SURVEY', 'C#*#SURVEY#*'];
  const reaches = (key: string) => answerKeys.some((p) => stringLike(p, key, ''));
  const ovre = issueTenantScope('ovre', 'staff', 'u1');

  it("reach a centre's survey partitions", () => {
    expect(reaches(surveyKeys.pk(ovre))).toBe(true);
    expect(reaches(surveyKeys.answersPk(ovre, 'r1'))).toBe(true);
  });

  it("never reach a centre's records, figures or any other partition", () => {
    for (const key of [
      centreKeys.pk(ovre),
      centreKeys.participationPk(ovre),
      centreKeys.figuresPk(ovre),
      'CENTRES',
      'CATALOGUE',
      'HQ#2024',
      'NET#2024',
    ])
      expect(reaches(key), key).toBe(false);
  });
});

describe('the other audiences (exact JSON)', () => {
  const one = (sid: string, actions: string[], leadingKeys: string[]) => ({
    Sid: sid,
    Effect: 'Allow',
    Action: actions,
    Resource: [tableArn],
    Condition: {
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': leadingKeys },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    },
  });
  const statement = (sid: string, actions: string[], leadingKeys: string[]) => ({
    Version: '2012-10-17',
    Statement: [one(sid, actions, leadingKeys)],
  });
  const policyOf = (...statements: ReturnType<typeof one>[]) => ({
    Version: '2012-10-17',
    Statement: statements,
  });
  const questionnaireWrite = [
    'dynamodb:ConditionCheckItem',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:Query',
    'dynamodb:UpdateItem',
  ];

  it('head office reads HQ# partitions, and drafts the questionnaire with its own remembered answers', () => {
    expect(headOfficePolicy(tableArn)).toStrictEqual(
      policyOf(
        one('HeadOfficeFiguresOnly', ['dynamodb:GetItem', 'dynamodb:Query'], ['HQ#*']),
        one('QuestionnaireDraftAndPublish', questionnaireWrite, ['SURVEY', 'IDEM#headoffice']),
      ),
    );
  });

  it('the experience network reads NET# partitions, and comments on the questionnaire draft', () => {
    expect(networkPolicy(tableArn)).toStrictEqual(
      policyOf(
        one('NetworkFiguresOnly', ['dynamodb:GetItem', 'dynamodb:Query'], ['NET#*']),
        one('QuestionnaireComments', questionnaireWrite, ['SURVEY', 'IDEM#network']),
      ),
    );
  });

  it('the admin reaches exactly the registry, the catalogue and its own remembered answers, and deletes only an onboarding it takes back', () => {
    expect(adminPolicy(tableArn)).toStrictEqual({
      Version: '2012-10-17',
      Statement: [
        one(
          'CentreRegistryAndCatalogueOnly',
          [
            'dynamodb:ConditionCheckItem',
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:Query',
            'dynamodb:UpdateItem',
          ],
          ['CENTRES', 'CATALOGUE', 'IDEM#admin'],
        ),
        one('OnboardingUndoOnly', ['dynamodb:DeleteItem'], ['CENTRES', 'IDEM#admin']),
      ],
    });
  });

  it('the accounts function keeps its own request records and reaches nothing else in the table', () => {
    expect(accountsPolicy(tableArn)).toStrictEqual(
      statement(
        'OwnRequestRecordsOnly',
        ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        ['IDEM#accounts'],
      ),
    );
  });

  it("the privacy function reads and deletes the accounts API's records (an erased participant's), nothing else", () => {
    expect(privacyPolicy(tableArn)).toStrictEqual(
      statement(
        'ErasedParticipantsAccountRequests',
        ['dynamodb:DeleteItem', 'dynamodb:GetItem'],
        ['IDEM#accounts'],
      ),
    );
  });

  it('the catalogue function reads the catalogue item and the questionnaire only', () => {
    expect(catalogueReadPolicy(tableArn)).toStrictEqual(
      policyOf(
        one('CatalogueOnly', ['dynamodb:GetItem'], ['CATALOGUE']),
        one('QuestionnaireReadOnly', ['dynamodb:Query'], ['SURVEY']),
      ),
    );
  });

  it('the answer function gives an answer in the survey partitions, and can never read one back', () => {
    expect(answerPolicy(tableArn)).toStrictEqual(
      policyOf(
        one(
          'SurveyAnswerOnly',
          ['dynamodb:ConditionCheckItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
          ['C#*#SURVEY', 'C#*#SURVEY#*'],
        ),
        one('QuestionnaireRead', ['dynamodb:GetItem'], ['SURVEY']),
      ),
    );
  });

  it('the sign-in trigger gets one registry item by key, reading back nothing but its partition key', () => {
    expect(preTokenPolicy(tableArn)).toStrictEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'CentreRegistryMembershipOnly',
          Effect: 'Allow',
          Action: ['dynamodb:GetItem'],
          Resource: [tableArn],
          Condition: {
            'ForAllValues:StringEquals': {
              'dynamodb:LeadingKeys': ['CENTRES'],
              'dynamodb:Attributes': ['PK'],
            },
            StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
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
            'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['participantSignIn'] },
            StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
            Null: { 'dynamodb:LeadingKeys': 'false' },
          },
        },
      ],
    });
    // The keys the store asks for are the ones the policy admits.
    expect(registryKeys.centre('tromso').PK).toBe('CENTRES');
    expect(signInKeys.centreSettings('tromso').PK).toMatch(/^C#/);
  });

  it('the figures job reads and writes the table and its indexes, but cannot Scan nor touch the access log', () => {
    expect(figuresJobPolicy(tableArn, ['GSI1'])).toStrictEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'FiguresJobTableAccess',
          Effect: 'Allow',
          Action: [
            'dynamodb:BatchGetItem',
            'dynamodb:BatchWriteItem',
            'dynamodb:ConditionCheckItem',
            'dynamodb:DeleteItem',
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:Query',
            'dynamodb:UpdateItem',
          ],
          Resource: [tableArn, `${tableArn}/index/GSI1`],
        },
        {
          Sid: 'AccessLogUntouched',
          Effect: 'Deny',
          Action: [
            'dynamodb:BatchWriteItem',
            'dynamodb:DeleteItem',
            'dynamodb:PutItem',
            'dynamodb:UpdateItem',
          ],
          Resource: [tableArn],
          Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['C#*#LOG'] } },
        },
      ],
    });
  });

  it('the table key is usable only through DynamoDB, and readers cannot encrypt', () => {
    const viaDynamo = { StringEquals: { 'kms:ViaService': 'dynamodb.eu-north-1.amazonaws.com' } };
    expect(tableKeyStatement(keyArn, 'eu-north-1', 'read')).toStrictEqual({
      Sid: 'TableKeyViaDynamoDb',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:DescribeKey'],
      Resource: [keyArn],
      Condition: viaDynamo,
    });
    expect(tableKeyStatement(keyArn, 'eu-north-1', 'readWrite')).toStrictEqual({
      Sid: 'TableKeyViaDynamoDb',
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
      Resource: [keyArn],
      Condition: viaDynamo,
    });
  });
});
